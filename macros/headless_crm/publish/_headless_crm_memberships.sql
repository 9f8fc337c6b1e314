{#- One row per resolved (person, group) pair: the role of its latest membership record
    that has one (by occurred_at, then id, then source) and when the pair was first and
    last seen. Records whose person or group identifier was excluded resolve to nothing;
    the identifier is listed in headless_crm_excluded_identifiers. -#}
{% macro _headless_crm_memberships() %}
  {%- set node_key = activity_schema._headless_crm_node_key -%}
    with resolved as (
        select
            {{ activity_schema._headless_crm_entity_id('person_components.component_key') }} as person_id,
            {{ activity_schema._headless_crm_entity_id('group_components.component_key') }} as group_id,
            memberships.role,
            memberships.source,
            memberships.occurred_at,
            memberships.id
        from {{ ref('headless_crm_membership_identifiers') }} as memberships
        join {{ ref('headless_crm_person_components') }} as person_components
          on person_components.node_key = {{ node_key('memberships.person_identifier_type', 'memberships.person_identifier') }}
        join {{ ref('headless_crm_group_components') }} as group_components
          on group_components.node_key = {{ node_key('memberships.group_identifier_type', 'memberships.group_identifier') }}
    ),

    ranked as (
        select
            person_id,
            group_id,
            role,
            row_number() over (
                partition by person_id, group_id
                order by case when role is null then 1 else 0 end, occurred_at desc nulls last, {{ activity_schema.binary_order('id') }} desc, {{ activity_schema.binary_order('source') }} desc
            ) as recency,
            min(occurred_at) over (partition by person_id, group_id) as first_seen_at,
            max(occurred_at) over (partition by person_id, group_id) as last_seen_at
        from resolved
    )

    select
        {{ activity_schema.surrogate_key(['person_id', 'group_id']) }} as membership_id,
        person_id,
        group_id,
        role,
        first_seen_at,
        last_seen_at
    from ranked
    where recency = 1
{% endmacro %}
