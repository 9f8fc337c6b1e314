-- cohort_filter='first' counts among the ads sessions: c01 (09:00), not the first session c00.
-- Its segment runs to the next ads session c05 (11:00): last buy c04 (10:10). The optional name
-- prefixes the column.
{{ activity_schema.temporal_join(
    stream=ref('dataset_stream'),
    cohort_activity='c_session',
    cohort_where=[{'column': 'source', 'op': '=', 'value': 'ads'}],
    cohort_filter='first',
    target_activity='c_buy',
    join_type='last_in_between',
    columns=['activity_id'],
    name='first_ads_session',
) }}
