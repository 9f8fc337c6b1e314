{#- An output column name, quoted so that any validated name (a reserved word, a leading
    digit) is usable, and spelled in the case the warehouse gives an unquoted name, so
    that users refer to it without quotes. Names reach it validated or sanitized to
    [A-Za-z0-9_]. -#}
{% macro quote_column(name) %}
  {{ return(adapter.dispatch('quote_column', 'activity_schema')(name)) }}
{% endmacro %}

{#- DuckDB, BigQuery and Spark compare column names without regard to case. -#}
{% macro default__quote_column(name) %}
  {{ return(adapter.quote(name)) }}
{% endmacro %}

{#- Postgres folds unquoted names to lower case. -#}
{% macro postgres__quote_column(name) %}
  {{ return(adapter.quote(name | lower)) }}
{% endmacro %}

{#- Snowflake folds unquoted names to upper case. -#}
{% macro snowflake__quote_column(name) %}
  {{ return(adapter.quote(name | upper)) }}
{% endmacro %}
