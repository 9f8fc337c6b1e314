{#- The value under a top-level key of a JSON object, as text (null when absent). Any key
    works: a dot, a space or a quote in it is escaped for the warehouse's path syntax. -#}
{% macro json_extract_string(json_expression, key) %}
  {{ return(adapter.dispatch('json_extract_string', 'activity_schema')(json_expression, key | string)) }}
{% endmacro %}

{#- SQL/JSON path with the key double-quoted. -#}
{% macro default__json_extract_string(json_expression, key) -%}
  json_value({{ json_expression }}, {{ activity_schema.string_literal('$."' ~ key.replace('\\', '\\\\').replace('"', '\\"') ~ '"') }})
{%- endmacro %}

{#- A JSON pointer names one key exactly; only '~' and '/' are escaped. -#}
{% macro duckdb__json_extract_string(json_expression, key) -%}
  json_extract_string({{ json_expression }}, {{ activity_schema.string_literal('/' ~ key.replace('~', '~0').replace('/', '~1')) }})
{%- endmacro %}

{% macro postgres__json_extract_string(json_expression, key) -%}
  ({{ json_expression }} ->> {{ activity_schema.string_literal(key) }})
{%- endmacro %}

{#- Bracket access takes the key as a string; a cast of a variant string drops its quotes. -#}
{% macro snowflake__json_extract_string(json_expression, key) -%}
  {{ json_expression }}[{{ activity_schema.string_literal(key) }}]::varchar
{%- endmacro %}

{#- Spark: feature_json is JSON text; get_json_object unwraps strings and keeps objects as
    text. Its path cannot hold a quote or a backslash in a key: such keys are read from the
    object parsed as a map of strings. -#}
{% macro spark__json_extract_string(json_expression, key) -%}
  {%- if "'" in key or "\\" in key -%}
  from_json({{ json_expression }}, 'map<string,string>')[{{ activity_schema.string_literal(key) }}]
  {%- else -%}
  get_json_object({{ json_expression }}, {{ activity_schema.string_literal("$['" ~ key ~ "']") }})
  {%- endif -%}
{%- endmacro %}
