{#- Microseconds since 1970-01-01 00:00:00 of a timestamp without time zone, as an integer:
    a numeric order key that window frames can offset by a duration. -#}
{% macro epoch_microseconds(ts) %}
  {{ return(adapter.dispatch('epoch_microseconds', 'activity_schema')(ts)) }}
{% endmacro %}

{#- extract(epoch ...) is an exact numeric on Postgres. -#}
{% macro default__epoch_microseconds(ts) -%}
  cast(extract(epoch from {{ ts }}) * 1000000 as bigint)
{%- endmacro %}

{#- DuckDB's extract(epoch ...) is a double, which loses microseconds. -#}
{% macro duckdb__epoch_microseconds(ts) -%}
  epoch_us({{ ts }})
{%- endmacro %}

{% macro snowflake__epoch_microseconds(ts) -%}
  date_part(epoch_microsecond, {{ ts }})
{%- endmacro %}

{#- BigQuery's ts is a DATETIME; timestamp() reads it as UTC. -#}
{% macro bigquery__epoch_microseconds(ts) -%}
  unix_micros(timestamp({{ ts }}))
{%- endmacro %}

{#- Spark's unix_micros takes a zoned TIMESTAMP; a difference of TIMESTAMP_NTZ values needs no zone. -#}
{% macro spark__epoch_microseconds(ts) -%}
  timestampdiff(MICROSECOND, timestamp_ntz'1970-01-01 00:00:00', {{ ts }})
{%- endmacro %}
