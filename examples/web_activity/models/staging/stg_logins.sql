-- An identity source: each login ties a browser to an account from that moment on.
select
    login_id,
    user_id as customer,
    anonymous_id as anonymous_customer_id,
    logged_in_at as ts
from {{ source('raw', 'logins') }}
