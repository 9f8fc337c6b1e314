-- cohort_filter=2 counts among the ads sessions: c05 (11:00; the second session overall is c01).
-- Its first buy in (11:00, 12:00] is c06. columns as a mapping: the alias is the full column name.
{{ activity_schema.temporal_join(
    stream=ref('dataset_stream'),
    cohort_activity='c_session',
    cohort_where=[{'column': 'source', 'op': '=', 'value': 'ads'}],
    cohort_filter=2,
    target_activity='c_buy',
    join_type='first_in_between',
    columns={'second_ads_session_buy': 'activity_id'},
) }}
