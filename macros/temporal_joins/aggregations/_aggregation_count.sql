{#- The number of matching targets; 0 when none. -#}
{% macro _aggregation_count() %}
  {{ return({'kind': 'count', 'column': false}) }}
{% endmacro %}
