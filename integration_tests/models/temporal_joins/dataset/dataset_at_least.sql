-- at_least on the same stream as dataset_within (val: sessions v01 03-04 10:00, v06 03-05 09:00; buys
-- v02 10:30, v03 17:00, v04 17:01, v05 03-05 02:00, v07 09:00, v08 12:00).
--   after_7h (aggregate_after listagg): v01 ts >= 17:00 -> v03,v04,v05,v07,v08 (v03 exactly at
--     +7h is in, as it is in within 7h); v06 ts >= 03-05 16:00 -> null.
--   first_after_7h: v01 -> v03; v06 -> null.
--   before_7h (aggregate_before listagg): v01 ts <= 03:00 -> null; v06 ts <= 03-05 02:00 ->
--     v02,v03,v04,v05 (v05 exactly at -7h).
--   last_before_7h: v01 -> null; v06 -> v05.
--   in_between_7h: v01's segment v02 v03 v04 v05 v07 from 17:00 on -> v03,v04,v05,v07 (v07 sits on
--     the segment's end); v06 from 16:00 -> null.
--   band (after, within 16h and at_least 7h): v01 [17:00, 03-05 02:00] -> v03,v04,v05; v06 -> null.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='v_session',
    join_configs=[
        {'name': 'after_7h', 'target_activity': 'v_buy', 'join_type': 'aggregate_after', 'aggregation': 'listagg', 'columns': ['activity_id'], 'at_least': {'hours': 7}},
        {'name': 'first_after_7h', 'target_activity': 'v_buy', 'join_type': 'first_after', 'columns': ['activity_id'], 'at_least': {'hours': 7}},
        {'name': 'before_7h', 'target_activity': 'v_buy', 'join_type': 'aggregate_before', 'aggregation': 'listagg', 'columns': ['activity_id'], 'at_least': {'hours': 7}},
        {'name': 'last_before_7h', 'target_activity': 'v_buy', 'join_type': 'last_before', 'columns': ['activity_id'], 'at_least': {'hours': 7}},
        {'name': 'in_between_7h', 'target_activity': 'v_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'listagg', 'columns': ['activity_id'], 'at_least': {'hours': 7}},
        {'name': 'band', 'target_activity': 'v_buy', 'join_type': 'aggregate_after', 'aggregation': 'listagg', 'columns': ['activity_id'], 'within': {'hours': 16}, 'at_least': {'hours': 7}},
    ],
) }}
