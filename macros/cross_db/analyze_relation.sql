{#- A post-hook that gives the planner statistics for a freshly built table. Postgres does
    not gather them on create (autovacuum comes later), and without them it guesses a few
    rows for every filter and nests loops over the whole stream; the other warehouses keep
    statistics themselves. Views have none to gather. -#}
{% macro analyze_relation(relation) %}
  {{ return(adapter.dispatch('analyze_relation', 'activity_schema')(relation)) }}
{% endmacro %}

{% macro default__analyze_relation(relation) %}{% endmacro %}

{% macro postgres__analyze_relation(relation) -%}
  {%- if config.get('materialized') in ['table', 'incremental', 'seed', 'connected_components'] -%}
    analyze {{ relation }}
  {%- endif -%}
{%- endmacro %}
