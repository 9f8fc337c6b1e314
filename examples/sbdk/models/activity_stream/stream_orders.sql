{{ activity_schema.build_activity(
    source=ref('stg_orders'),
    activity='placed_order',
    source_key=['order_id'],
    ts='ordered_at',
    customer='cast(user_id as varchar)',
    features=['product_category', 'payment_method', 'revenue_type'],
    revenue_impact='order_amount',
    where="data_quality_flag = 'valid'",
) }}
