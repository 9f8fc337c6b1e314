-- The average purchase after each person's first signup.
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='signed_up',
    target_activity='made_purchase',
    join_type='aggregate_after',
    cohort_filter='first',
    aggregation='avg',
    columns=['revenue_impact'],
) }}
