{#- Replace every match of a regular expression. Patterns stay within what RE2, POSIX ERE
    and Postgres agree on: no backslashes (write [.] for a dot), no backreferences. The
    pattern and the replacement are text, written as string literals. -#}
{% macro regexp_replace(expression, pattern, replacement) %}
  {{ return(adapter.dispatch('regexp_replace', 'activity_schema')(expression, pattern, replacement)) }}
{% endmacro %}

{#- Snowflake and BigQuery replace every match by default. -#}
{% macro default__regexp_replace(expression, pattern, replacement) -%}
  regexp_replace({{ expression }}, {{ activity_schema.string_literal(pattern) }}, {{ activity_schema.string_literal(replacement) }})
{%- endmacro %}

{#- DuckDB and Postgres replace the first match unless told 'g'. -#}
{% macro duckdb__regexp_replace(expression, pattern, replacement) -%}
  regexp_replace({{ expression }}, {{ activity_schema.string_literal(pattern) }}, {{ activity_schema.string_literal(replacement) }}, 'g')
{%- endmacro %}

{% macro postgres__regexp_replace(expression, pattern, replacement) -%}
  regexp_replace({{ expression }}, {{ activity_schema.string_literal(pattern) }}, {{ activity_schema.string_literal(replacement) }}, 'g')
{%- endmacro %}
