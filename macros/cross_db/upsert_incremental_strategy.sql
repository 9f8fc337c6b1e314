{#- The incremental strategy that replaces rows by unique_key on this warehouse: BigQuery
    and Spark have no delete+insert. Spark's merge needs a table format that can update
    rows (file_format delta, iceberg or hudi); dbt-spark says so if the model's cannot. -#}
{% macro upsert_incremental_strategy() %}
  {{ return(adapter.dispatch('upsert_incremental_strategy', 'activity_schema')()) }}
{% endmacro %}

{% macro default__upsert_incremental_strategy() %}{{ return('delete+insert') }}{% endmacro %}

{% macro bigquery__upsert_incremental_strategy() %}{{ return('merge') }}{% endmacro %}

{% macro spark__upsert_incremental_strategy() %}{{ return('merge') }}{% endmacro %}

{#- The incremental strategy that appends a model's new rows: BigQuery has no `append`;
    its merge without a unique_key inserts. -#}
{% macro append_incremental_strategy() %}
  {{ return(adapter.dispatch('append_incremental_strategy', 'activity_schema')()) }}
{% endmacro %}

{% macro default__append_incremental_strategy() %}{{ return('append') }}{% endmacro %}

{% macro bigquery__append_incremental_strategy() %}{{ return('merge') }}{% endmacro %}
