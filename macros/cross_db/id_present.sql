{#- True when an id is present: not null, and not empty or only spaces (null otherwise,
    which a CASE or WHERE reads as false). -#}
{% macro id_present(expression) %}
  {{ return(adapter.dispatch('id_present', 'activity_schema')(expression)) }}
{% endmacro %}

{% macro default__id_present(expression) -%}
  trim({{ expression }}) <> ''
{%- endmacro %}

{#- BigQuery's trim removes every Unicode whitespace; the other warehouses remove spaces. -#}
{% macro bigquery__id_present(expression) -%}
  trim({{ expression }}, ' ') <> ''
{%- endmacro %}
