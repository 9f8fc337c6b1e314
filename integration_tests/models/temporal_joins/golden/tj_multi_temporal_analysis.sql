-- Five joins on every session in one pass.
{{ activity_schema.multi_temporal_analysis(
    stream=ref('tj_golden_stream'),
    primary_cohort_activity='started_session',
    join_configs=[
        {'name': 'signup', 'target_activity': 'signed_up', 'join_type': 'first_after'},
        {'name': 'session_revenue', 'target_activity': 'made_purchase', 'join_type': 'aggregate_in_between', 'aggregation': 'sum', 'columns': ['revenue_impact']},
        {'name': 'session_pages', 'target_activity': 'viewed_page', 'join_type': 'aggregate_in_between'},
        {'name': 'previous_page', 'target_activity': 'viewed_page', 'join_type': 'last_before', 'columns': ['ts', 'link']},
        {'name': 'first_purchase', 'target_activity': 'made_purchase', 'join_type': 'first_ever', 'columns': ['ts', 'plan']},
    ],
    cohort_filter='all',
) }}
