{#- Spark only (the integration project's seeds; never shipped with the package): dbt-spark
    1.11's session method loads seed rows with Python `%` formatting, which turns an empty
    cell into the string 'None' and breaks on quotes. The rows are written as escaped
    literals here instead, empty cells as null, cast to the seed's column types. -#}
{% macro spark__load_csv_rows(model, agate_table) %}
  {%- set column_override = model['config'].get('column_types', {}) -%}
  {%- set types = [] -%}
  {%- for col_name in agate_table.column_names -%}
    {%- do types.append(column_override.get(col_name, adapter.convert_type(agate_table, loop.index0))) -%}
  {%- endfor -%}
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
