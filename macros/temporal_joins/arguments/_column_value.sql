{#- A column of a stream row: a stream column as it is, anything else a feature_json key,
    read as text. -#}
{% macro _column_value(column, relation_alias=none) %}
  {%- set prefix = relation_alias ~ '.' if relation_alias else '' -%}
  {%- if column in activity_schema._stream_columns() -%}
    {{ return(prefix ~ column) }}
  {%- endif -%}
  {{ return(activity_schema.json_extract_string(prefix ~ 'feature_json', column)) }}
{% endmacro %}

{#- A column name given by the caller: a non-blank string. -#}
{% macro _require_column_name(macro_name, argument, column) %}
  {%- if column is not string or column == '' -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " entry " ~ (column | tojson) ~ "; give a stream column or a feature_json key, as a string") }}
  {%- endif -%}
  {{ return(column) }}
{% endmacro %}
