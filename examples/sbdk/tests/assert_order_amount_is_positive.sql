-- Every raw order has a positive amount.
select order_id, amount
from {{ source('raw', 'raw_orders') }}
where amount <= 0
