-- Churn, a typical client analysis: one row per person with a session on the default
-- stream, anchored on the person's LAST session, with the last purchase and page view ever,
-- what happened after the last session, and days of silence up to the end of the data.
with last_sessions as (
    {{ activity_schema.temporal_join(
        cohort_activity='started_session',
        target_activity='made_purchase',
        join_type='last_ever',
        cohort_filter='last',
        columns=['ts', 'revenue_impact'],
    ) }}
),

with_history as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='started_session',
        join_configs=[
            {'name': 'last_page', 'target_activity': 'viewed_page', 'join_type': 'last_ever', 'columns': ['ts', 'link']},
            {'name': 'purchases_after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after'},
            {'name': 'pages_after', 'target_activity': 'viewed_page', 'join_type': 'aggregate_after'},
            {'name': 'lifetime_revenue', 'target_activity': 'made_purchase', 'join_type': 'aggregate_all_ever', 'aggregation': 'sum', 'columns': ['revenue_impact']},
        ],
        cohort_filter='last',
    ) }}
),

data_end as (
    select max(ts) as as_of from {{ ref(var('activity_schema')['stream']) }}
),

people as (
    select
        last_sessions.activity_id,
        coalesce(last_sessions.customer, last_sessions.anonymous_customer_id) as person,
        last_sessions.customer,
        last_sessions.ts as last_session_at,
        last_sessions.last_ever_made_purchase_ts as last_purchase_at,
        last_sessions.last_ever_made_purchase_revenue_impact as last_purchase_revenue,
        with_history.last_page_ts as last_page_view_at,
        with_history.last_page_link as last_page_link,
        with_history.purchases_after_count as purchases_after_last_session,
        with_history.pages_after_count as pages_after_last_session,
        coalesce(with_history.lifetime_revenue_sum_revenue_impact, 0) as lifetime_revenue,
        data_end.as_of
    from last_sessions
    inner join with_history on with_history.activity_id = last_sessions.activity_id
    cross join data_end
),

activity_end as (
    select
        *,
        greatest(
            last_session_at,
            coalesce(last_purchase_at, last_session_at),
            coalesce(last_page_view_at, last_session_at)
        ) as last_seen_at
    from people
)

select
    *,
    {{ dbt.datediff('last_seen_at', 'as_of', 'day') }} as days_since_last_seen,
    {{ dbt.datediff('last_seen_at', 'as_of', 'day') }} > 30 as churned
from activity_end
