{#- Emulator-only shim, never shipped: fakesnow (target `snowflake`) has no is_object, so
    there the check runs as the DuckDB it executes on. Every other Snowflake target, the
    real one included, gets the package's own snowflake__json_text_is_object. -#}
{% macro snowflake__json_text_is_object(text_expression) -%}
  {%- if target.name == 'snowflake' -%}
    {{ activity_schema.duckdb__json_text_is_object(text_expression) }}
  {%- else -%}
    {{ activity_schema.snowflake__json_text_is_object(text_expression) }}
  {%- endif -%}
{%- endmacro %}
