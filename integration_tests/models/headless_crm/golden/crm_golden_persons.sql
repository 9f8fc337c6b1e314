{{ config(enabled=var('headless_crm', none) is not none) }}
select
    entity_keys.smallest_identifier,
    persons.email, persons.phone, persons.storefront_customer_id, persons.user_id,
    persons.first_name, persons.last_name, persons.name, persons.plan, persons.title,
    persons.identifier_count, persons.first_seen_at, persons.last_seen_at
from {{ ref('headless_crm_persons') }} as persons
join {{ ref('crm_golden_entity_keys') }} as entity_keys
  on entity_keys.entity_type = 'person' and entity_keys.entity_id = persons.person_id
