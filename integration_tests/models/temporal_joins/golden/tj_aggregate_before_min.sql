-- The smallest earlier purchase on each person's latest purchase (target == cohort, min, cohort_filter='last').
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='made_purchase',
    target_activity='made_purchase',
    join_type='aggregate_before',
    cohort_filter='last',
    aggregation='min',
    columns=['revenue_impact'],
) }}
