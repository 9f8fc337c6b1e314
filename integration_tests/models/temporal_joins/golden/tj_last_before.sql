-- The last session strictly before each purchase (last-touch attribution).
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='made_purchase',
    target_activity='started_session',
    join_type='last_before',
    cohort_filter='all',
    columns=['ts', 'activity_id', 'referrer'],
) }}
