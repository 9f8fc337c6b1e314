-- The stitched stream: anonymous activity resolved to customers, occurrences counted after
-- stitching. big_spender (a JSON boolean, null off purchases) feeds sum_bool.
{{ activity_schema.build_activity(
    source=ref('generated_raw_events'),
    activity_column='event_type',
    source_key=['event_id'],
    ts='occurred_at',
    customer='user_id',
    anonymous_customer_id='anonymous_id',
    features={'product_category': 'product_category', 'referrer': 'referrer', 'big_spender': '(revenue > 50)'},
    revenue_impact='revenue',
    link='page_url',
    stitch_identity=true,
) }}
