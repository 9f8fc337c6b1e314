-- daily_summary from a period_dataset: one row per user per day, from the day of their
-- first activity to that of their last, with what they did that day as aggregate_in_between
-- joins; the days then add up their users. Sessions are a distinct count of the day's
-- session ids per user (a user's session ids are theirs alone, so the sum is the day's
-- distinct sessions). The ratios are the mart's.
{%- set events = ['signed_up', 'viewed_page', 'logged_in', 'made_purchase'] %}
with user_days as (
    {{ activity_schema.period_dataset(
        entity_activity=events + ['placed_order'],
        interval='day',
        end='entity_max',
        join_configs=[
            {'name': 'events', 'target_activity': events, 'join_type': 'aggregate_in_between'},
            {'name': 'sessions', 'target_activity': events, 'join_type': 'aggregate_in_between',
             'aggregation': 'count_distinct', 'columns': {'sessions': 'session_id'}},
            {'name': 'pageviews', 'target_activity': 'viewed_page', 'join_type': 'aggregate_in_between'},
            {'name': 'purchase_events', 'target_activity': 'made_purchase', 'join_type': 'aggregate_in_between'},
            {'name': 'signups', 'target_activity': 'signed_up', 'join_type': 'aggregate_in_between'},
            {'name': 'orders', 'target_activity': 'placed_order', 'join_type': 'aggregate_in_between'},
            {'name': 'revenue', 'target_activity': 'placed_order', 'join_type': 'aggregate_in_between',
             'aggregation': 'sum', 'columns': {'revenue': 'revenue_impact'}, 'zero_fill': true},
        ],
    ) }}
),

daily as (
    select
        cast(period_start as date) as report_date,
        sum(events_count) as total_events,
        count(case when events_count > 0 then 1 end) as active_users,
        sum(sessions) as total_sessions,
        sum(pageviews_count) as pageviews,
        sum(purchase_events_count) as purchase_events,
        sum(signups_count) as new_signups,
        sum(orders_count) as total_orders,
        count(case when orders_count > 0 then 1 end) as unique_buyers,
        sum(revenue) as daily_revenue
    from user_days
    group by 1
    having sum(events_count) + sum(orders_count) > 0
)

select
    *,
    {{ safe_ratio('daily_revenue', 'total_orders') }} as avg_order_value,
    {{ safe_ratio('100 * total_orders', 'pageviews') }} as conversion_rate_pct,
    {{ safe_ratio('100 * unique_buyers', 'active_users') }} as buyer_rate_pct,
    {{ safe_ratio('total_events', 'total_sessions') }} as avg_events_per_session
from daily
