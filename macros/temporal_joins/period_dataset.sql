{#- One row per person per period (day, week, month, quarter, year), from the period of the
    person's first `entity_activity` to `end`, with joins relative to each period: a period
    is half-open [period_start, period_end); *_in_between is within it, *_before before its
    start, *_after from its end on, *_ever every target of the person. -#}
{% macro period_dataset(stream=none, entity_activity=none, interval=none, end='max', join_configs=none) %}
  {%- set macro_name = 'period_dataset' -%}
  {%- set interval = activity_schema._require_argument(macro_name, 'interval', interval) -%}
  {%- do activity_schema._require_choice(macro_name, 'interval', interval, ['day', 'week', 'month', 'quarter', 'year']) -%}
  {%- do activity_schema._require_choice(macro_name, 'end', end, ['max', 'entity_max', 'current']) -%}
  {%- set configs = join_configs or [] -%}
  {%- if configs is string or configs is mapping -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": join_configs must be a list of {name, target_activity, join_type, ...}") }}
  {%- endif -%}
  {%- set specs = [] -%}
  {%- for config in configs -%}
    {%- if config is mapping and config.get('name') is none -%}
      {{ exceptions.raise_compiler_error(macro_name ~ ": missing argument name (join config " ~ loop.index ~ "); names prefix the output columns") }}
    {%- endif -%}
    {%- set spec = activity_schema._join_spec(macro_name, config) -%}
    {%- for key in ['match', 'within', 'at_least'] if config.get(key) is not none -%}
      {{ exceptions.raise_compiler_error(macro_name ~ ": join " ~ (spec.name | tojson) ~ ": " ~ key ~ " does nothing in a period_dataset, whose rows are periods, not activities; the period itself is the window") }}
    {%- endfor -%}
    {%- do specs.append(spec) -%}
  {%- endfor -%}
  {%- set cohort = {'activities': activity_schema._activity_list(macro_name, 'entity_activity', entity_activity), 'where': [],
                    'filter': 'all', 'columns': [], 'periods': {'interval': interval, 'end': end}} -%}
  {%- do activity_schema._require_distinct_outputs(macro_name, cohort, specs) -%}
  {{ return(adapter.dispatch('period_dataset', 'activity_schema')(activity_schema._resolve_stream(macro_name, stream), cohort, specs)) }}
{% endmacro %}

{% macro default__period_dataset(stream, cohort, specs) %}
  {{ return(activity_schema._temporal_join_query('period_dataset', stream, cohort, specs)) }}
{% endmacro %}
