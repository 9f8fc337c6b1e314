-- Intermediate model for user order metrics. A user's preferred category and payment
-- method are their most frequent one, ties going to the first in name order (mode() picks
-- any of the tied values, so two builds could disagree).
with valid_orders as (
    select * from {{ ref('stg_orders') }}
    where data_quality_flag = 'valid'
),

preferred_category as (
    select user_id, product_category as preferred_product_category
    from valid_orders
    group by user_id, product_category
    qualify row_number() over (partition by user_id order by count(*) desc, product_category) = 1
),

preferred_payment as (
    select user_id, payment_method as preferred_payment_method
    from valid_orders
    group by user_id, payment_method
    qualify row_number() over (partition by user_id order by count(*) desc, payment_method) = 1
),

user_orders as (
    select
        user_id,
        count(*) as total_orders,
        sum(order_amount) as total_revenue,
        avg(order_amount) as avg_order_value,
        min(order_amount) as min_order_value,
        max(order_amount) as max_order_value,

        -- Revenue by type
        sum(case when revenue_type = 'recurring' then order_amount else 0 end) as recurring_revenue,
        sum(case when revenue_type = 'expansion' then order_amount else 0 end) as expansion_revenue,
        sum(case when revenue_type = 'one_time' then order_amount else 0 end) as one_time_revenue,

        -- Order patterns
        count(distinct product_category) as unique_product_categories,
        count(distinct payment_method) as unique_payment_methods

    from valid_orders
    group by user_id
)

select
    u.user_id,
    u.created_at,
    u.country_code,
    u.referrer_source,

    -- Order metrics
    coalesce(o.total_orders, 0) as total_orders,
    coalesce(o.total_revenue, 0) as total_revenue,
    coalesce(o.avg_order_value, 0) as avg_order_value,
    o.min_order_value,
    o.max_order_value,

    -- Revenue breakdown
    coalesce(o.recurring_revenue, 0) as recurring_revenue,
    coalesce(o.expansion_revenue, 0) as expansion_revenue,
    coalesce(o.one_time_revenue, 0) as one_time_revenue,

    -- Customer behavior
    coalesce(o.unique_product_categories, 0) as unique_product_categories,
    coalesce(o.unique_payment_methods, 0) as unique_payment_methods,
    c.preferred_product_category,
    p.preferred_payment_method,

    -- Customer classification
    {{ customer_value_segment('o.total_revenue') }} as customer_value_segment,
    {{ buyer_segment('o.total_orders') }} as buyer_segment

from {{ ref('stg_users') }} u
left join user_orders o on u.user_id = o.user_id
left join preferred_category c on u.user_id = c.user_id
left join preferred_payment p on u.user_id = p.user_id
where u.data_quality_flag = 'valid'
