{#- Emulator-only shim, never shipped: the `bigquery` target is compiled offline
    (`--no-introspect`), where dbt's is_incremental() cannot look the table up and fails.
    There every incremental model compiles in its full-refresh form. Every other target,
    `bigquery_real` included, gets dbt's own is_incremental(). A root-project macro of
    this name takes precedence over dbt's for the package's models too. -#}
{% macro is_incremental() %}
  {%- if target.name == 'bigquery' -%}
    {{ return(false) }}
  {%- endif -%}
  {{ return(dbt.is_incremental()) }}
{% endmacro %}
