-- The latest purchase ever of each person, on every signup.
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='signed_up',
    target_activity='made_purchase',
    join_type='last_ever',
    cohort_filter='all',
    columns=['ts', 'activity_id', 'items'],
) }}
