{#- An expression as the stream's ts: a timestamp without time zone holding UTC time.
    `data_type` is the expression's type as the warehouse names it (type_family reads it),
    or none when it cannot be known. An instant (a zoned timestamp) is converted to UTC
    explicitly, so the result never depends on the session's or the dbt process's time
    zone; anything else (a timestamp without time zone, a date, text) is cast, its wall
    clock taken to be UTC. -#}
{% macro utc_timestamp(expression, data_type=none) %}
  {%- if data_type is not none and activity_schema.type_family(data_type) == 'zoned_timestamp' -%}
    {{ return(adapter.dispatch('utc_timestamp', 'activity_schema')(expression)) }}
  {%- endif -%}
  {{ return('cast(' ~ expression ~ ' as ' ~ activity_schema.type_timestamp() ~ ')') }}
{% endmacro %}

{#- DuckDB and Postgres: AT TIME ZONE turns an instant into the wall clock of that zone. -#}
{% macro default__utc_timestamp(expression) -%}
  ({{ expression }} at time zone 'UTC')
{%- endmacro %}

{#- Snowflake: convert_timezone gives the instant in UTC; the cast keeps its wall clock. -#}
{% macro snowflake__utc_timestamp(expression) -%}
  cast(convert_timezone('UTC', {{ expression }}) as timestamp_ntz)
{%- endmacro %}

{% macro bigquery__utc_timestamp(expression) -%}
  datetime({{ expression }}, 'UTC')
{%- endmacro %}

{#- Spark: the instant's wall clock in the session time zone, converted from it to UTC. -#}
{% macro spark__utc_timestamp(expression) -%}
  convert_timezone(current_timezone(), 'UTC', cast({{ expression }} as timestamp_ntz))
{%- endmacro %}
