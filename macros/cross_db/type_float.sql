{#- A double-precision float, for revenue_impact and float-cast feature values. -#}
{% macro type_float() %}
  {{ return(adapter.dispatch('type_float', 'activity_schema')()) }}
{% endmacro %}

{% macro default__type_float() %}{{ dbt.type_float() }}{% endmacro %}

{#- DuckDB's `float` is 4 bytes. -#}
{% macro duckdb__type_float() %}double{% endmacro %}

{#- Spark's `float` is 4 bytes. -#}
{% macro spark__type_float() %}double{% endmacro %}
