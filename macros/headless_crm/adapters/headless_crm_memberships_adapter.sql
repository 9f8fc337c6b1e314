{#- A complete membership identifiers adapter model in one call:
      {{ activity_schema.headless_crm_memberships_adapter('app_database', ref('workspace_members'),
             event_id='membership_id', occurred_at='joined_at',
             person_identifier='user_id', person_identifier_type='user_id',
             group_identifier='workspace_id', group_identifier_type='workspace_id', role='role') }}
    The two *_identifier_type arguments are identifier type names; the other arguments are
    SQL expressions. Rows lacking either identifier are not memberships and are skipped.
    id defaults to a hash of the event and both identifiers. -#}
{% macro headless_crm_memberships_adapter(source_name, relation, event_id, occurred_at, person_identifier, person_identifier_type,
                                          group_identifier, group_identifier_type, role=none, id=none, ingested_at=none, where=none) %}
  {{ return(adapter.dispatch('headless_crm_memberships_adapter', 'activity_schema')(
      source_name, relation, event_id, occurred_at, person_identifier, person_identifier_type,
      group_identifier, group_identifier_type, role, id, ingested_at, where)) }}
{% endmacro %}

{% macro default__headless_crm_memberships_adapter(source_name, relation, event_id, occurred_at, person_identifier, person_identifier_type,
                                                   group_identifier, group_identifier_type, role, id, ingested_at, where) %}
  {%- set string_type = dbt.type_string() -%}
  {%- set id_expression = id if id is not none else activity_schema.surrogate_key(
        [event_id, "'" ~ person_identifier_type ~ "'", person_identifier, "'" ~ group_identifier_type ~ "'", group_identifier]) -%}
    select
        cast({{ id_expression }} as {{ string_type }}) as id,
        cast({{ event_id }} as {{ string_type }}) as event_id,
        cast({{ person_identifier }} as {{ string_type }}) as person_identifier,
        cast('{{ person_identifier_type }}' as {{ string_type }}) as person_identifier_type,
        cast({{ group_identifier }} as {{ string_type }}) as group_identifier,
        cast('{{ group_identifier_type }}' as {{ string_type }}) as group_identifier_type,
        cast({{ role if role is not none else 'null' }} as {{ string_type }}) as role,
        {{ activity_schema._headless_crm_adapter_source_and_ingested_at(source_name, ingested_at) }},
        cast({{ occurred_at }} as {{ activity_schema.type_timestamp() }}) as occurred_at
    from {{ relation }}
    where {{ person_identifier }} is not null and trim(cast({{ person_identifier }} as {{ string_type }})) <> ''
      and {{ group_identifier }} is not null and trim(cast({{ group_identifier }} as {{ string_type }})) <> ''
      {%- if where %} and ({{ where }}){% endif %}
{% endmacro %}
