{#- The JSON text of a JSON value (casting JSON to text is not allowed everywhere). -#}
{% macro json_to_string(json_expression) %}
  {{ return(adapter.dispatch('json_to_string', 'activity_schema')(json_expression)) }}
{% endmacro %}

{% macro default__json_to_string(json_expression) -%}
  cast({{ json_expression }} as {{ dbt.type_string() }})
{%- endmacro %}

{% macro snowflake__json_to_string(json_expression) -%}
  to_json({{ json_expression }})
{%- endmacro %}

{% macro bigquery__json_to_string(json_expression) -%}
  to_json_string({{ json_expression }})
{%- endmacro %}
