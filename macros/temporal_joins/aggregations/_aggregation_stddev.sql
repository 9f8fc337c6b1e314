{#- The sample standard deviation of the non-null values (feature values cast to a float); null for fewer than two. -#}
{% macro _aggregation_stddev() %}
  {{ return({'kind': 'frame', 'function': 'stddev_samp', 'measure': 'number', 'zero_fill': false}) }}
{% endmacro %}
