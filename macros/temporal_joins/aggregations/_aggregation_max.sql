{#- The largest non-null value (feature values cast to a float); null when none. -#}
{% macro _aggregation_max() %}
  {{ return({'kind': 'frame', 'function': 'max', 'measure': 'number', 'zero_fill': false}) }}
{% endmacro %}
