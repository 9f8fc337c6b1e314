{#- The warehouse's native JSON type, used for `feature_json`. -#}
{% macro type_json() %}
  {{ return(adapter.dispatch('type_json', 'activity_schema')()) }}
{% endmacro %}

{% macro default__type_json() %}json{% endmacro %}

{% macro postgres__type_json() %}jsonb{% endmacro %}

{% macro snowflake__type_json() %}variant{% endmacro %}

{#- Spark 3.5 has no JSON type: feature_json is JSON text in a string column. -#}
{% macro spark__type_json() %}string{% endmacro %}
