{#- Emulator-only shim, never shipped: fakesnow (target `snowflake`) has no is_object, so
    there the check runs as the DuckDB it executes on. Every other Snowflake target, the
    real one included, gets the package's own snowflake__json_is_object. -#}
{% macro snowflake__json_is_object(json_expression) -%}
  {%- if target.name == 'snowflake' -%}
    json_type({{ json_expression }}) = 'OBJECT'
  {%- else -%}
    {{ activity_schema.snowflake__json_is_object(json_expression) }}
  {%- endif -%}
{%- endmacro %}
