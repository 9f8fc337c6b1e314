-- Lifetime revenue on every purchase (target == cohort; *_ever includes the row itself).
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='made_purchase',
    target_activity='made_purchase',
    join_type='aggregate_all_ever',
    cohort_filter='all',
    aggregation='sum',
    columns=['revenue_impact'],
) }}
