-- where on targets. wes: visit w00 08:00, then buys (qty, plan, coupon as feature text; revenue):
--   w01 09:00 qty '3'   plan 'pro'   coupon 'X'          revenue 10
--   w02 09:10 qty '12'  plan 'basic' (no coupon)         revenue 25.5
--   w03 09:20 qty '2.5' plan 'Pro'   (no coupon)         revenue null
--   w04 09:30 (no qty)  plan 'team'  coupon JSON null    revenue 5
-- Each join lists the admitted buys (aggregate_all_ever listagg activity_id):
--   qty > 2.5 (number): 3, 12 -> w01,w02 (as text '12' < '2.5'); 2.5 is not > 2.5; w04 null.
--   qty >= '3' (string, text order): '3' only -> w01 ('12' and '2.5' sort before '3').
--   plan = 'pro': w01 ('Pro' differs in case).  plan in (pro, team): w01,w04.
--   plan not_in (pro): w02,w03,w04.  coupon is_null (absent or JSON null): w02,w03,w04.
--   coupon not_null: w01.  coupon != 'Y': w01 (null compares false).
--   revenue_impact <= 10: w01,w04 (w03 null).  revenue_impact is_null: w03.
--   qty < 12 and plan != 'pro': qty 3 or 2.5 -> w01, w03; then plan -> w03.
--   ts >= '2024-03-04 09:20': w03,w04 (w03 exactly at the bound).
--   qty in (3, 12) (numbers): w01,w02.  raw sql revenue_impact > 20: w02.
--   last_plan (last_ever, plan in (pro, basic)): w01, w02 admitted -> w02.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('dataset_stream'),
    primary_cohort_activity='w_visit',
    join_configs=[
        {'name': 'qty_gt_number', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'qty', 'op': '>', 'value': 2.5}]},
        {'name': 'qty_ge_text', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'qty', 'op': '>=', 'value': '3'}]},
        {'name': 'plan_eq', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'plan', 'op': '=', 'value': 'pro'}]},
        {'name': 'plan_in', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'plan', 'op': 'in', 'value': ['pro', 'team']}]},
        {'name': 'plan_not_in', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'plan', 'op': 'not_in', 'value': ['pro']}]},
        {'name': 'coupon_null', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'coupon', 'op': 'is_null'}]},
        {'name': 'coupon_set', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'coupon', 'op': 'not_null'}]},
        {'name': 'coupon_ne', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'coupon', 'op': '!=', 'value': 'Y'}]},
        {'name': 'cheap', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'revenue_impact', 'op': '<=', 'value': 10}]},
        {'name': 'no_revenue', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'revenue_impact', 'op': 'is_null'}]},
        {'name': 'anded', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'qty', 'op': '<', 'value': 12}, {'column': 'plan', 'op': '!=', 'value': 'pro'}]},
        {'name': 'late', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'ts', 'op': '>=', 'value': '2024-03-04 09:20'}]},
        {'name': 'qty_in_numbers', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'column': 'qty', 'op': 'in', 'value': [3, 12]}]},
        {'name': 'raw_sql', 'target_activity': 'w_buy', 'join_type': 'aggregate_all_ever', 'aggregation': 'listagg', 'columns': ['activity_id'],
         'where': [{'sql': 'revenue_impact > 20'}]},
        {'name': 'last_plan', 'target_activity': 'w_buy', 'join_type': 'last_ever', 'columns': ['activity_id'],
         'where': [{'column': 'plan', 'op': 'in', 'value': ['pro', 'basic']}]},
    ],
) }}
