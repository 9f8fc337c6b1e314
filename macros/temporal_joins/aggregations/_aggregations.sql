{#- The aggregations of aggregate_* joins. Each is one file here, `_aggregation_<name>`,
    returning how it is computed:
    - kind: count | exists (from the number of matches), frame (an SQL aggregate that works
      in a GROUP BY and over a window frame: `function`), distinct (count of distinct
      values), pick (the value on the first or last matching row: `pick`), concat and
      concat_distinct (ordered text);
    - column: whether it takes columns;
    - measure: how a column's value is read: value (as stored; feature keys as text),
      number (feature text cast to a float), bool (1 for true, 0 for false), text;
    - zero_fill: whether zero_fill=true applies;
    - not_with: the relations it cannot be computed for in one pass ('after' = *_after,
      'window' = *_before / *_after with within or at_least), which are compile errors.
    Adding an aggregation is adding a file and its line below. -#}
{% macro _aggregations() %}
  {{ return({
      'count': activity_schema._aggregation_count,
      'count_distinct': activity_schema._aggregation_count_distinct,
      'sum': activity_schema._aggregation_sum,
      'avg': activity_schema._aggregation_avg,
      'min': activity_schema._aggregation_min,
      'max': activity_schema._aggregation_max,
      'stddev': activity_schema._aggregation_stddev,
      'sum_bool': activity_schema._aggregation_sum_bool,
      'exists': activity_schema._aggregation_exists,
      'first_value': activity_schema._aggregation_first_value,
      'last_value': activity_schema._aggregation_last_value,
      'listagg': activity_schema._aggregation_listagg,
      'listagg_distinct': activity_schema._aggregation_listagg_distinct}) }}
{% endmacro %}

{% macro _aggregation_names() %}
  {{ return(activity_schema._aggregations().keys() | list) }}
{% endmacro %}

{% macro _aggregation(name) %}
  {%- set defaults = {'column': true, 'measure': 'value', 'zero_fill': false, 'not_with': []} -%}
  {%- do defaults.update(activity_schema._aggregations()[name]()) -%}
  {%- do defaults.update({'name': name}) -%}
  {{ return(defaults) }}
{% endmacro %}
