-- within. val's sessions: v01 03-04 10:00, v06 03-05 09:00. Buys: v02 03-04 10:30, v03 17:00
-- (exactly v01 + 7h), v04 17:01, v05 03-05 02:00 (exactly v06 - 7h), v07 09:00 (tied with v06),
-- v08 12:00.
--   after_7h (aggregate_after listagg): v01 (10:00, 17:00] -> v02,v03; v06 (09:00, 16:00] -> v08.
--   last_after_7h: v01 -> v03 (the bound itself); v06 -> v08.
--   before_7h (aggregate_before listagg): v01 [03:00, 10:00) -> null; v06 [02:00, 09:00) -> v05.
--   first_before_7h: v01 -> null; v06 -> v05.
--   in_between_420m: v01's segment (10:00, 03-05 09:00] holds v02 v03 v04 v05 v07, cut at 17:00
--     -> v02,v03; v06's open segment cut at 16:00 -> v08.
--   after_1d (count): v01 (10:00, 03-05 10:00] -> v02 v03 v04 v05 v07 = 5; v06 -> v08 = 1.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='v_session',
    join_configs=[
        {'name': 'after_7h', 'target_activity': 'v_buy', 'join_type': 'aggregate_after', 'aggregation': 'listagg', 'columns': ['activity_id'], 'within': {'hours': 7}},
        {'name': 'last_after_7h', 'target_activity': 'v_buy', 'join_type': 'last_after', 'columns': ['activity_id'], 'within': {'hours': 7}},
        {'name': 'before_7h', 'target_activity': 'v_buy', 'join_type': 'aggregate_before', 'aggregation': 'listagg', 'columns': ['activity_id'], 'within': {'hours': 7}},
        {'name': 'first_before_7h', 'target_activity': 'v_buy', 'join_type': 'first_before', 'columns': ['activity_id'], 'within': {'hours': 7}},
        {'name': 'in_between_420m', 'target_activity': 'v_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'listagg', 'columns': ['activity_id'], 'within': {'minutes': 420}},
        {'name': 'after_1d', 'target_activity': 'v_buy', 'join_type': 'aggregate_after', 'within': {'days': 1}},
    ],
) }}
