with changes as (
    select
        anonymous_customer_id,
        customer,
        changed_at,
        row_number() over (partition by anonymous_customer_id order by changed_at, customer) as mapping_number,
        lead(changed_at) over (partition by anonymous_customer_id order by changed_at, customer) as next_changed_at
    from ACTIVITY_SCHEMA.ANALYTICS.identity_change_detector
)

select
    anonymous_customer_id,
    customer,
    case when mapping_number = 1 then null else changed_at end as valid_from,
    next_changed_at as valid_to,
    mapping_number
from changes
