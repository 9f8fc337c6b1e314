{#- True when var activity_schema.context_cache is true; it needs metric_queries, whose
    insight atoms the context is built from. -#}
{% macro _context_cache_enabled() %}
  {%- set enabled = activity_schema._config('context_cache', false) -%}
  {%- if enabled and not activity_schema._insights_enabled() -%}
    {{ exceptions.raise_compiler_error("var activity_schema.context_cache: true needs metric_queries: the context is built from their insight atoms") }}
  {%- endif -%}
  {{ return(enabled is sameas true) }}
{% endmacro %}
