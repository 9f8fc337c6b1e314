-- daily_summary from the stream: events (sign-ups, page views, logins, purchases) and
-- orders per day; the ratios are the mart's.
with activities as (
    select
        cast(ts as date) as report_date,
        activity,
        customer,
        revenue_impact,
        {{ activity_schema.json_extract_string('feature_json', 'session_id') }} as session_id
    from {{ ref('sbdk_stream') }}
    where activity in ('signed_up', 'viewed_page', 'logged_in', 'made_purchase', 'placed_order')
),

daily as (
    select
        report_date,
        count(case when activity <> 'placed_order' then 1 end) as total_events,
        count(distinct case when activity <> 'placed_order' then customer end) as active_users,
        count(distinct session_id) as total_sessions,
        count(case when activity = 'viewed_page' then 1 end) as pageviews,
        count(case when activity = 'made_purchase' then 1 end) as purchase_events,
        count(case when activity = 'signed_up' then 1 end) as new_signups,
        count(case when activity = 'placed_order' then 1 end) as total_orders,
        count(distinct case when activity = 'placed_order' then customer end) as unique_buyers,
        coalesce(sum(case when activity = 'placed_order' then revenue_impact end), 0) as daily_revenue,
        coalesce(avg(case when activity = 'placed_order' then revenue_impact end), 0) as avg_order_value
    from activities
    group by report_date
)

select
    *,
    {{ safe_ratio('100 * total_orders', 'pageviews') }} as conversion_rate_pct,
    {{ safe_ratio('100 * unique_buyers', 'active_users') }} as buyer_rate_pct,
    {{ safe_ratio('total_events', 'total_sessions') }} as avg_events_per_session
from daily
