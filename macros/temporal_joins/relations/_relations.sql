{#- How a target relates in time to the cohort row. Each relation is one file here,
    `_relation_<name>`, returning the plan that computes it:
    - group: one GROUP BY over the person's targets, joined to the cohort rows;
    - lane: one window pass over the person's cohort and target rows in (ts, activity_id)
      order, read at a probe row placed just before (probe 0) or just after (probe 2) the
      cohort row's targets of equal ts; `frame` names the targets it reads;
    - segment: the same pass cuts the targets into in-between segments, one GROUP BY.
    windows: whether within / at_least apply. -#}
{% macro _relations() %}
  {{ return({
      'ever': activity_schema._relation_ever,
      'before': activity_schema._relation_before,
      'after': activity_schema._relation_after,
      'in_between': activity_schema._relation_in_between}) }}
{% endmacro %}

{% macro _relation_names() %}
  {{ return(activity_schema._relations().keys() | list) }}
{% endmacro %}

{% macro _relation(name) %}
  {%- set relation = activity_schema._relations()[name]() -%}
  {%- do relation.update({'name': name}) -%}
  {{ return(relation) }}
{% endmacro %}

{#- Every join type: a pick (first, last, nth) or aggregate, and a relation. -#}
{% macro _join_types() %}
  {%- set types = [] -%}
  {%- for relation in activity_schema._relation_names() -%}
    {%- for pick in ['first', 'last', 'nth', 'aggregate'] -%}
      {%- do types.append(pick ~ '_' ~ ('all_ever' if pick == 'aggregate' and relation == 'ever' else relation)) -%}
    {%- endfor -%}
  {%- endfor -%}
  {{ return(types) }}
{% endmacro %}
