{#- The configured identity sources: names of models or seeds whose rows carry
    anonymous_customer_id, customer and ts; "name" in the root project, "package.name" in
    another package. -#}
{% macro _identity_sources() %}
  {%- set sources = activity_schema._config('identity_sources', []) or [] -%}
  {%- if sources is string -%}{%- set sources = [sources] -%}{%- endif -%}
  {{ return(sources) }}
{% endmacro %}

{#- The relation of one identity source. The package is always named: a package model that
    refs a root-project node by name alone makes dbt warn (require_ref_prefers_node_package_to_root). -#}
{% macro _identity_source_ref(source_name) %}
  {%- set parts = source_name.split('.') if source_name is string else [] -%}
  {%- if parts | length == 1 -%}
    {{ return(ref(project_name, source_name)) }}
  {%- elif parts | length == 2 -%}
    {{ return(ref(parts[0], parts[1])) }}
  {%- endif -%}
  {{ exceptions.raise_compiler_error("var activity_schema.identity_sources: " ~ (source_name | tojson) ~ " is not a relation name; use 'name' (a model or seed of your project) or 'package.name'") }}
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
