-- Visits. Staging names who and when as the stream does: customer (the logged-in user, if
-- any), anonymous_customer_id (the browser) and ts.
select
    session_id,
    anonymous_id as anonymous_customer_id,
    user_id as customer,
    started_at as ts,
    ended_at,
    device_type,
    coalesce(referrer, 'direct') as referrer,
    utm_source,
    landing_page
from {{ source('raw', 'sessions') }}
