-- Years to end='max' (2024-06-10, z01). rex's first entity row r01 is in 2023: 2023 and 2024.
--   2023: buys r02 (1), earlier 0.   2024: buys r04 (1), earlier 1.
{{ activity_schema.period_dataset(
    stream=ref('dataset_period_stream'),
    entity_activity=['joined', 'renewed'],
    interval='year',
    end='max',
    join_configs=[
        {'name': 'buys', 'target_activity': 'bought', 'join_type': 'aggregate_in_between'},
        {'name': 'earlier', 'target_activity': 'bought', 'join_type': 'aggregate_before'},
    ],
) }}
