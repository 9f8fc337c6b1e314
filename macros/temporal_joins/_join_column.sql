{#- A column of a stream row: a stream column as it is, anything else a feature_json key
    as text. -#}
{% macro _join_column(column, relation_alias=none) %}
  {%- set prefix = relation_alias ~ '.' if relation_alias else '' -%}
  {%- if column in activity_schema._stream_columns() -%}
    {{ return(prefix ~ column) }}
  {%- endif -%}
  {{ return(activity_schema.json_extract_string(prefix ~ 'feature_json', column)) }}
{% endmacro %}

{#- The value an aggregation runs over: feature_json keys are text, cast to a float for
    sum, avg, min and max. -#}
{% macro _join_measure(column, aggregation) %}
  {%- set value = activity_schema._join_column(column) -%}
  {%- if column not in activity_schema._stream_columns() and aggregation in ['sum', 'avg', 'min', 'max'] -%}
    {{ return('cast(' ~ value ~ ' as ' ~ activity_schema.type_float() ~ ')') }}
  {%- endif -%}
  {{ return(value) }}
{% endmacro %}
