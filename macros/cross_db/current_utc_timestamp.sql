{#- The current time in UTC, as a timestamp without time zone (the type of ts). -#}
{% macro current_utc_timestamp() %}
  {{ return(adapter.dispatch('current_utc_timestamp', 'activity_schema')()) }}
{% endmacro %}

{% macro default__current_utc_timestamp() -%}
  cast(current_timestamp at time zone 'UTC' as {{ activity_schema.type_timestamp() }})
{%- endmacro %}

{#- Snowflake's sysdate() is the current UTC time without a time zone. -#}
{% macro snowflake__current_utc_timestamp() -%}
  sysdate()
{%- endmacro %}

{% macro bigquery__current_utc_timestamp() -%}
  current_datetime('UTC')
{%- endmacro %}

{#- Spark's localtimestamp() is the session time zone's wall clock, without a zone. -#}
{% macro spark__current_utc_timestamp() -%}
  convert_timezone(current_timezone(), 'UTC', localtimestamp())
{%- endmacro %}
