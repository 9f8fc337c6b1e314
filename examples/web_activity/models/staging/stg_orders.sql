select
    order_id,
    user_id as customer,
    anonymous_id as anonymous_customer_id,
    ordered_at as ts,
    amount,
    product_category,
    payment_method
from {{ source('raw', 'orders') }}
