-- Churn: every customer's last visit, what they did after it, and how long they have been
-- silent at the end of the data.
with last_sessions as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='started_session',
        join_configs=[
            {'name': 'last_purchase', 'target_activity': 'made_purchase', 'join_type': 'last_ever', 'columns': ['ts']},
            {'name': 'purchases_after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after'},
            {'name': 'lifetime_revenue', 'target_activity': 'made_purchase', 'join_type': 'aggregate_all_ever', 'aggregation': 'sum', 'columns': ['revenue_impact']},
            {'name': 'sessions', 'target_activity': 'started_session', 'join_type': 'aggregate_all_ever'},
        ],
        cohort_filter='last',
    ) }}
),

data_end as (
    select max(ts) as as_of from {{ ref('customer_stream') }}
)

select
    last_sessions.customer,
    last_sessions.ts as last_session_at,
    last_sessions.last_purchase_ts as last_purchase_at,
    last_sessions.purchases_after_count as purchases_after_last_session,
    coalesce(last_sessions.lifetime_revenue_sum_revenue_impact, 0) as lifetime_revenue,
    last_sessions.sessions_count as sessions,
    {{ dbt.datediff('last_sessions.ts', 'data_end.as_of', 'day') }} as days_since_last_session,
    {{ dbt.datediff('last_sessions.ts', 'data_end.as_of', 'day') }} > {{ var('web_activity')['churn_days'] }} as churned
from last_sessions
cross join data_end
where last_sessions.customer is not null
