-- Purchases joined to purchases: the ever joins include the cohort row itself, the before
-- and after joins never do, nor a purchase tied with it.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('tj_plan_choices_stream'),
    primary_cohort_activity='made_purchase',
    join_configs=[
        {'name': 'first_ever', 'target_activity': 'made_purchase', 'join_type': 'first_ever', 'columns': ['activity_id']},
        {'name': 'last_ever', 'target_activity': 'made_purchase', 'join_type': 'last_ever', 'columns': ['activity_id']},
        {'name': 'first_before', 'target_activity': 'made_purchase', 'join_type': 'first_before', 'columns': ['activity_id']},
        {'name': 'last_after', 'target_activity': 'made_purchase', 'join_type': 'last_after', 'columns': ['activity_id']},
        {'name': 'all_ever', 'target_activity': 'made_purchase', 'join_type': 'aggregate_all_ever'},
        {'name': 'before', 'target_activity': 'made_purchase', 'join_type': 'aggregate_before'},
        {'name': 'after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after'},
    ],
    cohort_filter='all',
) }}
