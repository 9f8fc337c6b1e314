{{ config(enabled=activity_schema._identity_enabled()) }}
{#- Per anonymous id, the identifications where the customer it maps to changes, in
    (ts, customer) order so that two customers revealed at the same instant resolve the
    same way on every run. -#}
with identifications as (
    select distinct anonymous_customer_id, customer, ts
    from {{ ref('identity__person_stream') }}
    where ts is not null
),

ordered as (
    select
        anonymous_customer_id,
        customer,
        ts,
        lag(customer) over (partition by anonymous_customer_id order by ts, {{ activity_schema.binary_order('customer') }}) as previous_customer
    from identifications
)

select
    anonymous_customer_id,
    customer,
    previous_customer,
    ts as changed_at
from ordered
where previous_customer is null or previous_customer <> customer
