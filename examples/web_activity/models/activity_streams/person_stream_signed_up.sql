-- The customer is known: no stitching needed.
{{ activity_schema.build_activity(
    source=ref('stg_signups'),
    activity='signed_up',
    source_key=['customer'],
    ts='ts',
    customer='customer',
    anonymous_customer_id='anonymous_customer_id',
    features=['plan', 'country'],
) }}
