-- user_metrics' activity and purchase figures from temporal joins on the stream: one row
-- per user's sign-up, every count an aggregate_all_ever, the last event a last_ever.
{%- set event_activities = ['signed_up', 'viewed_page', 'logged_in', 'made_purchase'] %}
{%- set join_configs = [
    {'name': 'sessions', 'target_activity': 'started_session', 'join_type': 'aggregate_all_ever'},
    {'name': 'orders', 'target_activity': 'placed_order', 'join_type': 'aggregate_all_ever'},
    {'name': 'revenue', 'target_activity': 'placed_order', 'join_type': 'aggregate_all_ever', 'aggregation': 'sum', 'columns': ['revenue_impact']},
] %}
{%- for activity in event_activities %}
{%- do join_configs.append({'name': activity ~ '_events', 'target_activity': activity, 'join_type': 'aggregate_all_ever'}) %}
{%- do join_configs.append({'name': 'last_' ~ activity, 'target_activity': activity, 'join_type': 'last_ever', 'columns': ['ts']}) %}
{%- endfor %}
with signups as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='signed_up',
        join_configs=join_configs,
        cohort_filter='first',
    ) }}
)

select
    cast(customer as integer) as user_id,
    ts as signed_up_at,
    {% for activity in event_activities %}{{ activity }}_events_count{% if not loop.last %} + {% endif %}{% endfor %} as total_events,
    viewed_page_events_count as pageviews,
    made_purchase_events_count as purchase_events,
    logged_in_events_count as login_events,
    sessions_count as total_sessions,
    orders_count as total_orders,
    coalesce(revenue_sum_revenue_impact, 0) as total_revenue,
    ts as first_event_at,
    greatest({% for activity in event_activities %}last_{{ activity }}_ts{% if not loop.last %}, {% endif %}{% endfor %}) as last_event_at,
    case
        when coalesce(revenue_sum_revenue_impact, 0) > {{ var('high_value_customer_threshold') }} then 'high_value'
        when coalesce(revenue_sum_revenue_impact, 0) > 300 then 'medium_value'
        when coalesce(revenue_sum_revenue_impact, 0) > 0 then 'low_value'
        else 'no_purchases'
    end as customer_value_segment,
    case
        when orders_count = 0 then 'non_buyer'
        when orders_count = 1 then 'one_time_buyer'
        when orders_count between 2 and 5 then 'repeat_buyer'
        else 'loyal_buyer'
    end as buyer_segment
from signups
