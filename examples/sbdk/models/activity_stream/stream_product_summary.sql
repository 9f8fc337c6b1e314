-- product_summary from the stream's placed_order activities.
with orders as (
    select
        customer,
        revenue_impact as amount,
        {{ activity_schema.json_extract_string('feature_json', 'product_category') }} as product_category,
        {{ activity_schema.json_extract_string('feature_json', 'payment_method') }} as payment_method,
        {{ activity_schema.json_extract_string('feature_json', 'revenue_type') }} as revenue_type
    from {{ ref('sbdk_stream') }}
    where activity = 'placed_order'
)

select
    product_category,
    count(*) as total_orders,
    count(distinct customer) as unique_buyers,
    sum(amount) as total_revenue,
    avg(amount) as avg_order_value,
    sum(case when revenue_type = 'recurring' then amount else 0 end) as recurring_revenue,
    sum(case when revenue_type = 'expansion' then amount else 0 end) as expansion_revenue,
    sum(case when revenue_type = 'one_time' then amount else 0 end) as one_time_revenue,
    count(case when payment_method = 'credit_card' then 1 end) as credit_card_orders,
    count(case when payment_method = 'paypal' then 1 end) as paypal_orders,
    count(case when payment_method = 'wire' then 1 end) as wire_orders,
    sum(amount) / count(*) as revenue_per_order,
    sum(amount) / count(distinct customer) as revenue_per_buyer
from orders
group by product_category
