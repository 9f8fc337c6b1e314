{{ config(enabled=var('headless_crm', none) is not none) }}
select entity_keys.smallest_identifier, traits.trait_name, traits.trait_value, traits.source, traits.event_id, traits.occurred_at
from {{ ref('headless_crm_resolved_person_traits') }} as traits
join {{ ref('crm_golden_entity_keys') }} as entity_keys
  on entity_keys.entity_type = 'person' and entity_keys.entity_id = traits.person_id
