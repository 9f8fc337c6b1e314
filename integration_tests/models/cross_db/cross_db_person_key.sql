-- The person key over cross_db_person_key_input: each row with the first row of the same
-- person, whatever the key's text on this warehouse. The seed's ids are bracketed, so that
-- empty and blank ids survive it.
with input as (
    select
        row_id,
        {{ unbracketed('customer') }} as customer,
        {{ unbracketed('anonymous_customer_id') }} as anonymous_customer_id
    from {{ ref('cross_db_person_key_input') }}
),

keyed as (
    select row_id, {{ activity_schema._person_key('customer', 'anonymous_customer_id') }} as person_key
    from input
)

select
    row_id,
    case when person_key is not null then min(row_id) over (partition by person_key) end as first_row_of_person
from keyed
