{#- A complete membership identifiers adapter model in one call:
      {{ activity_schema.headless_crm_memberships_adapter('app_database', ref('workspace_members'),
             event_id='membership_id', occurred_at='joined_at',
             person_identifier='user_id', person_identifier_type='user_id',
             group_identifier='workspace_id', group_identifier_type='workspace_id', role='role') }}
    The two *_identifier_type arguments are identifier type names (text); the other
    arguments are SQL expressions. Every row is kept: one lacking an identifier (null or
    blank) resolves to nothing and is listed in headless_crm_excluded_identifiers (reason
    blank), never skipped silently. id defaults to a hash of the event and both
    identifiers. -#}
{% macro headless_crm_memberships_adapter(source_name, relation, event_id, occurred_at, person_identifier, person_identifier_type,
                                          group_identifier, group_identifier_type, role=none, id=none, ingested_at=none, where=none) %}
  {{ return(adapter.dispatch('headless_crm_memberships_adapter', 'activity_schema')(
      source_name, relation, event_id, occurred_at, person_identifier, person_identifier_type,
      group_identifier, group_identifier_type, role, id, ingested_at, where)) }}
{% endmacro %}

{% macro default__headless_crm_memberships_adapter(source_name, relation, event_id, occurred_at, person_identifier, person_identifier_type,
                                                   group_identifier, group_identifier_type, role, id, ingested_at, where) %}
  {%- set string_type = dbt.type_string() -%}
  {%- for argument, type in {'person_identifier_type': person_identifier_type, 'group_identifier_type': group_identifier_type}.items()
        if type is not string or type | trim == '' -%}
    {{ exceptions.raise_compiler_error("headless_crm_memberships_adapter: invalid " ~ argument ~ " " ~ (type | tojson) ~ "; give the identifier type's name as text, e.g. 'user_id'") }}
  {%- endfor -%}
  {%- set person_type = activity_schema.string_literal(person_identifier_type) -%}
  {%- set group_type = activity_schema.string_literal(group_identifier_type) -%}
  {%- set id_expression = id if id is not none else activity_schema.surrogate_key(
        [event_id, person_type, person_identifier, group_type, group_identifier]) -%}
    select
        cast({{ id_expression }} as {{ string_type }}) as id,
        cast({{ event_id }} as {{ string_type }}) as event_id,
        cast({{ person_identifier }} as {{ string_type }}) as person_identifier,
        cast({{ person_type }} as {{ string_type }}) as person_identifier_type,
        cast({{ group_identifier }} as {{ string_type }}) as group_identifier,
        cast({{ group_type }} as {{ string_type }}) as group_identifier_type,
        cast({{ role if role is not none else 'null' }} as {{ string_type }}) as role,
        {{ activity_schema._headless_crm_adapter_source_and_ingested_at(source_name, ingested_at) }},
        cast({{ occurred_at }} as {{ activity_schema.type_timestamp() }}) as occurred_at
    from {{ relation }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
{% endmacro %}
