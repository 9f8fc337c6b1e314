{#- Targets strictly after the cohort row: the rows following a probe that sorts behind the
    targets of equal ts. -#}
{% macro _relation_after() %}
  {{ return({'plan': 'lane', 'probe': 2, 'frame': 'after', 'windows': true}) }}
{% endmacro %}
