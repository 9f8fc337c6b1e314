{#- Attach to headless_crm_person_traits or headless_crm_group_traits (at severity warn):
    one row per trait record that reaches no entity because its source row has no usable
    identifier (none given, or all invalid or excluded), naming the record. -#}
{% test headless_crm_traits_have_entity(model, entity) %}
  {{ return(adapter.dispatch('test_headless_crm_traits_have_entity', 'activity_schema')(model, entity)) }}
{% endtest %}

{% macro default__test_headless_crm_traits_have_entity(model, entity) %}
  {%- do activity_schema._require_choice('headless_crm_traits_have_entity', 'entity', entity, ['person', 'group']) -%}
  with row_entities as (
      {{ activity_schema._headless_crm_row_entities(entity) }}
  )

  select traits.source, traits.id, traits.row_id, traits.trait_name, traits.trait_value
  from {{ model }} as traits
  where traits.trait_name is not null
    and traits.trait_value is not null
    and not exists (
        select 1 from row_entities where row_entities.link_key = {{ activity_schema._headless_crm_link_key('traits') }}
    )
{% endmacro %}
