-- Months to end='max'. The stream's latest ts is z01 (2024-06-10), a row without a person, so
-- every person runs to June. pam (customer; signup 03-10 also carries anonymous dev_p): buys p02
-- 03-31 23:59:59 (5), p03 04-01 00:00 (20, exactly at April's start), p04 04-15 (10). dev_q
-- (anonymous only; signup 05-20): buy q02 05-21 (7.5).
--   pam  Mar: buys p02 (1), revenue 5, big (>= 10) 0, earlier 0, next (ts >= 04-01) p03.
--   pam  Apr: p03,p04 (2), 30, 2, earlier 1, next null.   May, Jun: 0, null, 0, 0, earlier 3, null.
--   dev_q May: q02 (1), 7.5, 0, 0, null.   Jun: 0, null, 0, 0, earlier 1, null.
--   first_buy (first_ever): p02 on pam's rows, q02 on dev_q's.
--   second_earlier (nth_before, nth 2): pam Mar, Apr null (none, p02 only before), May and Jun
--     p03 (p02, p03, p04 before); dev_q null (none, q02 only).
{{ activity_schema.period_dataset(
    stream=ref('dataset_period_stream'),
    entity_activity='signed_up',
    interval='month',
    end='max',
    join_configs=[
        {'name': 'buys', 'target_activity': 'bought', 'join_type': 'aggregate_in_between'},
        {'name': 'buy_ids', 'target_activity': 'bought', 'join_type': 'aggregate_in_between', 'aggregation': 'listagg', 'columns': ['activity_id']},
        {'name': 'revenue', 'target_activity': 'bought', 'join_type': 'aggregate_in_between', 'aggregation': 'sum', 'columns': ['revenue_impact'], 'zero_fill': true},
        {'name': 'big_buys', 'target_activity': 'bought', 'join_type': 'aggregate_in_between', 'where': [{'column': 'revenue_impact', 'op': '>=', 'value': 10}]},
        {'name': 'earlier', 'target_activity': 'bought', 'join_type': 'aggregate_before'},
        {'name': 'next_buy', 'target_activity': 'bought', 'join_type': 'first_after', 'columns': ['activity_id']},
        {'name': 'first_buy', 'target_activity': 'bought', 'join_type': 'first_ever', 'columns': ['activity_id']},
        {'name': 'second_earlier', 'target_activity': 'bought', 'join_type': 'nth_before', 'nth': 2, 'columns': ['activity_id']},
    ],
) }}
