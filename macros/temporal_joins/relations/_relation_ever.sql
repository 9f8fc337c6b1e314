{#- Every target of the person, whenever it happened. -#}
{% macro _relation_ever() %}
  {{ return({'plan': 'group', 'windows': false}) }}
{% endmacro %}
