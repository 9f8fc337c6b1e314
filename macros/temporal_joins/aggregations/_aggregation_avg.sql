{#- The mean of the non-null values (feature values cast to a float); null when none. -#}
{% macro _aggregation_avg() %}
  {{ return({'kind': 'frame', 'function': 'avg', 'measure': 'number', 'zero_fill': false}) }}
{% endmacro %}
