-- The new aggregations over ever, before and after (same stream as dataset_aggregations: sessions g01
-- 09:00, g06 10:00, g08 10:45, g09 11:00; buys g02, g03, g04, g05 before 10:00, g07 10:30, g10 11:30).
--   ever_colors (all_ever listagg_distinct color, '|'): red (g03), blue (g04), green (g07) -> red|blue|green.
--   ever_first (all_ever first_value activity_id, color): g02, null.
--   ever_last (all_ever last_value color, qty): g10 -> null, '4'.
--   ever_gifts (all_ever sum_bool gift): true, false, true, 'true', false, null -> 3.
--   gift_buys (all_ever listagg activity_id, where gift = true, a boolean value): JSON true on g02
--     and g04, the text 'true' on g05 -> g02,g04,g05.
--   before_spread (stddev qty): g01 nothing -> null; g06, g08, g09: qty 1, 3, 5 (g07 has none) -> 2.
--   before_any (exists): g01 false; others true.
--   before_first (first_value activity_id, color): g01 null, null; others g02, null.
--   before_colors (listagg_distinct color): g01 null; g06 red (g03), blue (g04), red again (g05)
--     -> red,blue; g08 and g09 add g07's green -> red,blue,green.
--   before_gifts (sum_bool gift, zero_fill): g01 0; g06 3; g08 and g09 3 (g07 false).
--   after_ids (listagg activity_id): g01 g02,g03,g04,g05,g07,g10; g06 g07,g10; g08 g10; g09 g10.
--   after_revenue (sum revenue_impact, zero_fill): g01 2.5 + 10 + 4 = 16.5; g06 4; g08 0; g09 0.
--   after_last (last_value activity_id, color): g10, null on every row.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='g_session',
    join_configs=[
        {'name': 'ever_colors', 'target_activity': 'g_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg_distinct', 'columns': ['color'], 'delimiter': '|'},
        {'name': 'ever_first', 'target_activity': 'g_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'first_value', 'columns': ['activity_id', 'color']},
        {'name': 'ever_last', 'target_activity': 'g_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'last_value', 'columns': ['color', 'qty']},
        {'name': 'ever_gifts', 'target_activity': 'g_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'sum_bool', 'columns': ['gift']},
        {'name': 'gift_buys', 'target_activity': 'g_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'gift', 'op': '=', 'value': true}]},
        {'name': 'before_spread', 'target_activity': 'g_buy', 'join_type': 'aggregate_before', 'aggregation': 'stddev', 'columns': ['qty']},
        {'name': 'before_any', 'target_activity': 'g_buy', 'join_type': 'aggregate_before', 'aggregation': 'exists'},
        {'name': 'before_first', 'target_activity': 'g_buy', 'join_type': 'aggregate_before', 'aggregation': 'first_value', 'columns': ['activity_id', 'color']},
        {'name': 'before_colors', 'target_activity': 'g_buy', 'join_type': 'aggregate_before', 'aggregation': 'listagg_distinct', 'columns': ['color']},
        {'name': 'before_gifts', 'target_activity': 'g_buy', 'join_type': 'aggregate_before', 'aggregation': 'sum_bool', 'columns': ['gift'], 'zero_fill': true},
        {'name': 'after_ids', 'target_activity': 'g_buy', 'join_type': 'aggregate_after', 'aggregation': 'listagg', 'columns': ['activity_id']},
        {'name': 'after_revenue', 'target_activity': 'g_buy', 'join_type': 'aggregate_after', 'aggregation': 'sum', 'columns': ['revenue_impact'], 'zero_fill': true},
        {'name': 'after_last', 'target_activity': 'g_buy', 'join_type': 'aggregate_after', 'aggregation': 'last_value', 'columns': ['activity_id', 'color']},
    ],
) }}
