{#- The table options of a stream on this warehouse, for a model's config:
    {{ config(**activity_schema.stream_table_config()) }} above build_activity.
    incremental=true adds what an incremental stream needs: materialized='incremental',
    unique_key='activity_id' and the warehouse's upsert strategy (merged on activity_id). -#}
{% macro stream_table_config(incremental=false) %}
  {%- set options = {} -%}
  {%- do options.update(adapter.dispatch('stream_table_config', 'activity_schema')()) -%}
  {%- if incremental -%}
    {%- do options.update({'materialized': 'incremental', 'unique_key': 'activity_id', 'incremental_strategy': activity_schema.upsert_incremental_strategy()}) -%}
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
