-- The first purchase after each session.
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='started_session',
    target_activity='made_purchase',
    join_type='first_after',
    cohort_filter='all',
    columns=['ts', 'activity_id', 'revenue_impact', 'items'],
) }}
