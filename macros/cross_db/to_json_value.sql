{#- A scalar (text, number, boolean, null) as a value of the JSON type type_json() names. -#}
{% macro to_json_value(expression) %}
  {{ return(adapter.dispatch('to_json_value', 'activity_schema')(expression)) }}
{% endmacro %}

{% macro default__to_json_value(expression) -%}
  to_json({{ expression }})
{%- endmacro %}

{% macro postgres__to_json_value(expression) -%}
  to_jsonb({{ expression }})
{%- endmacro %}

{% macro snowflake__to_json_value(expression) -%}
  to_variant({{ expression }})
{%- endmacro %}

{#- Spark: the JSON text of a one-element array, without its brackets. -#}
{% macro spark__to_json_value(expression) -%}
  regexp_extract(to_json(array({{ expression }})), '^\\[(.*)\\]$', 1)
{%- endmacro %}
