{#- The number of true values (a feature's JSON true); null when no value is set, or 0 with zero_fill. -#}
{% macro _aggregation_sum_bool() %}
  {{ return({'kind': 'frame', 'function': 'sum', 'measure': 'bool', 'zero_fill': true}) }}
{% endmacro %}
