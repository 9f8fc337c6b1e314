{#- Emulator-only shim, never shipped: fakesnow (target `snowflake`) translates every
    statement through sqlglot, about 3.4 ms per row of a seed's INSERT, so the 25,000-row
    generated events took 112 s to load. There a seed whose every column has a column type
    is put on its table stage and copied in (under a second), empty cells loaded as null as
    dbt loads them. Other seeds, whose types dbt infers from the values, and every other
    Snowflake target, the real one included, get dbt-snowflake's own INSERT batches. -#}
{% macro snowflake__load_csv_rows(model, agate_table) %}
  {%- set csv_path = typed_seed_csv_path(model, agate_table) -%}
  {%- if target.name != 'snowflake' or not csv_path -%}
    {{ return(dbt.snowflake__load_csv_rows(model, agate_table)) }}
  {%- endif -%}
  {%- set relation = this.render() -%}
  {%- set table_stage = '@' ~ this.database ~ '.' ~ this.schema ~ '.%' ~ this.identifier -%}
  {%- set sql -%}
    copy into {{ relation }} from {{ table_stage }}
    file_format = (type = csv skip_header = 1 field_optionally_enclosed_by = '"' empty_field_as_null = true)
    force = true purge = true
  {%- endset -%}
  {%- do adapter.add_query('BEGIN', auto_begin=False) -%}
  {%- do adapter.add_query('truncate table ' ~ relation) -%}
  {%- do adapter.add_query("put " ~ activity_schema.string_literal('file://' ~ csv_path) ~ " " ~ table_stage ~ " overwrite = true") -%}
  {%- do adapter.add_query(sql) -%}
  {%- do adapter.add_query('COMMIT', auto_begin=False) -%}
  {{ return(sql) }}
{% endmacro %}
