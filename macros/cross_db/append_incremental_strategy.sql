{#- The incremental strategy that appends a model's new rows: BigQuery has no `append`;
    its merge without a unique_key inserts. -#}
{% macro append_incremental_strategy() %}
  {{ return(adapter.dispatch('append_incremental_strategy', 'activity_schema')()) }}
{% endmacro %}

{% macro default__append_incremental_strategy() %}{{ return('append') }}{% endmacro %}

{% macro bigquery__append_incremental_strategy() %}{{ return('merge') }}{% endmacro %}
