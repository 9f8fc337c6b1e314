{#- Attach to headless_crm_excluded_identifiers (at severity warn): one row per identifier
    quarantined because it shares source rows with more than max_linked_identifiers other
    identifiers, so that someone decides whether to blocklist it or raise the limit. -#}
{% test headless_crm_no_over_linked_identifiers(model) %}
  {{ return(adapter.dispatch('test_headless_crm_no_over_linked_identifiers', 'activity_schema')(model)) }}
{% endtest %}

{% macro default__test_headless_crm_no_over_linked_identifiers(model) %}
  select entity_type, identifier_type, identifier_value, linked_identifier_count, sum(occurrence_count) as occurrence_count
  from {{ model }}
  where exclusion_reason = 'over_linked'
  group by entity_type, identifier_type, identifier_value, linked_identifier_count
{% endmacro %}
