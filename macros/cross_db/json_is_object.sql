{#- True when the JSON value is an object (not an array, scalar or null). -#}
{% macro json_is_object(json_expression) %}
  {{ return(adapter.dispatch('json_is_object', 'activity_schema')(json_expression)) }}
{% endmacro %}

{% macro default__json_is_object(json_expression) -%}
  ({{ json_expression }}) is json object
{%- endmacro %}

{% macro duckdb__json_is_object(json_expression) -%}
  json_type({{ json_expression }}) = 'OBJECT'
{%- endmacro %}

{% macro postgres__json_is_object(json_expression) -%}
  jsonb_typeof({{ json_expression }}) = 'object'
{%- endmacro %}

{% macro snowflake__json_is_object(json_expression) -%}
  is_object({{ json_expression }})
{%- endmacro %}

{% macro bigquery__json_is_object(json_expression) -%}
  json_type({{ json_expression }}) = 'object'
{%- endmacro %}

{#- Spark: json_object_keys is null for anything but a JSON object's text. -#}
{% macro spark__json_is_object(json_expression) -%}
  json_object_keys({{ json_expression }}) is not null
{%- endmacro %}
