{#- An id as it takes part in keys: null when it is null, empty or only spaces, the value
    itself otherwise. A blank string is never an id. -#}
{% macro nullif_blank(expression) %}
  {{ return(adapter.dispatch('nullif_blank', 'activity_schema')(expression)) }}
{% endmacro %}

{% macro default__nullif_blank(expression) -%}
  case when trim({{ expression }}) <> '' then {{ expression }} end
{%- endmacro %}

{#- BigQuery's trim removes every Unicode whitespace; the other warehouses remove spaces. -#}
{% macro bigquery__nullif_blank(expression) -%}
  case when trim({{ expression }}, ' ') <> '' then {{ expression }} end
{%- endmacro %}
