{#- True when any target matches, false (never null) otherwise. -#}
{% macro _aggregation_exists() %}
  {{ return({'kind': 'exists', 'column': false}) }}
{% endmacro %}
