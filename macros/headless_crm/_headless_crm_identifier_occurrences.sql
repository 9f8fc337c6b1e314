{#- Every sighting of an entity's identifiers: the rows of its identifiers union, linked by
    their source row (link_key), and the entity's side of every membership, which adds the
    identifier but links it to nothing (memberships join persons to groups; they never
    merge two persons). -#}
{% macro _headless_crm_identifier_occurrences(entity) %}
  {%- set string_type = dbt.type_string() -%}
    select identifier_type, identifier_value, raw_identifier_value, source, occurred_at,
           {{ activity_schema._headless_crm_link_key('identifiers') }} as link_key
    from {{ ref('headless_crm_' ~ entity ~ '_identifiers') }} as identifiers
    union all
    select {{ entity }}_identifier_type, {{ entity }}_identifier, raw_{{ entity }}_identifier, source, occurred_at,
           cast(null as {{ string_type }}) as link_key
    from {{ ref('headless_crm_membership_identifiers') }}
{% endmacro %}
