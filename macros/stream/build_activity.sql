{#- Shape a staging relation into an ActivitySchema v2.0 stream.
    Expressions are SQL evaluated against `source`. Give either a literal `activity` name
    (checked here) or an `activity_column` expression (checked by the valid_activity_stream
    test), and either `activity_id` or the `source_key` it is hashed from. -#}
{% macro build_activity(source, ts, activity=none, activity_column=none, source_key=none, activity_id=none,
                        customer=none, anonymous_customer_id=none, features=none, revenue_impact=none,
                        link=none, where=none, stitch_identity=false) %}
  {{ return(adapter.dispatch('build_activity', 'activity_schema')(
      source, ts, activity, activity_column, source_key, activity_id, customer, anonymous_customer_id,
      features, revenue_impact, link, where, stitch_identity)) }}
{% endmacro %}

{% macro default__build_activity(source, ts, activity, activity_column, source_key, activity_id, customer,
                                 anonymous_customer_id, features, revenue_impact, link, where, stitch_identity) %}
  {#- Streams are found by this tag: erasure and retention delete from them. -#}
  {{ config(tags=['activity_schema_stream']) }}
  {%- set arguments = activity_schema._build_activity_arguments(source, ts, activity, activity_column, source_key, activity_id, customer,
                                                                anonymous_customer_id, features, revenue_impact, link, where, stitch_identity) -%}
  {%- set activity_expression = activity_schema._activity_expression(activity, activity_column) -%}
  {%- set source_key = arguments.source_key -%}
  {%- set id_expression = activity_id if activity_id is not none else activity_schema.surrogate_key([activity_expression] + source_key) -%}
  {%- set string_type = dbt.type_string() -%}
  {%- set source_key_parts = [] -%}
  {%- for expression in source_key -%}
    {%- do source_key_parts.append("coalesce(cast(" ~ expression ~ " as " ~ string_type ~ "), '')") -%}
  {%- endfor -%}
  with activity_schema_staged as (
    select
        cast({{ id_expression }} as {{ string_type }}) as activity_id,
        {{ activity_schema.utc_timestamp(ts, activity_schema._expression_type(source, ts)) }} as ts,
        cast({{ activity_expression }} as {{ string_type }}) as activity,
        cast({{ customer if customer is not none else 'null' }} as {{ string_type }}) as customer,
        cast({{ anonymous_customer_id if anonymous_customer_id is not none else 'null' }} as {{ string_type }}) as anonymous_customer_id,
        {{ activity_schema.json_object(activity_schema._masked_features(arguments.features)) }} as feature_json,
        cast({{ revenue_impact if revenue_impact is not none else 'null' }} as {{ activity_schema.type_float() }}) as revenue_impact,
        cast({{ link if link is not none else 'null' }} as {{ string_type }}) as link,
        cast({{ source_key_parts | join(" || '|' || ") if source_key_parts else 'null' }} as {{ string_type }}) as source_key
    from {{ source }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
  )
  {{- activity_schema._stream_from_staged('activity_schema_staged', stitch_identity) }}
{% endmacro %}

{#- Every argument checked for its kind, so that a misplaced value is a compile error naming
    the argument. SQL expressions (ts, activity_column, activity_id, customer,
    anonymous_customer_id, revenue_impact, link, where, source_key entries, feature
    mapping values) are text pasted as written: they are the caller's SQL. Returns
    {source_key: [expression, ...], features: {key: expression}}. -#}
{% macro _build_activity_arguments(source, ts, activity, activity_column, source_key, activity_id, customer,
                                   anonymous_customer_id, features, revenue_impact, link, where, stitch_identity) %}
  {%- if source is none or (source is string and source | trim == '') -%}
    {{ exceptions.raise_compiler_error("build_activity: missing argument source (a relation: ref('...') or source('...', '...'))") }}
  {%- endif -%}
  {%- if source is not string and source.identifier is not defined -%}
    {{ exceptions.raise_compiler_error("build_activity: invalid source " ~ (source | string | tojson) ~ "; give a relation: ref('...') or source('...', '...')") }}
  {%- endif -%}
  {%- set expressions = {'ts': ts, 'activity_column': activity_column, 'activity_id': activity_id, 'customer': customer,
                         'anonymous_customer_id': anonymous_customer_id, 'revenue_impact': revenue_impact, 'link': link, 'where': where} -%}
  {%- if ts is none -%}
    {{ exceptions.raise_compiler_error("build_activity: missing argument ts (a SQL expression of the activity's time)") }}
  {%- endif -%}
  {%- for argument, value in expressions.items() if value is not none and (value is not string or value | trim == '') -%}
    {{ exceptions.raise_compiler_error("build_activity: invalid " ~ argument ~ " " ~ (value | tojson) ~ "; give a SQL expression as text, e.g. " ~ argument ~ "='my_column'") }}
  {%- endfor -%}
  {%- if activity is not none and activity is not string -%}
    {{ exceptions.raise_compiler_error("build_activity: invalid activity " ~ (activity | tojson) ~ "; give an activity name as text, e.g. activity='viewed_page'") }}
  {%- endif -%}
  {%- set keys = [source_key] if source_key is string else source_key -%}
  {%- if keys is not none and (keys is mapping or keys is not iterable or keys | length == 0 or keys | reject('string') | list or keys | select('string') | map('trim') | select('equalto', '') | list) -%}
    {{ exceptions.raise_compiler_error("build_activity: invalid source_key " ~ (source_key | tojson) ~ "; give a column (or SQL expression) or a list of them, e.g. source_key=['event_id']") }}
  {%- endif -%}
  {%- if activity_id is none and not keys -%}
    {{ exceptions.raise_compiler_error("build_activity: give activity_id (an expression) or source_key (a list of columns hashed into activity_id)") }}
  {%- endif -%}
  {%- if stitch_identity is not sameas true and stitch_identity is not sameas false -%}
    {{ exceptions.raise_compiler_error("build_activity: invalid stitch_identity " ~ (stitch_identity | tojson) ~ "; give true or false") }}
  {%- endif -%}
  {%- set feature_pairs = activity_schema._key_value_pairs('build_activity', 'features', features) -%}
  {%- set feature_map = {} -%}
  {%- for key, expression in feature_pairs -%}{%- do feature_map.update({key: expression}) -%}{%- endfor -%}
  {{ return({'source_key': keys or [], 'features': feature_map}) }}
{% endmacro %}

{#- The type of `expression` over `source` as the warehouse names it, or none when it
    cannot be asked: while parsing, offline (--no-introspect), or when the source is not a
    relation that exists yet. -#}
{% macro _expression_type(source, expression) %}
  {%- if not execute or not flags.INTROSPECT or source is string or load_relation(source) is none -%}
    {{ return(none) }}
  {%- endif -%}
  {%- set columns = get_column_schema_from_query('select ' ~ expression ~ ' as activity_schema_value from ' ~ source) -%}
  {{ return(columns[0].dtype if columns else none) }}
{% endmacro %}

{% macro _activity_expression(activity, activity_column) %}
  {%- if (activity is none) == (activity_column is none) -%}
    {{ exceptions.raise_compiler_error("build_activity: give exactly one of activity (a literal name such as 'viewed_page') or activity_column (an expression)") }}
  {%- endif -%}
  {%- if activity_column is not none -%}{{ return(activity_column) }}{%- endif -%}
  {%- if not modules.re.match(activity_schema.activity_name_pattern(), activity) or activity | length > 100 -%}
    {{ exceptions.raise_compiler_error("build_activity: activity " ~ (activity | tojson) ~ " breaks the naming rule [namespace_]verb_noun[_modifier]: lowercase letters and digits in words joined by underscores, at most 100 characters") }}
  {%- endif -%}
  {{ return(activity_schema.string_literal(activity)) }}
{% endmacro %}
