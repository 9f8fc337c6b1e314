-- The number of earlier purchases on each purchase (target == cohort, default count).
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='made_purchase',
    target_activity='made_purchase',
    join_type='aggregate_before',
    cohort_filter='all',
) }}
