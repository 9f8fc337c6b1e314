{#- The ActivitySchema v2.0 stream contract. One row per violation, naming the
    activity_id, the rule it breaks and the offending value. -#}
{% test valid_activity_stream(model, max_activity_length=100, max_link_length=2000) %}
  {{ return(adapter.dispatch('test_valid_activity_stream', 'activity_schema')(model, max_activity_length, max_link_length)) }}
{% endtest %}

{% macro default__test_valid_activity_stream(model, max_activity_length, max_link_length) %}
  {%- set string_type = dbt.type_string() -%}
  {%- set rules = [
      ("activity_id_not_null", "activity_id is null", "cast(ts as " ~ string_type ~ ")"),
      ("ts_not_null", "ts is null", "activity"),
      ("activity_not_null", "activity is null", "cast(ts as " ~ string_type ~ ")"),
      ("activity_name_format", "activity is not null and (length(activity) > " ~ max_activity_length ~ " or not " ~ activity_schema.regexp_full_match('activity', activity_schema.activity_name_pattern()) ~ ")", "activity"),
      ("customer_or_anonymous_customer_id", "customer is null and anonymous_customer_id is null", "activity"),
      ("feature_json_is_object", "feature_json is not null and not (" ~ activity_schema.json_is_object("feature_json") ~ ")", activity_schema.json_to_string("feature_json")),
      ("link_length", "length(link) > " ~ max_link_length, "cast(length(link) as " ~ string_type ~ ")"),
  ] -%}
  with stream as (select * from {{ model }})
  {%- for rule, condition, value in rules %}
  select activity_id, '{{ rule }}' as failed_rule, cast({{ value }} as {{ string_type }}) as offending_value
  from stream where {{ condition }}
  union all
  {%- endfor %}
  select activity_id, 'activity_id_unique' as failed_rule, cast(count(*) as {{ string_type }}) as offending_value
  from stream where activity_id is not null
  group by activity_id
  having count(*) > 1
{% endmacro %}
