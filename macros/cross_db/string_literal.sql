{#- A SQL string literal holding `value` exactly: the one way caller text enters SQL as
    data (activity names, filter values, JSON keys, delimiters). -#}
{% macro string_literal(value) %}
  {{ return(adapter.dispatch('string_literal', 'activity_schema')(value | string)) }}
{% endmacro %}

{#- Standard SQL: a quote is doubled and a backslash is an ordinary character (DuckDB, and
    Postgres with its default standard_conforming_strings). -#}
{% macro default__string_literal(value) %}
  {{ return("'" ~ value.replace("'", "''") ~ "'") }}
{% endmacro %}

{#- Snowflake reads backslash escapes inside single-quoted strings. -#}
{% macro snowflake__string_literal(value) %}
  {{ return("'" ~ value.replace("\\", "\\\\").replace("'", "''") ~ "'") }}
{% endmacro %}

{#- BigQuery escapes with a backslash and allows no raw line break in a quoted string. -#}
{% macro bigquery__string_literal(value) %}
  {{ return("'" ~ value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") ~ "'") }}
{% endmacro %}

{#- Spark escapes with a backslash: 'a''b' would be two adjacent literals, read as 'ab'. -#}
{% macro spark__string_literal(value) %}
  {{ return(activity_schema.bigquery__string_literal(value)) }}
{% endmacro %}
