{#- The package's settings live under one var: vars: {activity_schema: {...}}. -#}
{% macro _config(key, default=none) %}
  {%- set settings = var('activity_schema', {}) or {} -%}
  {%- if settings is not mapping -%}
    {{ exceptions.raise_compiler_error("var 'activity_schema' must be a mapping of settings (identity_sources, stream, identity_window_buffer_minutes, ...), got: " ~ settings) }}
  {%- endif -%}
  {{ return(settings.get(key, default)) }}
{% endmacro %}
