{#- Spark only (the integration project's seeds; never shipped with the package): dbt-spark
    1.11's session method loads seed rows with Python `%` formatting, which turns an empty
    cell into the string 'None' and breaks on quotes. A seed whose every column has a
    column type is read by Spark's own CSV reader and cast to those types (the 25,000-row
    generated events took 26 s as literals); other seeds, whose types dbt infers from the
    values, are written as escaped literals. Either way an empty cell is null. -#}
{% macro spark__load_csv_rows(model, agate_table) %}
  {%- set column_override = model['config'].get('column_types', {}) -%}
  {%- set types = [] -%}
  {%- for col_name in agate_table.column_names -%}
    {%- do types.append(column_override.get(col_name, adapter.convert_type(agate_table, loop.index0))) -%}
  {%- endfor -%}
  {%- set csv_path = typed_seed_csv_path(model, agate_table) -%}
  {%- if csv_path -%}
    {%- set csv_view = this.identifier ~ '_csv' -%}
    {%- do adapter.add_query(
          "create or replace temporary view " ~ csv_view ~ " using csv options (path "
          ~ activity_schema.string_literal(csv_path)
          ~ ", header 'true', escape '\"', multiLine 'true', mode 'FAILFAST')") -%}
    {%- set sql -%}
      insert into {{ this.render() }}
      select {% for col_name in agate_table.column_names -%}
        cast({{ adapter.quote(col_name) }} as {{ types[loop.index0] }}){{ ", " if not loop.last }}
      {%- endfor %}
      from {{ csv_view }}
    {%- endset -%}
    {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
    {{ return(sql) }}
  {%- endif -%}
  {%- set statements = [] -%}
  {%- for chunk in agate_table.rows | batch(get_batch_size()) -%}
    {%- set sql -%}
      insert into {{ this.render() }} values
      {% for row in chunk -%}
        ({%- for value in row -%}
          {%- if value is none -%}cast(null as {{ types[loop.index0] }})
          {%- else -%}cast('{{ (value | string).replace("\\", "\\\\").replace("'", "\\'") }}' as {{ types[loop.index0] }})
          {%- endif -%}{{ ", " if not loop.last }}
        {%- endfor -%}){{ "," if not loop.last }}
      {% endfor %}
    {%- endset -%}
    {%- do adapter.add_query(sql, abridge_sql_log=True) -%}
    {%- if loop.first -%}{%- do statements.append(sql) -%}{%- endif -%}
  {%- endfor -%}
  {{ return(statements[0] if statements else '') }}
{% endmacro %}
