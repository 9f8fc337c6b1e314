{{ config(enabled=activity_schema._identity_enabled()) }}
{#- One window per mapping of an anonymous id: the first is open below, each later one
    starts when it was seen, each ends where the next starts, the last is open-ended.
    The optional buffer moves every boundary earlier. -#}
{%- set buffer = activity_schema._identity_buffer_minutes() -%}
{%- set mapping_order = "partition by anonymous_customer_id order by changed_at, " ~ activity_schema.binary_order('customer') -%}
with changes as (
    select
        anonymous_customer_id,
        customer,
        changed_at,
        row_number() over ({{ mapping_order }}) as mapping_number,
        lead(changed_at) over ({{ mapping_order }}) as next_changed_at
    from {{ ref('identity_change_detector') }}
)

select
    anonymous_customer_id,
    customer,
    case when mapping_number = 1 then null else {{ activity_schema._shift_minutes('changed_at', -buffer) }} end as valid_from,
    {{ activity_schema._shift_minutes('next_changed_at', -buffer) }} as valid_to,
    mapping_number
from changes
