-- Monday weeks to end='entity_max'. wen opens the app e01 Wed 01-10 and e04 Mon 01-22 00:00 (the
-- last, so weeks run to the one starting 01-22); buys e02 Sun 01-14 23:59:59, e03 Mon 01-15 00:00,
-- e05 Mon 01-29 00:00. Weeks [01-08, 01-15), [01-15, 01-22), [01-22, 01-29):
--   01-08: buys e02 (1; a Sunday week would put e02 with e03), opens 1 (e01), earlier 0, next
--          (ts >= 01-15) e03, exactly at the period end.
--   01-15: buys e03 (1, exactly at the start), opens 0, earlier 1, next (ts >= 01-22) e05.
--   01-22: buys 0, opens 1 (e04 at the start), earlier 2, next (ts >= 01-29) e05, at the end.
{{ activity_schema.period_dataset(
    stream=ref('dataset_period_stream'),
    entity_activity='opened_app',
    interval='week',
    end='entity_max',
    join_configs=[
        {'name': 'buys', 'target_activity': 'bought', 'join_type': 'aggregate_in_between'},
        {'name': 'buy_ids', 'target_activity': 'bought', 'join_type': 'aggregate_in_between', 'aggregation': 'listagg', 'columns': ['activity_id']},
        {'name': 'opens', 'target_activity': 'opened_app', 'join_type': 'aggregate_in_between'},
        {'name': 'earlier', 'target_activity': 'bought', 'join_type': 'aggregate_before'},
        {'name': 'next_buy', 'target_activity': 'bought', 'join_type': 'first_after', 'columns': ['activity_id']},
    ],
) }}
