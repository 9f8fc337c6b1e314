select
    event_id,
    session_id,
    anonymous_id as anonymous_customer_id,
    user_id as customer,
    event_type,
    page_url,
    product_category,
    occurred_at as ts,
    _loaded_at as loaded_at
from {{ source('raw', 'web_events') }}
