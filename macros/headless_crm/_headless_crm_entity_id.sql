{#- An entity's id: the hash of its component's smallest node key. -#}
{% macro _headless_crm_entity_id(component_key) -%}
  {{ activity_schema.hash(component_key) }}
{%- endmacro %}
