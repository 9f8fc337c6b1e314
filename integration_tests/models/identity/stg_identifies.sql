-- The generated identify calls, renamed to the identity-source interface.
select
    anonymous_id as anonymous_customer_id,
    user_id as customer,
    identified_at as ts
from {{ ref('generated_identifies') }}
