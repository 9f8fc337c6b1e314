-- The last purchase in each session.
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='started_session',
    target_activity='made_purchase',
    join_type='last_in_between',
    cohort_filter='all',
    columns=['ts', 'activity_id', 'plan'],
) }}
