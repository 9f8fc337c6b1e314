{#- Append many target activities to the cohort rows in one pass over the stream.
    join_configs: [{name, target_activity, join_type, columns?, aggregation?}, ...]. -#}
{% macro multi_temporal_analysis(stream=none, primary_cohort_activity=none, join_configs=none, cohort_filter='all') %}
  {%- set configs = activity_schema._require_argument('multi_temporal_analysis', 'join_configs', join_configs) -%}
  {%- if configs is string or configs is mapping or configs | length == 0 -%}
    {{ exceptions.raise_compiler_error("multi_temporal_analysis: join_configs must be a non-empty list of {name, target_activity, join_type, columns?, aggregation?}") }}
  {%- endif -%}
  {%- set specs = [] -%}
  {%- set names = [] -%}
  {%- for config in configs -%}
    {%- set spec = activity_schema._join_spec('multi_temporal_analysis', config) -%}
    {%- if spec.name in names -%}
      {{ exceptions.raise_compiler_error("multi_temporal_analysis: two join_configs are named " ~ (spec.name | tojson) ~ "; names prefix the output columns and must be unique") }}
    {%- endif -%}
    {%- do names.append(spec.name) -%}
    {%- do specs.append(spec) -%}
  {%- endfor -%}
  {{ return(adapter.dispatch('multi_temporal_analysis', 'activity_schema')(
      activity_schema._resolve_stream('multi_temporal_analysis', stream),
      activity_schema._require_argument('multi_temporal_analysis', 'primary_cohort_activity', primary_cohort_activity),
      specs, activity_schema._cohort_filter('multi_temporal_analysis', cohort_filter))) }}
{% endmacro %}

{% macro default__multi_temporal_analysis(stream, cohort_activity, specs, cohort_filter) %}
  {{ return(activity_schema._temporal_join_sql(stream, cohort_activity, specs, cohort_filter)) }}
{% endmacro %}
