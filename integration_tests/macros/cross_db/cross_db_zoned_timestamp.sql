{#- Test fixture (never shipped): an instant written as text with its UTC offset, as this
    warehouse's zoned timestamp type, and that type as the warehouse names it, so that the
    cross_db tests can give utc_timestamp the zoned input build_activity would. -#}
{% macro cross_db_zoned_timestamp(text) %}
  {{ return(adapter.dispatch('cross_db_zoned_timestamp', 'activity_schema_integration_tests')(text)) }}
{% endmacro %}

{#- DuckDB and Postgres. -#}
{% macro default__cross_db_zoned_timestamp(text) %}
  {{ return({'sql': 'cast(' ~ activity_schema.string_literal(text) ~ ' as timestamp with time zone)', 'data_type': 'timestamp with time zone'}) }}
{% endmacro %}

{% macro snowflake__cross_db_zoned_timestamp(text) %}
  {{ return({'sql': 'cast(' ~ activity_schema.string_literal(text) ~ ' as timestamp_tz)', 'data_type': 'TIMESTAMP_TZ'}) }}
{% endmacro %}

{#- BigQuery's TIMESTAMP and Spark's TIMESTAMP are instants. -#}
{% macro bigquery__cross_db_zoned_timestamp(text) %}
  {{ return({'sql': 'timestamp(' ~ activity_schema.string_literal(text) ~ ')', 'data_type': 'TIMESTAMP'}) }}
{% endmacro %}

{% macro spark__cross_db_zoned_timestamp(text) %}
  {{ return({'sql': 'cast(' ~ activity_schema.string_literal(text) ~ ' as timestamp)', 'data_type': 'TIMESTAMP'}) }}
{% endmacro %}
