{#- The start of the period (day, week, month, quarter or year) holding a timestamp, as a
    timestamp without time zone. Weeks start on Monday on every warehouse. -#}
{% macro period_start(ts, interval) %}
  {{ return(adapter.dispatch('period_start', 'activity_schema')(ts, interval)) }}
{% endmacro %}

{#- DuckDB, Postgres and Spark truncate weeks to Monday. -#}
{% macro default__period_start(ts, interval) -%}
  cast(date_trunc('{{ interval }}', {{ ts }}) as {{ activity_schema.type_timestamp() }})
{%- endmacro %}

{#- Snowflake's week follows the WEEK_START session parameter: count back to Monday instead. -#}
{% macro snowflake__period_start(ts, interval) -%}
  {%- if interval == 'week' -%}
  dateadd(day, 1 - dayofweekiso({{ ts }}), date_trunc('day', {{ ts }}))
  {%- else -%}
  date_trunc('{{ interval }}', {{ ts }})
  {%- endif -%}
{%- endmacro %}

{#- BigQuery's WEEK starts on Sunday; ISOWEEK on Monday. -#}
{% macro bigquery__period_start(ts, interval) -%}
  datetime_trunc({{ ts }}, {{ 'isoweek' if interval == 'week' else interval }})
{%- endmacro %}
