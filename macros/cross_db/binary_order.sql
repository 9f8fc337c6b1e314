{#- A text expression as it must compare in orderings, min/max and tie-breaks: by code
    point, the order DuckDB, Snowflake, BigQuery and Spark use by default. Postgres compares
    by the database's collation, linguistic in most databases ('a' < 'B'), which would turn
    ties around on Postgres alone. -#}
{% macro binary_order(expression) %}
  {{ return(adapter.dispatch('binary_order', 'activity_schema')(expression)) }}
{% endmacro %}

{% macro default__binary_order(expression) %}{{ return(expression) }}{% endmacro %}

{% macro postgres__binary_order(expression) %}{{ return('(' ~ expression ~ ') collate "C"') }}{% endmacro %}
