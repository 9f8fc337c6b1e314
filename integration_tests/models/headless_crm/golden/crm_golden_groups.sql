{{ config(enabled=var('headless_crm', none) is not none) }}
select
    entity_keys.smallest_identifier,
    groups_table.domain, groups_table.workspace_id, groups_table.name, groups_table.plan,
    groups_table.identifier_count, groups_table.first_seen_at, groups_table.last_seen_at
from {{ ref('headless_crm_groups') }} as groups_table
join {{ ref('crm_golden_entity_keys') }} as entity_keys
  on entity_keys.entity_type = 'group' and entity_keys.entity_id = groups_table.group_id
