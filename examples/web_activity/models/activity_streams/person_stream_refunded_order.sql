-- Money paid back is negative revenue.
{{ activity_schema.build_activity(
    source=ref('stg_refunds'),
    activity='refunded_order',
    source_key=['refund_id'],
    ts='ts',
    customer='customer',
    features=['order_id'],
    revenue_impact='-amount',
) }}
