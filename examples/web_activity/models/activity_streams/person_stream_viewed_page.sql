{{ activity_schema.build_activity(
    source=ref('stg_web_events'),
    activity='viewed_page',
    source_key=['event_id'],
    ts='ts',
    customer='customer',
    anonymous_customer_id='anonymous_customer_id',
    features=['session_id'],
    link='page_url',
    where="event_type = 'page_view'",
    stitch_identity=true,
) }}
