{#- Append many target activities to the cohort rows in one pass over the stream.
    join_configs: [{name, target_activity, join_type, ...}, ...] (README "Temporal joins"). -#}
{% macro multi_temporal_analysis(stream=none, primary_cohort_activity=none, join_configs=none, cohort_filter='all',
                                 cohort_where=none, cohort_columns=none) %}
  {%- set configs = activity_schema._require_argument('multi_temporal_analysis', 'join_configs', join_configs) -%}
  {%- if configs is string or configs is mapping or configs | length == 0 -%}
    {{ exceptions.raise_compiler_error("multi_temporal_analysis: join_configs must be a non-empty list of {name, target_activity, join_type, ...}") }}
  {%- endif -%}
  {%- set specs = [] -%}
  {%- set names = [] -%}
  {%- for config in configs -%}
    {%- if config is mapping and config.get('name') is none -%}
      {{ exceptions.raise_compiler_error("multi_temporal_analysis: missing argument name (join config " ~ loop.index ~ "); names prefix the output columns") }}
    {%- endif -%}
    {%- set spec = activity_schema._join_spec('multi_temporal_analysis', config) -%}
    {%- if spec.name | lower in names -%}
      {{ exceptions.raise_compiler_error("multi_temporal_analysis: two join_configs are named " ~ (spec.name | tojson) ~ "; names prefix the output columns and must be unique") }}
    {%- endif -%}
    {%- do names.append(spec.name | lower) -%}
    {%- do specs.append(spec) -%}
  {%- endfor -%}
  {%- set cohort = activity_schema._cohort_spec('multi_temporal_analysis', 'primary_cohort_activity', primary_cohort_activity, cohort_where, cohort_filter, cohort_columns) -%}
  {%- do activity_schema._require_distinct_outputs('multi_temporal_analysis', cohort, specs) -%}
  {{ return(adapter.dispatch('multi_temporal_analysis', 'activity_schema')(
      activity_schema._resolve_stream('multi_temporal_analysis', stream), cohort, specs)) }}
{% endmacro %}

{% macro default__multi_temporal_analysis(stream, cohort, specs) %}
  {{ return(activity_schema._temporal_join_query('multi_temporal_analysis', stream, cohort, specs)) }}
{% endmacro %}
