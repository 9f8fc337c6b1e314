{#- The ActivitySchema v2.0 stream contract. One row per violation, naming the
    activity_id, the source's own key (the stream's source_key column, when it has one),
    the rule it breaks and the offending value. Column rules (a missing column, a wrong
    type) are rows too, without an activity_id. -#}
{% test valid_activity_stream(model, max_activity_length=100, max_link_length=2000) %}
  {{ return(adapter.dispatch('test_valid_activity_stream', 'activity_schema')(model, max_activity_length, max_link_length)) }}
{% endtest %}

{% macro default__test_valid_activity_stream(model, max_activity_length, max_link_length) %}
  {%- set max_activity_length = activity_schema._positive_integer('valid_activity_stream', 'max_activity_length', max_activity_length) -%}
  {%- set max_link_length = activity_schema._positive_integer('valid_activity_stream', 'max_link_length', max_link_length) -%}
  {%- set text = dbt.type_string() -%}
  {%- set found = activity_schema._column_types(model) -%}
  {%- set expected = activity_schema._stream_column_families() -%}
  {#- Offline the columns cannot be asked for: the contract's are assumed, of the right types. -#}
  {%- set present = activity_schema._stream_contract_columns() if found is none else expected.keys() | select('in', found) | list -%}
  {%- set selects = [] -%}

  {#- Columns: each contract column present, each column of the right type. -#}
  {%- for column in activity_schema._stream_contract_columns() if column not in present -%}
    {%- do selects.append(activity_schema._contract_column_violation('column_missing', column)) -%}
  {%- endfor -%}
  {%- for column in present if found is not none and activity_schema.type_family(found[column]) != expected[column] -%}
    {%- do selects.append(activity_schema._contract_column_violation(column ~ '_type', found[column])) -%}
  {%- endfor -%}

  {#- Rows: each rule whose columns are present, over rows of any type. -#}
  {%- set rules = [] -%}
  {%- if 'activity_id' in present -%}
    {%- do rules.append(['activity_id_not_null', ['activity_id'], 'activity_id is null', 'null']) -%}
  {%- endif -%}
  {%- do rules.append(['ts_not_null', ['ts'], 'ts is null', 'null']) -%}
  {%- do rules.append(['activity_not_null', ['activity'], 'activity is null', 'null']) -%}
  {%- set activity_text = 'cast(activity as ' ~ text ~ ')' -%}
  {%- do rules.append(['activity_name_format', ['activity'],
        'activity is not null and (length(' ~ activity_text ~ ') > ' ~ max_activity_length ~ ' or not ' ~ activity_schema.regexp_full_match(activity_text, activity_schema.activity_name_pattern()) ~ ')',
        activity_text]) -%}
  {%- set customer_text = 'cast(customer as ' ~ text ~ ')' -%}
  {%- set anonymous_text = 'cast(anonymous_customer_id as ' ~ text ~ ')' -%}
  {%- do rules.append(['customer_or_anonymous_customer_id', ['customer', 'anonymous_customer_id'],
        activity_schema._person_key(customer_text, anonymous_text) ~ ' is null',
        'coalesce(' ~ customer_text ~ ', ' ~ anonymous_text ~ ')']) -%}
  {%- set feature_family = expected.feature_json if found is none or 'feature_json' not in found else activity_schema.type_family(found.feature_json) -%}
  {%- if feature_family == 'json' -%}
    {%- do rules.append(['feature_json_is_object', ['feature_json'], 'feature_json is not null and not (' ~ activity_schema.json_is_object('feature_json') ~ ')', activity_schema.json_to_string('feature_json')]) -%}
  {%- elif feature_family == 'text' -%}
    {%- do rules.append(['feature_json_is_object', ['feature_json'], 'feature_json is not null and not (' ~ activity_schema.json_text_is_object('feature_json') ~ ')', 'feature_json']) -%}
  {%- endif -%}
  {%- set link_text = 'cast(link as ' ~ text ~ ')' -%}
  {%- do rules.append(['link_length', ['link'], 'length(' ~ link_text ~ ') > ' ~ max_link_length, 'cast(length(' ~ link_text ~ ') as ' ~ text ~ ')']) -%}

  {%- set activity_id = ('cast(activity_id as ' ~ text ~ ')') if 'activity_id' in present else 'cast(null as ' ~ text ~ ')' -%}
  {%- set source_key = 'cast(source_key as ' ~ text ~ ')' if 'source_key' in present else 'cast(null as ' ~ text ~ ')' -%}
  {%- for rule, columns, condition, value in rules if columns | reject('in', present) | list | length == 0 -%}
    {%- do selects.append('select ' ~ activity_id ~ ' as activity_id, ' ~ source_key ~ ' as source_key, ' ~ activity_schema.string_literal(rule) ~ ' as failed_rule, cast(' ~ value ~ ' as ' ~ text ~ ') as offending_value\n  from stream where ' ~ condition) -%}
  {%- endfor -%}
  {%- if 'activity_id' in present -%}
    {%- do selects.append('select activity_id, source_key, ' ~ activity_schema.string_literal('activity_id_unique') ~ ' as failed_rule, cast(copies as ' ~ text ~ ') as offending_value\n  from (select ' ~ activity_id ~ ' as activity_id, ' ~ source_key ~ ' as source_key, count(*) over (partition by activity_id) as copies from stream where activity_id is not null) as counted\n  where copies > 1') -%}
  {%- endif -%}
  with stream as (select * from {{ model }})
  {{ selects | join('\n  union all\n  ') }}
{% endmacro %}

{#- What each stream column's type must be, as a type_family: feature_json is the
    warehouse's JSON type (text holding JSON on Spark, which has none). -#}
{% macro _stream_column_families() %}
  {{ return({'activity_id': 'text', 'ts': 'timestamp', 'activity': 'text', 'customer': 'text', 'anonymous_customer_id': 'text',
             'feature_json': activity_schema.type_family(activity_schema.type_json()), 'revenue_impact': 'number', 'link': 'text',
             'activity_occurrence': 'number', 'activity_repeated_at': 'timestamp', 'source_key': 'text'}) }}
{% endmacro %}

{#- {lowercase column name: type as the warehouse names it} of a relation, or none when it
    cannot be asked (while parsing, or offline). -#}
{% macro _column_types(relation) %}
  {%- if not execute or not flags.INTROSPECT -%}{{ return(none) }}{%- endif -%}
  {%- set types = {} -%}
  {%- for column in adapter.get_columns_in_relation(relation) -%}
    {%- do types.update({column.name | lower: column.dtype}) -%}
  {%- endfor -%}
  {{ return(types) }}
{% endmacro %}

{#- A violation of the stream's columns rather than of a row. -#}
{% macro _contract_column_violation(rule, value) %}
  {%- set text = dbt.type_string() -%}
  {{ return('select cast(null as ' ~ text ~ ') as activity_id, cast(null as ' ~ text ~ ') as source_key, ' ~ activity_schema.string_literal(rule) ~ ' as failed_rule, cast(' ~ activity_schema.string_literal(value) ~ ' as ' ~ text ~ ') as offending_value') }}
{% endmacro %}

{#- A whole number >= 1 (a numeric string too, as YAML arguments rendered by Jinja are). -#}
{% macro _positive_integer(macro_name, argument, value) %}
  {%- if value is sameas true or value is sameas false or not modules.re.match('^[0-9]+$', value | string | trim) or (value | string | int) < 1 -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " " ~ (value | tojson) ~ "; give a whole number >= 1") }}
  {%- endif -%}
  {{ return(value | string | int) }}
{% endmacro %}
