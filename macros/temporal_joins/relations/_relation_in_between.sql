{#- Targets after the cohort row and up to (including) the ts of the next cohort row of the
    person: the segment between two probes that sort behind the targets of equal ts. -#}
{% macro _relation_in_between() %}
  {{ return({'plan': 'segment', 'probe': 2, 'windows': true}) }}
{% endmacro %}
