{{ activity_schema.build_activity(
    source=ref('stg_orders'),
    activity='made_purchase',
    source_key=['order_id'],
    ts='ts',
    customer='customer',
    anonymous_customer_id='anonymous_customer_id',
    features=['order_id', 'product_category', 'payment_method'],
    revenue_impact='amount',
) }}
