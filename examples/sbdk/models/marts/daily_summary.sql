-- Daily summary mart for operational dashboards. Orders are grouped by the order date
-- that stg_orders now selects.
with daily_events as (
    select
        event_date,
        count(*) as total_events,
        count(distinct user_id) as active_users,
        count(distinct session_id) as total_sessions,
        count(*) filter (where event_type = 'pageview') as pageviews,
        count(*) filter (where event_type = 'purchase') as purchase_events,
        count(*) filter (where event_type = 'signup') as signups
    from {{ ref('stg_events') }}
    where data_quality_flag = 'valid'
    group by event_date
),

daily_orders as (
    select
        order_date,
        count(*) as total_orders,
        count(distinct user_id) as buyers,
        sum(order_amount) as daily_revenue,
        avg(order_amount) as avg_order_value
    from {{ ref('stg_orders') }}
    where data_quality_flag = 'valid'
    group by order_date
)

select
    coalesce(e.event_date, o.order_date) as report_date,

    -- Event metrics
    coalesce(e.total_events, 0) as total_events,
    coalesce(e.active_users, 0) as active_users,
    coalesce(e.total_sessions, 0) as total_sessions,
    coalesce(e.pageviews, 0) as pageviews,
    coalesce(e.purchase_events, 0) as purchase_events,
    coalesce(e.signups, 0) as new_signups,

    -- Order metrics
    coalesce(o.total_orders, 0) as total_orders,
    coalesce(o.buyers, 0) as unique_buyers,
    coalesce(o.daily_revenue, 0) as daily_revenue,
    coalesce(o.avg_order_value, 0) as avg_order_value,

    -- Conversion metrics
    {{ safe_ratio('100 * coalesce(o.total_orders, 0)', 'e.pageviews') }} as conversion_rate_pct,
    {{ safe_ratio('100 * coalesce(o.buyers, 0)', 'e.active_users') }} as buyer_rate_pct,

    -- Engagement metrics
    {{ safe_ratio('e.total_events', 'e.total_sessions') }} as avg_events_per_session

from daily_events e
full outer join daily_orders o on e.event_date = o.order_date
