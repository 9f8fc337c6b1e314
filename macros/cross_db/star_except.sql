{#- Every column of `relation_alias` except `excluded`, for a relation whose columns are
    not known when the SQL is written. `query` is the SQL that defines the relation,
    introspected where the warehouse has no `* exclude`; without one, none there, so that a
    caller can choose SQL that needs no exclusion instead. -#}
{% macro star_except(relation_alias, excluded, query) %}
  {{ return(adapter.dispatch('star_except', 'activity_schema')(relation_alias, excluded, query)) }}
{% endmacro %}

{% macro default__star_except(relation_alias, excluded, query) -%}
  {%- if query is none -%}{{ return(none) }}{%- endif -%}
  {%- if not execute -%}{{ return(relation_alias ~ '.*') }}{%- endif -%}
  {%- set lowered = excluded | map('lower') | list -%}
  {%- set kept = [] -%}
  {%- for column in get_columns_in_query(query) if column | lower not in lowered -%}
    {%- do kept.append(relation_alias ~ '.' ~ adapter.quote(column)) -%}
  {%- endfor -%}
  {{ kept | join(', ') }}
{%- endmacro %}

{% macro duckdb__star_except(relation_alias, excluded, query) -%}
  {{ relation_alias }}.* exclude ({{ excluded | join(', ') }})
{%- endmacro %}

{% macro snowflake__star_except(relation_alias, excluded, query) -%}
  {{ relation_alias }}.* exclude ({{ excluded | join(', ') }})
{%- endmacro %}

{% macro bigquery__star_except(relation_alias, excluded, query) -%}
  {{ relation_alias }}.* except ({{ excluded | join(', ') }})
{%- endmacro %}
