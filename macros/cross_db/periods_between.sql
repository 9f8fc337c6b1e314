{#- The number of whole periods from one period start to another (both as given by
    period_start), negative when the second is earlier. -#}
{% macro periods_between(start, end, interval) %}
  {{ return(adapter.dispatch('periods_between', 'activity_schema')(start, end, interval)) }}
{% endmacro %}

{#- Weeks are counted in days (warehouses disagree on which day a week boundary falls) and
    quarters in months (not every warehouse counts quarters). -#}
{% macro default__periods_between(start, end, interval) -%}
  {%- if interval == 'week' -%}
  cast({{ dbt.datediff(start, end, 'day') }} / 7 as {{ dbt.type_int() }})
  {%- elif interval == 'quarter' -%}
  cast({{ dbt.datediff(start, end, 'month') }} / 3 as {{ dbt.type_int() }})
  {%- else -%}
  {{ dbt.datediff(start, end, interval) }}
  {%- endif -%}
{%- endmacro %}

{% macro spark__periods_between(start, end, interval) -%}
  timestampdiff({{ interval | upper }}, {{ start }}, {{ end }})
{%- endmacro %}
