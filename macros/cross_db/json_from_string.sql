{#- A JSON value parsed from JSON text, of the type type_json() names. -#}
{% macro json_from_string(text_expression) %}
  {{ return(adapter.dispatch('json_from_string', 'activity_schema')(text_expression)) }}
{% endmacro %}

{% macro default__json_from_string(text_expression) -%}
  cast({{ text_expression }} as {{ activity_schema.type_json() }})
{%- endmacro %}

{#- BigQuery casts nothing to JSON; text becomes JSON through parse_json. -#}
{% macro bigquery__json_from_string(text_expression) -%}
  parse_json({{ text_expression }})
{%- endmacro %}

{#- Casting text to variant stores a string, not the object it spells. -#}
{% macro snowflake__json_from_string(text_expression) -%}
  parse_json({{ text_expression }})
{%- endmacro %}
