{#- Deterministic id from several expressions. Each part is 'v' plus its text with pipes
    doubled, or '' for null, joined by '|': ('a|', 'b') and ('a', '|b'), or null and '',
    never give the same key. -#}
{% macro surrogate_key(expressions) %}
  {{ return(adapter.dispatch('surrogate_key', 'activity_schema')(expressions)) }}
{% endmacro %}

{% macro default__surrogate_key(expressions) -%}
  {%- set parts = [] -%}
  {%- for expression in expressions -%}
    {%- do parts.append("coalesce('v' || replace(cast(" ~ expression ~ " as " ~ dbt.type_string() ~ "), '|', '||'), '')") -%}
  {%- endfor -%}
  {{ activity_schema.hash(parts | join(" || '|' || ")) }}
{%- endmacro %}
