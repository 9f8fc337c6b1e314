{#- Append one target activity to every selected cohort row of a stream.
    See README "Temporal joins" for the semantics of each join type and argument. -#}
{% macro temporal_join(stream=none, cohort_activity=none, target_activity=none, join_type=none,
                       cohort_filter='all', columns=none, aggregation=none, name=none, where=none, match=none,
                       within=none, at_least=none, nth=none, nth_from_last=none, delimiter=none, zero_fill=none,
                       cohort_where=none, cohort_columns=none) %}
  {%- set config = {'name': name, 'target_activity': target_activity, 'join_type': join_type, 'columns': columns,
                    'aggregation': aggregation, 'where': where, 'match': match, 'within': within, 'at_least': at_least,
                    'nth': nth, 'delimiter': delimiter} -%}
  {%- if nth_from_last is not none -%}{%- do config.update({'nth_from_last': nth_from_last}) -%}{%- endif -%}
  {%- if zero_fill is not none -%}{%- do config.update({'zero_fill': zero_fill}) -%}{%- endif -%}
  {%- set spec = activity_schema._join_spec('temporal_join', config) -%}
  {%- set cohort = activity_schema._cohort_spec('temporal_join', 'cohort_activity', cohort_activity, cohort_where, cohort_filter, cohort_columns) -%}
  {%- do activity_schema._require_distinct_outputs('temporal_join', cohort, [spec]) -%}
  {{ return(adapter.dispatch('temporal_join', 'activity_schema')(
      activity_schema._resolve_stream('temporal_join', stream), cohort, spec)) }}
{% endmacro %}

{% macro default__temporal_join(stream, cohort, spec) %}
  {{ return(activity_schema._temporal_join_query('temporal_join', stream, cohort, [spec])) }}
{% endmacro %}
