-- user_metrics from temporal joins on the stream: one row per created_account (every valid
-- user), each figure an aggregate_all_ever or a first / last_ever over the user's
-- activities. The preferred category is the category of the user's orders that most of
-- their orders share (each order joined to the user's orders matched on product_category).
-- Segments, stages and ratios are the mart's own macros, so the two versions differ only in
-- where the figures come from.
{%- set events = ['signed_up', 'viewed_page', 'logged_in', 'made_purchase'] %}
with users as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='created_account',
        cohort_filter='first',
        cohort_columns=['country_code', 'referrer_source'],
        join_configs=[
            {'name': 'events', 'target_activity': events, 'join_type': 'aggregate_all_ever'},
            {'name': 'active_days', 'target_activity': events, 'join_type': 'aggregate_all_ever',
             'aggregation': 'count_distinct', 'columns': {'active_days': 'event_date'}},
            {'name': 'pageviews', 'target_activity': 'viewed_page', 'join_type': 'aggregate_all_ever'},
            {'name': 'purchase_events', 'target_activity': 'made_purchase', 'join_type': 'aggregate_all_ever'},
            {'name': 'login_events', 'target_activity': 'logged_in', 'join_type': 'aggregate_all_ever'},
            {'name': 'sessions', 'target_activity': 'started_session', 'join_type': 'aggregate_all_ever'},
            {'name': 'first_event', 'target_activity': events, 'join_type': 'first_ever', 'columns': {'first_event_at': 'ts'}},
            {'name': 'last_event', 'target_activity': events, 'join_type': 'last_ever', 'columns': {'last_event_at': 'ts'}},
            {'name': 'orders', 'target_activity': 'placed_order', 'join_type': 'aggregate_all_ever'},
            {'name': 'revenue', 'target_activity': 'placed_order', 'join_type': 'aggregate_all_ever',
             'aggregation': 'sum', 'columns': {'total_revenue': 'revenue_impact'}},
            {'name': 'order_value', 'target_activity': 'placed_order', 'join_type': 'aggregate_all_ever',
             'aggregation': 'avg', 'columns': {'avg_order_value': 'revenue_impact'}},
        ],
    ) }}
),

orders_by_category as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='placed_order',
        cohort_columns=['product_category'],
        join_configs=[
            {'name': 'same_category_orders', 'target_activity': 'placed_order', 'join_type': 'aggregate_all_ever',
             'match': ['product_category']},
        ],
    ) }}
),

preferred_category as (
    select customer, product_category as preferred_product_category
    from orders_by_category
    qualify row_number() over (partition by customer order by same_category_orders_count desc, product_category) = 1
),

data_end as (
    select cast(max(ts) as date) as as_of_date
    from {{ ref('sbdk_stream') }}
    where activity in ({% for activity in events %}{{ activity_schema.string_literal(activity) }}{% if not loop.last %}, {% endif %}{% endfor %})
),

figures as (
    select
        cast(users.customer as integer) as user_id,
        users.ts as created_at,
        users.country_code,
        users.referrer_source,
        cast(users.ts as date) as signup_date,
        users.events_count as total_events,
        users.active_days,
        users.pageviews_count as pageviews,
        users.purchase_events_count as purchase_events,
        users.login_events_count as login_events,
        users.sessions_count as total_sessions,
        users.first_event_at,
        users.last_event_at,
        {{ dbt.datediff('cast(users.last_event_at as date)', 'data_end.as_of_date', 'day') }} as days_since_last_activity,
        users.orders_count as total_orders,
        coalesce(users.total_revenue, 0) as total_revenue,
        coalesce(users.avg_order_value, 0) as avg_order_value,
        preferred_category.preferred_product_category,
        {{ dbt.datediff('cast(users.ts as date)', 'data_end.as_of_date', 'day') }} as customer_age_days
    from users
    left join preferred_category on preferred_category.customer = users.customer
    cross join data_end
),

staged as (
    select
        *,
        {{ user_lifecycle_stage('total_events', 'active_days', 'days_since_last_activity') }} as user_lifecycle_stage
    from figures
)

select
    user_id,
    created_at,
    country_code,
    referrer_source,
    signup_date,
    total_events,
    active_days,
    pageviews,
    purchase_events,
    login_events,
    total_sessions,
    {{ safe_ratio('total_events', 'active_days') }} as avg_events_per_active_day,
    {{ safe_ratio('total_events', 'total_sessions') }} as avg_events_per_session,
    user_lifecycle_stage,
    days_since_last_activity,
    first_event_at,
    last_event_at,
    total_orders,
    total_revenue,
    avg_order_value,
    {{ customer_value_segment('total_revenue') }} as customer_value_segment,
    {{ buyer_segment('total_orders') }} as buyer_segment,
    preferred_product_category,
    {{ safe_ratio('total_orders', 'pageviews') }} as overall_conversion_rate,
    {{ safe_ratio('total_revenue', 'active_days') }} as revenue_per_active_day,
    customer_age_days,
    {{ safe_ratio('total_revenue', 'customer_age_days') }} as daily_customer_value,
    {{ user_quality_score('active_days', 'total_orders', 'total_revenue', 'user_lifecycle_stage') }} as user_quality_score
from staged
