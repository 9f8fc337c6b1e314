-- Quarters to end='entity_max', with an entity activity list. rex joined r01 2023-11-15 and renewed
-- r03 2024-01-01 00:00 (exactly at Q1's start; his last entity row); buys r02 2023-12-31 23:59:59,
-- r04 2024-04-01 00:00. Quarters [2023-10-01, 2024-01-01), [2024-01-01, 2024-04-01):
--   2023 Q4: buys 1 (r02), entity rows 1 (r01), previous (last_before 10-01) null, next (ts >= 01-01) r04.
--   2024 Q1: buys 0, entity rows 1 (r03), previous r02, next (ts >= 04-01) r04 exactly at the end.
{{ activity_schema.period_dataset(
    stream=ref('dataset_period_stream'),
    entity_activity=['joined', 'renewed'],
    interval='quarter',
    end='entity_max',
    join_configs=[
        {'name': 'buys', 'target_activity': 'bought', 'join_type': 'aggregate_in_between'},
        {'name': 'entity_rows', 'target_activity': ['joined', 'renewed'], 'join_type': 'aggregate_in_between'},
        {'name': 'previous_buy', 'target_activity': 'bought', 'join_type': 'last_before', 'columns': ['activity_id']},
        {'name': 'next_buy', 'target_activity': 'bought', 'join_type': 'first_after', 'columns': ['activity_id']},
    ],
) }}
