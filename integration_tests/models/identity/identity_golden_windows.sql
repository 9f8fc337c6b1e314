select anonymous_customer_id, customer, valid_from, valid_to, mapping_number
from {{ ref('identity_time_windows') }}
where anonymous_customer_id like 'golden%'
