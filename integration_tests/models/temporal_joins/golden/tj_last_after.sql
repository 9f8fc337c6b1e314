-- The last page viewed after each person's second session (cohort_filter=2).
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='started_session',
    target_activity='viewed_page',
    join_type='last_after',
    cohort_filter=2,
    columns=['ts', 'link'],
) }}
