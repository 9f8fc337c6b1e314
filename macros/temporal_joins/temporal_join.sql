{#- Append one target activity to every selected cohort row of a stream.
    See README "Temporal joins" for the semantics of each join type. -#}
{% macro temporal_join(stream=none, cohort_activity=none, target_activity=none, join_type=none,
                       cohort_filter='all', columns=none, aggregation='count') %}
  {%- set spec = activity_schema._join_spec('temporal_join', {
        'name': (join_type ~ '_' ~ target_activity) if join_type and target_activity else none,
        'target_activity': target_activity, 'join_type': join_type,
        'columns': columns, 'aggregation': aggregation}) -%}
  {{ return(adapter.dispatch('temporal_join', 'activity_schema')(
      activity_schema._resolve_stream('temporal_join', stream),
      activity_schema._require_argument('temporal_join', 'cohort_activity', cohort_activity),
      spec, activity_schema._cohort_filter('temporal_join', cohort_filter))) }}
{% endmacro %}

{% macro default__temporal_join(stream, cohort_activity, spec, cohort_filter) %}
  {{ return(activity_schema._temporal_join_sql(stream, cohort_activity, [spec], cohort_filter)) }}
{% endmacro %}
