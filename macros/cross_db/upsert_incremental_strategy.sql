{#- The incremental strategy that replaces rows by unique_key on this warehouse: BigQuery
    has no delete+insert. Spark's plain parquet tables can neither delete nor merge rows, so
    there a model's rows are replaced a partition at a time (insert_overwrite): the models
    using this primitive partition by their key's first column and, on an incremental run,
    select the merged rows of every partition they touch (see _headless_crm_union). -#}
{% macro upsert_incremental_strategy() %}
  {{ return(adapter.dispatch('upsert_incremental_strategy', 'activity_schema')()) }}
{% endmacro %}

{% macro default__upsert_incremental_strategy() %}{{ return('delete+insert') }}{% endmacro %}

{% macro bigquery__upsert_incremental_strategy() %}{{ return('merge') }}{% endmacro %}

{% macro spark__upsert_incremental_strategy() %}{{ return('insert_overwrite') }}{% endmacro %}
