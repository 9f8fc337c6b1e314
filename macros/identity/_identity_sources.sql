{#- The configured identity sources: names of models or seeds whose rows carry
    anonymous_customer_id, customer and ts. -#}
{% macro _identity_sources() %}
  {%- set sources = activity_schema._config('identity_sources', []) or [] -%}
  {%- if sources is string -%}{%- set sources = [sources] -%}{%- endif -%}
  {{ return(sources) }}
{% endmacro %}

{% macro _identity_enabled() %}
  {{ return(activity_schema._identity_sources() | length > 0) }}
{% endmacro %}

{% macro _identity_buffer_minutes() %}
  {%- set minutes = activity_schema._config('identity_window_buffer_minutes', 0) -%}
  {%- if minutes is not number or minutes < 0 -%}
    {{ exceptions.raise_compiler_error("var activity_schema.identity_window_buffer_minutes must be a number of minutes >= 0, got " ~ (minutes | tojson)) }}
  {%- endif -%}
  {{ return(minutes) }}
{% endmacro %}
