{#- A timestamp moved by n whole periods (day, week, month, quarter or year); n may be a
    column. Stays a timestamp without time zone. -#}
{% macro add_periods(ts, n, interval) %}
  {{ return(adapter.dispatch('add_periods', 'activity_schema')(ts, n, interval)) }}
{% endmacro %}

{#- Weeks are 7 days and quarters 3 months: not every warehouse adds a week or a quarter
    (Postgres has no '1 quarter' interval). -#}
{% macro default__add_periods(ts, n, interval) -%}
  {%- if interval == 'week' -%}
  {{ dbt.dateadd('day', '(' ~ n ~ ') * 7', ts) }}
  {%- elif interval == 'quarter' -%}
  {{ dbt.dateadd('month', '(' ~ n ~ ') * 3', ts) }}
  {%- else -%}
  {{ dbt.dateadd(interval, n, ts) }}
  {%- endif -%}
{%- endmacro %}

{#- dbt's Spark dateadd goes through zoned timestamps; timestampadd keeps TIMESTAMP_NTZ. -#}
{% macro spark__add_periods(ts, n, interval) -%}
  timestampadd({{ interval | upper }}, {{ n }}, {{ ts }})
{%- endmacro %}
