-- The new aggregations over in-between segments. abe's sessions g01 09:00, g06 10:00, g08 10:45,
-- g09 11:00; buys (color, gift, qty as feature text; revenue):
--   g02 09:10  -      true     '1'  null     | g07 10:30  green  false  -    4
--   g03 09:20  red    false    '3'  2.5      | g10 11:30  -      null   '4'  null
--   g04 09:30  blue   true     '5'  10       |
--   g05 09:40  red    'true'   -    null     |
-- Segments: g01 g02..g05; g06 g07; g08 (10:45, 11:00] nothing; g09 g10.
--   first (first_value color, qty): g01 g02 -> null, '1' (the first row's null, not red);
--     g06 green, null; g08 null, null; g09 null, '4'.
--   last (last_value color, qty): g01 g05 -> red, null (not '5'); g06 green, null; g08 nulls; g09 null, '4'.
--   colors (listagg color): g01 red,blue,red; g06 green; g08 null; g09 null (no non-null color).
--   distinct_colors (listagg_distinct, delimiter ' & '): g01 'red & blue' (first-occurrence
--     order, not alphabetical); g06 green; g08 null; g09 null.
--   qty_spread (stddev qty): g01 1, 3, 5 -> sample variance (4 + 0 + 4) / 2 = 4 -> 2; g06 no
--     qty -> null; g08 null; g09 one value -> null.
--   any_buy (exists): true, true, false, true.
--   gifts (sum_bool gift): g01 true, false, true, 'true' -> 3; g06 false -> 0; g08 null; g09 JSON
--     null -> null.  gifts_filled (zero_fill): 3, 0, 0, 0.
--   revenue_filled (sum revenue_impact, zero_fill): 2.5 + 10 = 12.5; 4; 0; g10's null -> 0.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='g_session',
    join_configs=[
        {'name': 'first', 'target_activity': 'g_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'first_value', 'columns': ['color', 'qty']},
        {'name': 'last', 'target_activity': 'g_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'last_value', 'columns': ['color', 'qty']},
        {'name': 'colors', 'target_activity': 'g_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'listagg', 'columns': ['color']},
        {'name': 'distinct_colors', 'target_activity': 'g_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'listagg_distinct', 'columns': ['color'], 'delimiter': ' & '},
        {'name': 'qty_spread', 'target_activity': 'g_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'stddev', 'columns': ['qty']},
        {'name': 'any_buy', 'target_activity': 'g_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'exists'},
        {'name': 'gifts', 'target_activity': 'g_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'sum_bool', 'columns': ['gift']},
        {'name': 'gifts_filled', 'target_activity': 'g_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'sum_bool', 'columns': ['gift'], 'zero_fill': true},
        {'name': 'revenue_filled', 'target_activity': 'g_buy', 'join_type': 'aggregate_in_between', 'aggregation': 'sum', 'columns': ['revenue_impact'], 'zero_fill': true},
    ],
) }}
