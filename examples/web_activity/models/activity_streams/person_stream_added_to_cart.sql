{{ activity_schema.build_activity(
    source=ref('stg_web_events'),
    activity='added_to_cart',
    source_key=['event_id'],
    ts='ts',
    customer='customer',
    anonymous_customer_id='anonymous_customer_id',
    features=['session_id', 'product_category'],
    link='page_url',
    where="event_type = 'add_to_cart'",
    stitch_identity=true,
) }}
