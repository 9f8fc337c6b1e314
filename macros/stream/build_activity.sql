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
  {%- set activity_expression = activity_schema._activity_expression(activity, activity_column) -%}
  {%- if activity_id is none and not source_key -%}
    {{ exceptions.raise_compiler_error("build_activity: give activity_id (an expression) or source_key (a list of columns hashed into activity_id)") }}
  {%- endif -%}
  {%- if source_key is string -%}{%- set source_key = [source_key] -%}{%- endif -%}
  {%- set id_expression = activity_id if activity_id is not none else activity_schema.surrogate_key([activity_expression] + source_key) -%}
  {%- set string_type = dbt.type_string() -%}
  with activity_schema_staged as (
    select
        cast({{ id_expression }} as {{ string_type }}) as activity_id,
        cast({{ ts }} as {{ activity_schema.type_timestamp() }}) as ts,
        cast({{ activity_expression }} as {{ string_type }}) as activity,
        cast({{ customer if customer is not none else 'null' }} as {{ string_type }}) as customer,
        cast({{ anonymous_customer_id if anonymous_customer_id is not none else 'null' }} as {{ string_type }}) as anonymous_customer_id,
        {{ activity_schema.json_object(activity_schema._masked_features(features)) }} as feature_json,
        cast({{ revenue_impact if revenue_impact is not none else 'null' }} as {{ activity_schema.type_float() }}) as revenue_impact,
        cast({{ link if link is not none else 'null' }} as {{ string_type }}) as link
    from {{ source }}
    {%- if where %}
    where {{ where }}
    {%- endif %}
  )
  {{- activity_schema._stream_from_staged('activity_schema_staged', stitch_identity) }}
{% endmacro %}

{% macro _activity_expression(activity, activity_column) %}
  {%- if (activity is none) == (activity_column is none) -%}
    {{ exceptions.raise_compiler_error("build_activity: give exactly one of activity (a literal name such as 'viewed_page') or activity_column (an expression)") }}
  {%- endif -%}
  {%- if activity_column is not none -%}{{ return(activity_column) }}{%- endif -%}
  {%- if not modules.re.match(activity_schema.activity_name_pattern(), activity) or activity | length > 100 -%}
    {{ exceptions.raise_compiler_error("build_activity: activity " ~ (activity | tojson) ~ " breaks the naming rule [namespace_]verb_noun[_modifier]: lowercase letters and digits in words joined by underscores, at most 100 characters") }}
  {%- endif -%}
  {{ return("'" ~ activity ~ "'") }}
{% endmacro %}
