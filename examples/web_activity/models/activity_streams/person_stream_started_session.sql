-- Logged-out visits get their customer from the identity windows (stitch_identity).
{{ activity_schema.build_activity(
    source=ref('stg_sessions'),
    activity='started_session',
    source_key=['session_id'],
    ts='ts',
    customer='customer',
    anonymous_customer_id='anonymous_customer_id',
    features=['device_type', 'referrer', 'utm_source'],
    link='landing_page',
    stitch_identity=true,
) }}
