-- The first purchase ever of each person, on each person's LAST session (cohort_filter='last').
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='started_session',
    target_activity='made_purchase',
    join_type='first_ever',
    cohort_filter='last',
    columns=['ts', 'revenue_impact', 'plan'],
) }}
