{#- A text without its leading and trailing spaces (U+0020), and only those: tabs, line
    breaks and other white space, such as a no-break space, stay. -#}
{% macro trim_spaces(expression) %}
  {{ return(adapter.dispatch('trim_spaces', 'activity_schema')(expression)) }}
{% endmacro %}

{#- Postgres and Spark: trim removes spaces alone. -#}
{% macro default__trim_spaces(expression) -%}
  trim({{ expression }})
{%- endmacro %}

{#- DuckDB: trim without characters also removes Unicode spaces (a no-break space, an
    ideographic space), so the space is named. -#}
{% macro duckdb__trim_spaces(expression) -%}
  trim({{ expression }}, ' ')
{%- endmacro %}

{#- Snowflake: trim removes spaces alone, but the emulator runs it as DuckDB's and drops its
    characters unless the text is cast to varchar already; the service gives the same
    result either way. -#}
{% macro snowflake__trim_spaces(expression) -%}
  trim(cast({{ expression }} as varchar), ' ')
{%- endmacro %}

{#- BigQuery: trim without characters removes every Unicode white space. -#}
{% macro bigquery__trim_spaces(expression) -%}
  trim({{ expression }}, ' ')
{%- endmacro %}
