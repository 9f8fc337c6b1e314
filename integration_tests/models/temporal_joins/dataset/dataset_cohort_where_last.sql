-- cohort_filter='last' counts among the ads sessions: c07 (12:00; the last session overall is the
-- direct c09 at 13:00). No later ads session, so its segment is open: c08 (12:10), c10 (13:10).
{{ activity_schema.temporal_join(
    stream=ref('dataset_stream'),
    cohort_activity='c_session',
    cohort_where=[{'column': 'source', 'op': '=', 'value': 'ads'}],
    cohort_filter='last',
    target_activity='c_buy',
    join_type='aggregate_in_between',
    aggregation='listagg',
    columns=['activity_id'],
) }}
