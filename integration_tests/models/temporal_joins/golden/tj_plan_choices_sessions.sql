-- first_before and last_after, answered from the person's first / last target: a target
-- at the cohort row's own ts is neither before nor after it. The one-day windows pick by
-- rank, so two purchases tied at one ts inside a window resolve by activity_id.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('tj_plan_choices_stream'),
    primary_cohort_activity='started_session',
    join_configs=[
        {'name': 'first_purchase_before', 'target_activity': 'made_purchase', 'join_type': 'first_before', 'columns': ['activity_id']},
        {'name': 'last_purchase_after', 'target_activity': 'made_purchase', 'join_type': 'last_after', 'columns': ['activity_id']},
        {'name': 'purchased_before', 'target_activity': 'made_purchase', 'join_type': 'aggregate_before', 'aggregation': 'exists'},
        {'name': 'purchased_after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after', 'aggregation': 'exists'},
        {'name': 'first_day_before', 'target_activity': 'made_purchase', 'join_type': 'first_before', 'within': {'days': 1}, 'columns': ['activity_id']},
        {'name': 'last_day_before', 'target_activity': 'made_purchase', 'join_type': 'last_before', 'within': {'days': 1}, 'columns': ['activity_id']},
        {'name': 'first_day_after', 'target_activity': 'made_purchase', 'join_type': 'first_after', 'within': {'days': 1}, 'columns': ['activity_id']},
        {'name': 'last_day_after', 'target_activity': 'made_purchase', 'join_type': 'last_after', 'within': {'days': 1}, 'columns': ['activity_id']},
    ],
    cohort_filter='all',
) }}
