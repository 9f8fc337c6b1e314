{#- The value under a top-level key of a JSON object, as text (null when absent). -#}
{% macro json_extract_string(json_expression, key) %}
  {{ return(adapter.dispatch('json_extract_string', 'activity_schema')(json_expression, key)) }}
{% endmacro %}

{% macro default__json_extract_string(json_expression, key) -%}
  json_value({{ json_expression }}, '$."{{ key }}"')
{%- endmacro %}

{% macro duckdb__json_extract_string(json_expression, key) -%}
  json_extract_string({{ json_expression }}, '$."{{ key }}"')
{%- endmacro %}

{% macro postgres__json_extract_string(json_expression, key) -%}
  ({{ json_expression }} ->> '{{ key }}')
{%- endmacro %}

{#- Path access unwraps a string variant; get(...)::varchar would keep its JSON quotes on some engines. -#}
{% macro snowflake__json_extract_string(json_expression, key) -%}
  {{ json_expression }}:"{{ key }}"::varchar
{%- endmacro %}

{#- Spark: feature_json is JSON text; get_json_object unwraps strings, keeps objects as text. -#}
{% macro spark__json_extract_string(json_expression, key) -%}
  get_json_object({{ json_expression }}, '$.{{ key }}')
{%- endmacro %}
