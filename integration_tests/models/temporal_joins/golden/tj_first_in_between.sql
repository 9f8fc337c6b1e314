-- The landing page of each person's first session (bounded by the second session).
{{ activity_schema.temporal_join(
    stream=ref('tj_golden_stream'),
    cohort_activity='started_session',
    target_activity='viewed_page',
    join_type='first_in_between',
    cohort_filter='first',
    columns=['ts', 'link'],
) }}
