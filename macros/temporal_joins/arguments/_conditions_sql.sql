{#- A list of filter conditions (ANDed) as SQL over the stream's columns, unqualified.
    A condition is {'column': C, 'op': OP, 'value': V} or {'sql': raw boolean SQL}; C is a
    stream column or a feature_json key; values are escaped literals and a number compares
    as a number. Returns a list of parenthesised SQL conditions. -#}
{% macro _conditions_sql(macro_name, argument, conditions) %}
  {%- if conditions is none -%}{{ return([]) }}{%- endif -%}
  {%- set conditions = [conditions] if conditions is mapping else conditions -%}
  {%- if conditions is string or conditions is not iterable -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": " ~ argument ~ " must be a list of conditions {'column': ..., 'op': ..., 'value': ...} or {'sql': ...}, got " ~ (conditions | tojson)) }}
  {%- endif -%}
  {%- set result = [] -%}
  {%- for condition in conditions -%}
    {%- do result.append('(' ~ activity_schema._condition_sql(macro_name, argument, condition) ~ ')') -%}
  {%- endfor -%}
  {{ return(result) }}
{% endmacro %}

{#- The columns (stream columns or feature keys) that conditions compare, raw SQL left out. -#}
{% macro _condition_columns(conditions) %}
  {%- set conditions = [] if conditions is none else ([conditions] if conditions is mapping else conditions) -%}
  {{ return(conditions | selectattr('column', 'defined') | map(attribute='column') | list) }}
{% endmacro %}

{% macro _condition_operators() %}
  {{ return({'=': '=', '!=': '<>', '>': '>', '>=': '>=', '<': '<', '<=': '<=', 'in': 'in', 'not_in': 'not in', 'is_null': 'is null', 'not_null': 'is not null'}) }}
{% endmacro %}

{% macro _condition_sql(macro_name, argument, condition) %}
  {%- set where = macro_name ~ ": " ~ argument ~ " condition " ~ (condition | tojson) -%}
  {%- if condition is not mapping -%}
    {{ exceptions.raise_compiler_error(where ~ " is not a mapping; give {'column': ..., 'op': ..., 'value': ...} or {'sql': ...}") }}
  {%- endif -%}
  {%- if 'sql' in condition -%}
    {%- if condition | length != 1 or condition.sql is not string or condition.sql | trim == '' -%}
      {{ exceptions.raise_compiler_error(where ~ ": a raw condition is {'sql': 'boolean SQL'} alone") }}
    {%- endif -%}
    {{ return(condition.sql) }}
  {%- endif -%}
  {%- for key in condition if key not in ['column', 'op', 'value'] -%}
    {{ exceptions.raise_compiler_error(where ~ ": unknown key " ~ (key | tojson) ~ "; valid keys are: column, op, value (or sql alone)") }}
  {%- endfor -%}
  {%- set column = activity_schema._require_column_name(macro_name, argument ~ ' column', condition.get('column')) -%}
  {%- set operators = activity_schema._condition_operators() -%}
  {%- set op = condition.get('op') -%}
  {%- do activity_schema._require_choice(macro_name, argument ~ ' op', op, operators.keys() | list) -%}
  {%- set column_sql = activity_schema._column_value(column) -%}
  {%- if op in ['is_null', 'not_null'] -%}
    {%- if 'value' in condition -%}
      {{ exceptions.raise_compiler_error(where ~ ": op " ~ op ~ " takes no value") }}
    {%- endif -%}
    {{ return(column_sql ~ ' ' ~ operators[op]) }}
  {%- endif -%}
  {%- if 'value' not in condition -%}
    {{ exceptions.raise_compiler_error(where ~ ": missing value") }}
  {%- endif -%}
  {%- set value = condition.value -%}
  {%- if op in ['in', 'not_in'] -%}
    {%- if value is string or value is mapping or value is not iterable or value | length == 0 -%}
      {{ exceptions.raise_compiler_error(where ~ ": op " ~ op ~ " takes a non-empty list of values") }}
    {%- endif -%}
    {%- set values = value -%}
  {%- else -%}
    {%- set values = [value] -%}
  {%- endif -%}
  {%- set kinds = [] -%}
  {%- set literals = [] -%}
  {%- for item in values -%}
    {%- set kind = activity_schema._literal_kind(where, item) -%}
    {%- do kinds.append(kind) -%}
    {%- do literals.append(activity_schema._condition_literal(column, kind, item)) -%}
  {%- endfor -%}
  {%- if kinds | unique | list | length > 1 -%}
    {{ exceptions.raise_compiler_error(where ~ ": the values mix numbers, strings and booleans; compare one kind at a time") }}
  {%- endif -%}
  {%- set left = activity_schema._condition_operand(column, column_sql, kinds[0]) -%}
  {%- if op in ['in', 'not_in'] -%}
    {{ return(left ~ ' ' ~ operators[op] ~ ' (' ~ literals | join(', ') ~ ')') }}
  {%- endif -%}
  {{ return(left ~ ' ' ~ operators[op] ~ ' ' ~ literals[0]) }}
{% endmacro %}

{#- number, string or boolean; anything else (null, a mapping, NaN) is an error. -#}
{% macro _literal_kind(where, value) %}
  {%- if value is sameas true or value is sameas false -%}{{ return('boolean') }}{%- endif -%}
  {%- if value is number -%}
    {%- if value != value or value > 1e308 or value < -1e308 -%}
      {{ exceptions.raise_compiler_error(where ~ ": " ~ value ~ " is not a finite number") }}
    {%- endif -%}
    {{ return('number') }}
  {%- endif -%}
  {%- if value is string -%}{{ return('string') }}{%- endif -%}
  {{ exceptions.raise_compiler_error(where ~ ": value " ~ (value | tojson) ~ " is not a number, a string or a boolean (use op is_null / not_null for nulls)") }}
{% endmacro %}

{#- The column as compared: a feature value is text, so it is cast to a float to compare
    with a number; booleans compare as JSON's 'true' / 'false'. -#}
{% macro _condition_operand(column, column_sql, kind) %}
  {%- set is_feature = column not in activity_schema._stream_columns() -%}
  {%- if kind == 'number' and is_feature -%}
    {{ return('cast(' ~ column_sql ~ ' as ' ~ activity_schema.type_float() ~ ')') }}
  {%- elif kind == 'boolean' and not is_feature -%}
    {{ return('cast(' ~ column_sql ~ ' as ' ~ dbt.type_string() ~ ')') }}
  {%- endif -%}
  {{ return(column_sql) }}
{% endmacro %}

{% macro _condition_literal(column, kind, value) %}
  {%- if kind == 'number' -%}
    {{ return(value | string) }}
  {%- elif kind == 'boolean' -%}
    {{ return(activity_schema.string_literal('true' if value else 'false')) }}
  {%- elif column in ['ts', 'activity_repeated_at'] -%}
    {{ return('cast(' ~ activity_schema.string_literal(value) ~ ' as ' ~ activity_schema.type_timestamp() ~ ')') }}
  {%- endif -%}
  {{ return(activity_schema.string_literal(value)) }}
{% endmacro %}
