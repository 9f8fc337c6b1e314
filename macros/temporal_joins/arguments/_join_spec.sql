{#- One join, validated: every setting checked against the join type, so that a setting
    that would do nothing is a compile error. Returns a spec:
    {name, join_type, relation (its registry entry), targets, aggregation (registry entry;
    picks are kind 'pick'), position ({from: start|end, n}) for picks, columns
    [[output name, column], ...], outputs, where, match, within, at_least (minutes),
    delimiter, zero_fill}. -#}
{% macro _join_config_keys() %}
  {{ return(['name', 'target_activity', 'join_type', 'columns', 'aggregation', 'where', 'match', 'within', 'at_least',
             'nth', 'nth_from_last', 'delimiter', 'zero_fill']) }}
{% endmacro %}

{% macro _join_spec(macro_name, config) %}
  {%- set valid_keys = activity_schema._join_config_keys() -%}
  {%- if config is not mapping -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": each join config must be a mapping with keys " ~ valid_keys | join(', ') ~ ", got " ~ (config | tojson)) }}
  {%- endif -%}
  {%- for key in config if key not in valid_keys -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": unknown join config key " ~ (key | tojson) ~ "; valid keys are: " ~ valid_keys | join(', ')) }}
  {%- endfor -%}
  {%- set join_type = activity_schema._require_argument(macro_name, 'join_type', config.get('join_type')) -%}
  {%- do activity_schema._require_choice(macro_name, 'join_type', join_type, activity_schema._join_types()) -%}
  {%- set pick, relation_name = join_type.split('_', 1) -%}
  {%- set relation = activity_schema._relation('ever' if relation_name == 'all_ever' else relation_name) -%}
  {%- set targets = activity_schema._activity_list(macro_name, 'target_activity', config.get('target_activity')) -%}
  {%- if config.get('name') is not none -%}
    {%- set name = activity_schema._require_identifier(macro_name, 'name', config.get('name')) -%}
  {%- else -%}
    {%- set name = activity_schema._sanitized_name(join_type ~ '_' ~ targets | join('_or_')) -%}
  {%- endif -%}
  {%- set where = macro_name ~ ": join " ~ (name | tojson) -%}

  {#- What is computed: an aggregation, or a pick of one row. -#}
  {%- if pick == 'aggregate' -%}
    {%- set aggregation_name = config.get('aggregation') or 'count' -%}
    {%- do activity_schema._require_choice(macro_name, 'aggregation', aggregation_name, activity_schema._aggregation_names()) -%}
    {%- set aggregation = activity_schema._aggregation(aggregation_name) -%}
  {%- elif config.get('aggregation') not in [none, 'count'] -%}
    {{ exceptions.raise_compiler_error(where ~ ": aggregation " ~ (config.get('aggregation') | tojson) ~ " does nothing on a " ~ join_type ~ " join, which picks one row; use an aggregate_* join type") }}
  {%- else -%}
    {%- set aggregation = {'name': pick, 'kind': 'pick', 'pick': pick, 'column': true, 'measure': 'value', 'zero_fill': false, 'not_with': []} -%}
  {%- endif -%}

  {#- Which row a pick takes: the n-th from the start or from the end. -#}
  {%- set nth = config.get('nth') -%}
  {%- set from_last = config.get('nth_from_last', false) -%}
  {%- if pick == 'nth' -%}
    {%- if not activity_schema._is_integer(nth) or nth < 1 -%}
      {{ exceptions.raise_compiler_error(where ~ ": " ~ join_type ~ " needs nth, a whole number >= 1, got " ~ (nth | tojson)) }}
    {%- endif -%}
    {%- if from_last is not sameas true and from_last is not sameas false -%}
      {{ exceptions.raise_compiler_error(where ~ ": nth_from_last must be true or false, got " ~ (from_last | tojson)) }}
    {%- endif -%}
  {%- elif nth is not none or 'nth_from_last' in config -%}
    {{ exceptions.raise_compiler_error(where ~ ": nth and nth_from_last need an nth join type (nth_ever, nth_before, nth_after, nth_in_between), not " ~ join_type) }}
  {%- endif -%}
  {%- set position = none -%}
  {%- if aggregation.kind == 'pick' -%}
    {%- if pick == 'nth' -%}
      {%- set position = {'from': 'end' if from_last else 'start', 'n': nth | int} -%}
    {%- else -%}
      {%- set position = {'from': 'start' if aggregation.pick == 'first' else 'end', 'n': 1} -%}
    {%- endif -%}
  {%- endif -%}

  {#- Time windows. -#}
  {%- set within = activity_schema._time_window(macro_name, 'within', config.get('within')) -%}
  {%- set at_least = activity_schema._time_window(macro_name, 'at_least', config.get('at_least')) -%}
  {%- if (within or at_least) and not relation.windows -%}
    {{ exceptions.raise_compiler_error(where ~ ": " ~ ('within' if within else 'at_least') ~ " does nothing on a " ~ join_type ~ " join, which takes every target of the person; use a *_before, *_after or *_in_between join") }}
  {%- endif -%}
  {%- set windowed = (within or at_least) and relation.plan == 'lane' -%}
  {%- for context in aggregation.not_with if context == relation.name or (context == 'window' and windowed) -%}
    {{ exceptions.raise_compiler_error(where ~ ": aggregation " ~ aggregation.name ~ " cannot be computed exactly in one pass for " ~ (join_type ~ " joins" if context != 'window' else "*_before / *_after joins with within or at_least") ~ "; use an aggregate_in_between join, a period_dataset or another aggregation") }}
  {%- endfor -%}

  {#- Columns and output names. -#}
  {%- set columns = config.get('columns') -%}
  {%- if not aggregation.column -%}
    {%- if columns is not none -%}
      {{ exceptions.raise_compiler_error(where ~ ": columns does nothing for aggregation " ~ aggregation.name ~ ", which takes no column") }}
    {%- endif -%}
    {%- set named = [] -%}
    {%- set outputs = [name ~ '_' ~ aggregation.name] -%}
  {%- else -%}
    {%- if not columns and pick != 'aggregate' -%}
      {%- set columns = ['ts'] -%}
    {%- elif not columns -%}
      {{ exceptions.raise_compiler_error(macro_name ~ ": missing argument columns for aggregation " ~ aggregation.name ~ " (join " ~ (name | tojson) ~ "); give the stream columns or feature_json keys to aggregate") }}
    {%- endif -%}
    {%- set named = activity_schema._named_columns(macro_name, 'columns', columns, name if pick != 'aggregate' else name ~ '_' ~ aggregation.name) -%}
    {%- set outputs = named | map('first') | list -%}
  {%- endif -%}

  {#- Settings of one aggregation only. -#}
  {%- set delimiter = config.get('delimiter') -%}
  {%- if aggregation.kind in ['concat', 'concat_distinct'] -%}
    {%- set delimiter = ',' if delimiter is none else delimiter -%}
    {%- if delimiter is not string -%}
      {{ exceptions.raise_compiler_error(where ~ ": delimiter must be a string, got " ~ (delimiter | tojson)) }}
    {%- endif -%}
  {%- elif delimiter is not none -%}
    {{ exceptions.raise_compiler_error(where ~ ": delimiter does nothing for " ~ aggregation.name ~ "; it applies to listagg and listagg_distinct") }}
  {%- endif -%}
  {%- set zero_fill = config.get('zero_fill', false) -%}
  {%- if zero_fill is not sameas true and zero_fill is not sameas false -%}
    {{ exceptions.raise_compiler_error(where ~ ": zero_fill must be true or false, got " ~ (zero_fill | tojson)) }}
  {%- elif zero_fill and not aggregation.zero_fill -%}
    {{ exceptions.raise_compiler_error(where ~ ": zero_fill does nothing for " ~ aggregation.name ~ "; it applies to sum and sum_bool") }}
  {%- endif -%}

  {{ return({'name': name, 'join_type': join_type, 'relation': relation, 'targets': targets, 'aggregation': aggregation,
             'position': position, 'columns': named, 'outputs': outputs,
             'where': activity_schema._conditions_sql(macro_name, 'where', config.get('where')),
             'where_columns': activity_schema._condition_columns(config.get('where')),
             'match': activity_schema._match_pairs(macro_name, config.get('match')),
             'within': within, 'at_least': at_least, 'windowed': windowed,
             'delimiter': delimiter, 'zero_fill': zero_fill}) }}
{% endmacro %}
