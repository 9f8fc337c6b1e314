select
    refund_id,
    order_id,
    user_id as customer,
    refunded_at as ts,
    amount
from {{ source('raw', 'refunds') }}
