{#- The smallest non-null value (feature values cast to a float); null when none. -#}
{% macro _aggregation_min() %}
  {{ return({'kind': 'frame', 'function': 'min', 'measure': 'number', 'zero_fill': false}) }}
{% endmacro %}
