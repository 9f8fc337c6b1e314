{#- The columns' values on the first matching target in (ts, activity_id) order, even when
    null, so that all of them come from the same row. -#}
{% macro _aggregation_first_value() %}
  {{ return({'kind': 'pick', 'pick': 'first'}) }}
{% endmacro %}
