{#- match: a list of columns or feature keys the target must share with the cohort row;
    an entry is a name (the same on both sides) or {'cohort': name, 'target': name}.
    Returns [[cohort column, target column], ...]. -#}
{% macro _match_pairs(macro_name, match) %}
  {%- if match is none -%}{{ return([]) }}{%- endif -%}
  {%- set entries = [match] if match is string or match is mapping else match -%}
  {%- if entries is not iterable or entries | length == 0 -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": match must be a non-empty list of column names or {'cohort': ..., 'target': ...}, got " ~ (match | tojson)) }}
  {%- endif -%}
  {%- set pairs = [] -%}
  {%- for entry in entries -%}
    {%- if entry is mapping -%}
      {%- if entry.keys() | list | sort != ['cohort', 'target'] -%}
        {{ exceptions.raise_compiler_error(macro_name ~ ": match entry " ~ (entry | tojson) ~ " must have exactly the keys cohort and target") }}
      {%- endif -%}
      {%- do pairs.append([activity_schema._require_column_name(macro_name, 'match', entry.cohort), activity_schema._require_column_name(macro_name, 'match', entry.target)]) -%}
    {%- else -%}
      {%- set column = activity_schema._require_column_name(macro_name, 'match', entry) -%}
      {%- do pairs.append([column, column]) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(pairs) }}
{% endmacro %}

{#- The two sides of a match pair as they compare: natively when both are the same stream
    column, as text otherwise (feature values are text); the cohort side read from
    `cohort_alias` when given. -#}
{% macro _match_values(pair, cohort_alias=none) %}
  {%- set cohort_value = activity_schema._column_value(pair[0], cohort_alias) -%}
  {%- set target_value = activity_schema._column_value(pair[1]) -%}
  {%- set streams = activity_schema._stream_columns() -%}
  {%- if pair[0] == pair[1] and pair[0] in streams -%}
    {{ return([cohort_value, target_value]) }}
  {%- endif -%}
  {%- set text = dbt.type_string() -%}
  {{ return([cohort_value if pair[0] not in streams else 'cast(' ~ cohort_value ~ ' as ' ~ text ~ ')',
             target_value if pair[1] not in streams else 'cast(' ~ target_value ~ ' as ' ~ text ~ ')']) }}
{% endmacro %}
