{#- Aggregate (key, JSON value) pairs into one JSON object, keys in order; the value is an
    expression of the JSON type (to_json_value makes one from a scalar). -#}
{% macro json_object_agg(key_expression, json_value_expression) %}
  {{ return(adapter.dispatch('json_object_agg', 'activity_schema')(key_expression, json_value_expression)) }}
{% endmacro %}

{#- DuckDB: json_group_object is a macro that takes no ORDER BY; a map built in key order is. -#}
{% macro default__json_object_agg(key_expression, json_value_expression) -%}
  to_json(map(list({{ key_expression }} order by {{ key_expression }}), list({{ json_value_expression }} order by {{ key_expression }})))
{%- endmacro %}

{#- jsonb keeps its keys in its own order, whatever the aggregation's. -#}
{% macro postgres__json_object_agg(key_expression, json_value_expression) -%}
  jsonb_object_agg({{ key_expression }}, {{ json_value_expression }})
{%- endmacro %}

{#- An OBJECT's keys have no order. -#}
{% macro snowflake__json_object_agg(key_expression, json_value_expression) -%}
  object_agg({{ key_expression }}, {{ json_value_expression }})
{%- endmacro %}

{% macro bigquery__json_object_agg(key_expression, json_value_expression) -%}
  json_object(array_agg({{ key_expression }} order by {{ key_expression }}), array_agg({{ json_value_expression }} order by {{ key_expression }}))
{%- endmacro %}

{#- Spark: JSON text, joined from '"key":value' members sorted by key. -#}
{% macro spark__json_object_agg(key_expression, json_value_expression) -%}
  concat('{', array_join(array_sort(collect_list(concat({{ activity_schema.spark__to_json_value(key_expression) }}, ':', {{ json_value_expression }}))), ','), '}')
{%- endmacro %}
