{#- The table options of a stream on this warehouse, for a model's config:
    {{ config(**activity_schema.stream_table_config()) }} above build_activity.
    incremental=true adds what an incremental stream needs: materialized='incremental',
    unique_key='activity_id' and the warehouse's row-level upsert on activity_id. -#}
{% macro stream_table_config(incremental=false) %}
  {%- set options = {} -%}
  {%- do options.update(adapter.dispatch('stream_table_config', 'activity_schema')()) -%}
  {%- if incremental -%}
    {%- do options.update({'materialized': 'incremental', 'unique_key': 'activity_id', 'incremental_strategy': activity_schema._stream_upsert_strategy()}) -%}
  {%- endif -%}
  {{ return(options) }}
{% endmacro %}

{#- DuckDB: a table is stored in the order rows are written, and each row group's min/max
    lets a scan skip it, so the order is the index: build_activity writes the stream
    sorted by (activity, ts) when meta asks for it. -#}
{% macro default__stream_table_config() %}
  {{ return({'meta': {'activity_schema_insertion_order': ['activity', 'ts']}}) }}
{% endmacro %}

{#- Postgres: a b-tree on (activity, person, ts), the person as the temporal joins and
    occurrences partition by it (_person_key), so that one person's rows of one activity
    are one index range. -#}
{% macro postgres__stream_table_config() %}
  {{ return({'indexes': [{'columns': ['activity', '(' ~ activity_schema._person_key() ~ ')', 'ts']}]}) }}
{% endmacro %}

{#- Snowflake: clustered by the date of ts, then activity (automatic clustering keeps a
    clustered table in order). -#}
{% macro snowflake__stream_table_config() %}
  {{ return({'cluster_by': ['to_date(ts)', 'activity']}) }}
{% endmacro %}

{#- BigQuery: one partition per day of ts, clustered by activity and the person's ids. -#}
{% macro bigquery__stream_table_config() %}
  {{ return({'partition_by': {'field': 'ts', 'data_type': 'datetime', 'granularity': 'day'},
             'cluster_by': ['activity', 'customer', 'anonymous_customer_id']}) }}
{% endmacro %}

{#- Spark: a directory per activity. -#}
{% macro spark__stream_table_config() %}
  {{ return({'partition_by': ['activity']}) }}
{% endmacro %}

{#- The strategy that replaces a stream's rows by activity_id. An incremental run writes
    only the rows that changed, so it must be a row-level upsert. -#}
{% macro _stream_upsert_strategy() %}
  {{ return(adapter.dispatch('_stream_upsert_strategy', 'activity_schema')()) }}
{% endmacro %}

{% macro default___stream_upsert_strategy() %}{{ return(activity_schema.upsert_incremental_strategy()) }}{% endmacro %}

{#- Spark: merge, the only row-level upsert dbt-spark has (it needs a delta, iceberg or hudi
    file_format); the CRM's insert_overwrite of a partition would drop every unchanged row
    of each activity a run touches. -#}
{% macro spark___stream_upsert_strategy() %}{{ return('merge') }}{% endmacro %}

{#- Why an incremental stream cannot be written with this strategy on this warehouse, or
    none. -#}
{% macro _stream_upsert_problem(strategy) %}
  {{ return(adapter.dispatch('_stream_upsert_problem', 'activity_schema')(strategy)) }}
{% endmacro %}

{% macro default___stream_upsert_problem(strategy) %}
  {%- if strategy == 'insert_overwrite' -%}
    {{ return("'insert_overwrite' would replace whole partitions of the stream with only the rows a run changed") }}
  {%- elif strategy in ['append', 'microbatch'] -%}
    {{ return("'" ~ strategy ~ "' would add re-delivered and renumbered rows again instead of replacing them") }}
  {%- endif -%}
  {{ return(none) }}
{% endmacro %}

{#- Spark: dbt-spark's default strategy appends, and merge needs a table format that can
    rewrite rows. -#}
{% macro spark___stream_upsert_problem(strategy) %}
  {%- set file_format = config.get('file_format') or 'parquet' -%}
  {%- if strategy != 'merge' -%}
    {{ return(activity_schema.default___stream_upsert_problem(strategy) or ("'" ~ strategy ~ "' does not replace rows by unique_key on Spark; use 'merge'")) }}
  {%- elif file_format not in ['delta', 'iceberg', 'hudi'] -%}
    {{ return("Spark merges rows only in a delta, iceberg or hudi table, and file_format is '" ~ file_format ~ "': set file_format in the model's config (or materialize the stream as a table); a " ~ file_format ~ " table can only be overwritten a partition at a time, which would drop the unchanged rows of every activity a run touches") }}
  {%- endif -%}
  {{ return(none) }}
{% endmacro %}
