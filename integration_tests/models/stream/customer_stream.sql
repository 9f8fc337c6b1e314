-- The stitched stream: anonymous activity resolved to customers, occurrences counted after stitching.
{{ activity_schema.build_activity(
    source=ref('generated_raw_events'),
    activity_column='event_type',
    source_key=['event_id'],
    ts='occurred_at',
    customer='user_id',
    anonymous_customer_id='anonymous_id',
    features=['product_category', 'referrer'],
    revenue_impact='revenue',
    link='page_url',
    stitch_identity=true,
) }}
