-- An identity source: the browser an account was created in.
select
    user_id as customer,
    anonymous_id as anonymous_customer_id,
    lower(trim(email)) as email,
    country,
    plan,
    signed_up_at as ts
from {{ source('raw', 'signups') }}
