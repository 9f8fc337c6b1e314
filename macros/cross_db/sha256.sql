{#- Lowercase hex SHA-256 of a text expression's UTF-8 bytes: the provenance query hash,
    the erasure suppression list and the `hash` masking method. -#}
{% macro sha256(expression) %}
  {{ return(adapter.dispatch('sha256', 'activity_schema')(expression)) }}
{% endmacro %}

{% macro default__sha256(expression) -%}
  sha256(cast({{ expression }} as {{ dbt.type_string() }}))
{%- endmacro %}

{#- Postgres hashes bytes: the text is encoded first. -#}
{% macro postgres__sha256(expression) -%}
  encode(sha256(convert_to(cast({{ expression }} as {{ dbt.type_string() }}), 'UTF8')), 'hex')
{%- endmacro %}

{% macro snowflake__sha256(expression) -%}
  sha2(cast({{ expression }} as {{ dbt.type_string() }}), 256)
{%- endmacro %}

{#- BigQuery's sha256 returns bytes. -#}
{% macro bigquery__sha256(expression) -%}
  to_hex(sha256(cast({{ expression }} as {{ dbt.type_string() }})))
{%- endmacro %}

{% macro spark__sha256(expression) -%}
  sha2(cast({{ expression }} as {{ dbt.type_string() }}), 256)
{%- endmacro %}
