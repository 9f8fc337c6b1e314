{#- The sum of the non-null values (feature values cast to a float); null when none, or 0 with zero_fill. -#}
{% macro _aggregation_sum() %}
  {{ return({'kind': 'frame', 'function': 'sum', 'measure': 'number', 'zero_fill': true}) }}
{% endmacro %}
