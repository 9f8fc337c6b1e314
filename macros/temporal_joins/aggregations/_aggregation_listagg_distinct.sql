{#- Each distinct non-null value once, at its first occurrence in (ts, activity_id) order,
    joined by `delimiter`; null when none. The first occurrences of a later stretch of rows
    are not those of the whole history, so *_after and time windows cannot have it. -#}
{% macro _aggregation_listagg_distinct() %}
  {{ return({'kind': 'concat_distinct', 'measure': 'text', 'not_with': ['after', 'window']}) }}
{% endmacro %}
