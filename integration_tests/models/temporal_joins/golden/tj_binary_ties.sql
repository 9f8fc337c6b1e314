-- Ties at equal ts broken by activity_id in binary (code point) order, where a linguistic
-- collation would order the same ids the other way round ('S_B' < 'S_b' < 'S_c').
{{ activity_schema.multi_temporal_analysis(
    stream=ref('tj_binary_ties_stream'),
    primary_cohort_activity='started_session',
    join_configs=[
        {'name': 'first_purchase', 'target_activity': 'made_purchase', 'join_type': 'first_ever', 'columns': ['activity_id']},
        {'name': 'session_first_purchase', 'target_activity': 'made_purchase', 'join_type': 'first_in_between', 'columns': ['activity_id']},
        {'name': 'session_last_purchase', 'target_activity': 'made_purchase', 'join_type': 'last_in_between', 'columns': ['activity_id']},
        {'name': 'session_revenue', 'target_activity': 'made_purchase', 'join_type': 'aggregate_in_between', 'aggregation': 'sum', 'columns': ['revenue_impact']},
        {'name': 'previous_purchase', 'target_activity': 'made_purchase', 'join_type': 'last_before', 'columns': ['activity_id']},
        {'name': 'purchases_after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after'},
    ],
    cohort_filter='all',
) }}
