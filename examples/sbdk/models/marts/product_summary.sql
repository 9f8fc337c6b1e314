-- Product performance analytics mart. The per-order and per-buyer figures divide the
-- aggregates themselves (the original divided an alias defined in the same select, which
-- only some warehouses accept).
select
    product_category,

    -- Order metrics
    count(distinct order_id) as total_orders,
    count(distinct user_id) as unique_buyers,
    sum(order_amount) as total_revenue,
    avg(order_amount) as avg_order_value,

    -- Revenue analysis
    sum(case when revenue_type = 'recurring' then order_amount else 0 end) as recurring_revenue,
    sum(case when revenue_type = 'expansion' then order_amount else 0 end) as expansion_revenue,
    sum(case when revenue_type = 'one_time' then order_amount else 0 end) as one_time_revenue,

    -- Payment method distribution
    count(*) filter (where payment_method = 'credit_card') as credit_card_orders,
    count(*) filter (where payment_method = 'paypal') as paypal_orders,
    count(*) filter (where payment_method = 'wire') as wire_orders,

    -- Performance metrics
    sum(order_amount) / nullif(count(distinct order_id), 0) as revenue_per_order,
    sum(order_amount) / nullif(count(distinct user_id), 0) as revenue_per_buyer

from {{ ref('stg_orders') }}
where data_quality_flag = 'valid'
group by product_category
