{#- Emulator-only shim, never shipped: fakesnow (target `snowflake`) reads a bracket key
    that starts with '$' as a JSONPath (`v['$[0]']` is an array's first element), where
    Snowflake reads any bracket key as the key itself; so there such a key is read as the
    DuckDB it executes on. Every other key, and every other Snowflake target, the real one
    included, gets the package's own snowflake__json_extract_string. -#}
{% macro snowflake__json_extract_string(json_expression, key) -%}
  {%- if target.name == 'snowflake' and key.startswith('$') -%}
    {{ activity_schema.duckdb__json_extract_string(json_expression, key) }}
  {%- else -%}
    {{ activity_schema.snowflake__json_extract_string(json_expression, key) }}
  {%- endif -%}
{%- endmacro %}
