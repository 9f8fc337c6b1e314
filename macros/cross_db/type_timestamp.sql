{#- Timestamp without time zone, the stream's `ts` type. -#}
{% macro type_timestamp() %}
  {{ return(adapter.dispatch('type_timestamp', 'activity_schema')()) }}
{% endmacro %}

{% macro default__type_timestamp() %}timestamp{% endmacro %}

{% macro snowflake__type_timestamp() %}timestamp_ntz{% endmacro %}

{#- BigQuery's TIMESTAMP is zoned; DATETIME is the one without a time zone. -#}
{% macro bigquery__type_timestamp() %}datetime{% endmacro %}

{#- Spark's TIMESTAMP is local-time-zone; TIMESTAMP_NTZ (Spark 3.4+) has none. -#}
{% macro spark__type_timestamp() %}timestamp_ntz{% endmacro %}
