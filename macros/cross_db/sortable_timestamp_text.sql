{#- A timestamp as fixed-width text, 'YYYY-MM-DD HH:MM:SS.ffffff' (26 characters), that
    sorts like the timestamp: a text key made of it and an id sorts like (ts, id). -#}
{% macro sortable_timestamp_text(ts) %}
  {{ return(adapter.dispatch('sortable_timestamp_text', 'activity_schema')(ts)) }}
{% endmacro %}

{% macro default__sortable_timestamp_text(ts) -%}
  strftime({{ ts }}, '%Y-%m-%d %H:%M:%S.%f')
{%- endmacro %}

{% macro postgres__sortable_timestamp_text(ts) -%}
  to_char({{ ts }}, 'YYYY-MM-DD HH24:MI:SS.US')
{%- endmacro %}

{% macro snowflake__sortable_timestamp_text(ts) -%}
  to_char({{ ts }}, 'YYYY-MM-DD HH24:MI:SS.FF6')
{%- endmacro %}

{% macro bigquery__sortable_timestamp_text(ts) -%}
  format_datetime('%Y-%m-%d %H:%M:%E6S', {{ ts }})
{%- endmacro %}

{% macro spark__sortable_timestamp_text(ts) -%}
  date_format({{ ts }}, 'yyyy-MM-dd HH:mm:ss.SSSSSS')
{%- endmacro %}
