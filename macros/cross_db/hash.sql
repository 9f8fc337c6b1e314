{#- Hex MD5 of an expression's text: deterministic ids. -#}
{% macro hash(expression) %}
  {{ return(adapter.dispatch('hash', 'activity_schema')(expression)) }}
{% endmacro %}

{% macro default__hash(expression) -%}
  md5(cast({{ expression }} as {{ dbt.type_string() }}))
{%- endmacro %}

{#- BigQuery's md5 returns bytes. -#}
{% macro bigquery__hash(expression) -%}
  to_hex(md5(cast({{ expression }} as {{ dbt.type_string() }})))
{%- endmacro %}
