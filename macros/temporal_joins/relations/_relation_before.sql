{#- Targets strictly before the cohort row: the rows preceding a probe that sorts ahead of
    the targets of equal ts. -#}
{% macro _relation_before() %}
  {{ return({'plan': 'lane', 'probe': 0, 'frame': 'before', 'windows': true}) }}
{% endmacro %}
