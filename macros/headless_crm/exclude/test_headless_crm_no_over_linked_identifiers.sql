{#- Attach to headless_crm_excluded_identifiers (at severity warn): one row per identifier
    that shares source rows with more than warn_linked_identifiers other identifiers, more
    than one person (or group) plausibly has: those quarantined for passing
    max_linked_identifiers (outcome 'quarantined'), and, well before that, those still
    merging everything they touch (outcome 'merged'), so that someone decides whether to
    blocklist them or change the limits. -#}
{% test headless_crm_no_over_linked_identifiers(model) %}
  {{ return(adapter.dispatch('test_headless_crm_no_over_linked_identifiers', 'activity_schema')(model)) }}
{% endtest %}

{% macro default__test_headless_crm_no_over_linked_identifiers(model) %}
  select entity_type, identifier_type, identifier_value, linked_identifier_count, 'quarantined' as outcome
  from {{ model }}
  where exclusion_reason = 'over_linked'
  group by entity_type, identifier_type, identifier_value, linked_identifier_count
  {%- for entity in ['person', 'group'] %}
  union all
  select * from (
    with {{ activity_schema._headless_crm_link_ctes(entity) }}
    select {{ activity_schema.string_literal(entity) }} as entity_type, identifier_type, identifier_value, linked_identifier_count, 'merged' as outcome
    from linked
    where not is_blocked
      and linked_identifier_count > {{ activity_schema._headless_crm_link_limit(entity, 'warn_linked_identifiers') }}
      and linked_identifier_count <= {{ activity_schema._headless_crm_link_limit(entity, 'max_linked_identifiers') }}
  ) as {{ entity }}_shared_identifiers
  {%- endfor %}
{% endmacro %}
