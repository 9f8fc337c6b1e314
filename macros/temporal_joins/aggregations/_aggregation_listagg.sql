{#- The non-null values as text in (ts, activity_id) order, joined by `delimiter`; null when
    none. -#}
{% macro _aggregation_listagg() %}
  {{ return({'kind': 'concat', 'measure': 'text'}) }}
{% endmacro %}
