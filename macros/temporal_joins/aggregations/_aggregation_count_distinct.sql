{#- The number of distinct non-null values; 0 when none. Counted in one pass from the first
    (before) or last (after) occurrence of each value, which a time window would cut. -#}
{% macro _aggregation_count_distinct() %}
  {{ return({'kind': 'distinct', 'not_with': ['window']}) }}
{% endmacro %}
