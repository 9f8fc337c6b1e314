{#- The columns' values on the last matching target in (ts, activity_id) order, even when
    null, so that all of them come from the same row. -#}
{% macro _aggregation_last_value() %}
  {{ return({'kind': 'pick', 'pick': 'last'}) }}
{% endmacro %}
