{{ config(enabled=var('headless_crm', none) is not none) }}
select
    person_keys.smallest_identifier as person_smallest_identifier,
    group_keys.smallest_identifier as group_smallest_identifier,
    memberships.role, memberships.first_seen_at, memberships.last_seen_at
from {{ ref('headless_crm_memberships') }} as memberships
join {{ ref('crm_golden_entity_keys') }} as person_keys
  on person_keys.entity_type = 'person' and person_keys.entity_id = memberships.person_id
join {{ ref('crm_golden_entity_keys') }} as group_keys
  on group_keys.entity_type = 'group' and group_keys.entity_id = memberships.group_id
