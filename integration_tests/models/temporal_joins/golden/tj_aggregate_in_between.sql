-- The number of distinct pages viewed in each session.
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='started_session',
    target_activity='viewed_page',
    join_type='aggregate_in_between',
    cohort_filter='all',
    aggregation='count_distinct',
    columns=['link'],
) }}
