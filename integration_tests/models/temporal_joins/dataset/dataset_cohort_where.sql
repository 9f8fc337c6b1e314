-- A filtered cohort is a subclass. cal's sessions: c00 08:00 direct, c01 09:00 ads, c03 10:00
-- direct, c05 11:00 ads, c07 12:00 ads, c09 13:00 direct; buys c02 09:10, c04 10:10, c06 11:10,
-- c08 12:10, c10 13:10. cohort_where source = 'ads' keeps c01, c05, c07, and each segment ends at
-- the next ads session, not at the next session:
--   c01: (09:00, 11:00] -> buys c02,c04, last c04 (the next session c03 would stop at c02).
--   c05: (11:00, 12:00] -> c06, last c06.
--   c07: open (no later ads session) -> c08,c10, last c10 (c09 would stop at c08).
-- Targets are not filtered: previous_session (last_before c_session) sees direct sessions:
--   c01 -> c00, c05 -> c03, c07 -> c05.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='c_session',
    cohort_where=[{'column': 'source', 'op': '=', 'value': 'ads'}],
    join_configs=[
        {'name': 'session_buys', 'target_activity': 'c_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'listagg', 'columns': ['activity_id']},
        {'name': 'session_last_buy', 'target_activity': 'c_buy', 'join_type': 'last_in_between', 'columns': ['activity_id']},
        {'name': 'previous_session', 'target_activity': 'c_session', 'join_type': 'last_before', 'columns': ['activity_id']},
    ],
) }}
