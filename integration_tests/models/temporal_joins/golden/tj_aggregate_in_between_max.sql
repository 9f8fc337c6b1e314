-- The largest basket (feature_json key items, cast to a float) bought in each session.
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='started_session',
    target_activity='made_purchase',
    join_type='aggregate_in_between',
    cohort_filter='all',
    aggregation='max',
    columns=['items'],
) }}
