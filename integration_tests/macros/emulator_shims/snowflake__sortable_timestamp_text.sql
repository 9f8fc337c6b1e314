{#- Emulator-only shim, never shipped: fakesnow (target `snowflake`) drops to_char's format
    when it translates to DuckDB, so there the text is made as the DuckDB it executes on.
    Every other Snowflake target, the real one included, gets the package's own
    snowflake__sortable_timestamp_text. -#}
{% macro snowflake__sortable_timestamp_text(ts) -%}
  {%- if target.name == 'snowflake' -%}
    strftime({{ ts }}, '%Y-%m-%d %H:%M:%S.%f')
  {%- else -%}
    {{ activity_schema.snowflake__sortable_timestamp_text(ts) }}
  {%- endif -%}
{%- endmacro %}
