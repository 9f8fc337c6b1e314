{#- Compile-time validation of the temporal join arguments. -#}

{% macro _join_types() %}
  {{ return(['first_ever', 'last_ever', 'aggregate_all_ever',
             'first_before', 'last_before', 'aggregate_before',
             'first_after', 'last_after', 'aggregate_after',
             'first_in_between', 'last_in_between', 'aggregate_in_between']) }}
{% endmacro %}

{% macro _aggregations() %}
  {{ return(['count', 'count_distinct', 'sum', 'avg', 'min', 'max']) }}
{% endmacro %}

{% macro _require_argument(macro_name, argument, value) %}
  {%- if value is none or (value is string and value | trim == '') -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": missing argument " ~ argument) }}
  {%- endif -%}
  {{ return(value) }}
{% endmacro %}

{% macro _resolve_stream(macro_name, stream) %}
  {%- set stream = stream if stream is not none else activity_schema._config('stream') -%}
  {%- if stream is none -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": missing argument stream; pass stream=ref('your_stream') or set vars: {activity_schema: {stream: 'your_stream'}}") }}
  {%- endif -%}
  {{ return(ref(stream) if stream is string else stream) }}
{% endmacro %}

{% macro _cohort_filter(macro_name, cohort_filter) %}
  {%- if cohort_filter in ['all', 'first', 'last'] -%}{{ return(cohort_filter) }}{%- endif -%}
  {%- if cohort_filter is number and cohort_filter is not sameas true and cohort_filter is not sameas false
        and cohort_filter == cohort_filter | int and cohort_filter >= 1 -%}
    {{ return(cohort_filter | int) }}
  {%- endif -%}
  {{ exceptions.raise_compiler_error(macro_name ~ ": invalid cohort_filter " ~ (cohort_filter | tojson) ~ "; valid values are: all, first, last, or an integer n >= 1 (the nth occurrence)") }}
{% endmacro %}

{#- One validated join: {name, target_activity, join_type, pick (first|last|aggregate),
    relation (ever|before|after|in_between), aggregation, columns}. -#}
{% macro _join_spec(macro_name, config) %}
  {%- set valid_keys = ['name', 'target_activity', 'join_type', 'columns', 'aggregation'] -%}
  {%- if config is not mapping -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": each join config must be a mapping with keys " ~ valid_keys | join(', ') ~ ", got " ~ config) }}
  {%- endif -%}
  {%- for key in config if key not in valid_keys -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": unknown join config key " ~ (key | tojson) ~ "; valid keys are: " ~ valid_keys | join(', ')) }}
  {%- endfor -%}
  {%- set target_activity = activity_schema._require_argument(macro_name, 'target_activity', config.get('target_activity')) -%}
  {%- set join_type = activity_schema._require_argument(macro_name, 'join_type', config.get('join_type')) -%}
  {%- set name = activity_schema._require_argument(macro_name, 'name', config.get('name')) -%}
  {%- do activity_schema._require_choice(macro_name, 'join_type', join_type, activity_schema._join_types()) -%}
  {%- set aggregation = config.get('aggregation') or 'count' -%}
  {%- do activity_schema._require_choice(macro_name, 'aggregation', aggregation, activity_schema._aggregations()) -%}
  {%- set pick, relation = join_type.split('_', 1) -%}
  {%- set relation = 'ever' if relation in ['ever', 'all_ever'] else relation -%}
  {%- set columns = config.get('columns') -%}
  {%- set columns = [columns] if columns is string else (columns or []) | list -%}
  {%- if pick in ['first', 'last'] and not columns -%}
    {%- set columns = ['ts'] -%}
  {%- elif pick == 'aggregate' and aggregation == 'count' -%}
    {%- set columns = [] -%}
  {%- elif pick == 'aggregate' and not columns -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": missing argument columns for aggregation " ~ aggregation ~ " (join " ~ (name | tojson) ~ "); give the stream columns or feature_json keys to aggregate") }}
  {%- endif -%}
  {{ return({'name': name, 'target_activity': target_activity, 'join_type': join_type, 'pick': pick,
             'relation': relation, 'aggregation': aggregation, 'columns': columns}) }}
{% endmacro %}
