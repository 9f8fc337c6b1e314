{#- var activity_schema.retention_days: activities older than this many days are deleted
    by apply_retention and not taken in by build_activity again. None: kept forever. -#}
{% macro _retention_days() %}
  {%- set days = activity_schema._config('retention_days', none) -%}
  {%- if days is not none and (days is boolean or days is not number or days <= 0) -%}
    {{ exceptions.raise_compiler_error("var activity_schema.retention_days must be a number of days > 0, got " ~ (days | tojson)) }}
  {%- endif -%}
  {{ return(days) }}
{% endmacro %}

{#- The oldest ts kept: now minus the retention, as SQL. -#}
{% macro _retention_cutoff(days) -%}
  {{ dbt.dateadd('day', -days, activity_schema.current_utc_timestamp()) }}
{%- endmacro %}
