-- Days to end='max' (2024-06-10, z01) from ada's enrolment a01 on 1700-01-01: 118,500 days,
-- more than five digits can number. Day 1700-01-01: buys a02 (1), earlier 0, next buy a03.
-- Day 2024-06-09: buys a03 (1, exactly at the start), earlier 1. Day 2024-06-10: buys 0,
-- earlier 2, no next buy. Every day between: buys 0, earlier 1, next buy a03.
{{ activity_schema.period_dataset(
    stream=ref('dataset_period_stream'),
    entity_activity='enrolled',
    interval='day',
    end='max',
    join_configs=[
        {'name': 'buys', 'target_activity': 'bought', 'join_type': 'aggregate_in_between'},
        {'name': 'earlier', 'target_activity': 'bought', 'join_type': 'aggregate_before'},
        {'name': 'next_buy', 'target_activity': 'bought', 'join_type': 'first_after', 'columns': ['activity_id']},
    ],
) }}
