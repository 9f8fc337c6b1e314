{#- What a column type, as the warehouse names it (in a relation's columns or a query's
    description), is to the package: 'timestamp' (without time zone), 'zoned_timestamp'
    (an instant: with time zone, or local time zone), 'json' (the native JSON type), 'text',
    'number' or 'other'. -#}
{% macro type_family(data_type) %}
  {{ return(adapter.dispatch('type_family', 'activity_schema')(data_type | string | upper | trim)) }}
{% endmacro %}

{#- DuckDB (TIMESTAMP WITH TIME ZONE, JSON, VARCHAR), Postgres (timestamp with time zone,
    jsonb, character varying; psycopg2's DATETIMETZ, STRING in query descriptions) and
    Snowflake (TIMESTAMP_TZ / _LTZ / _NTZ, VARIANT). -#}
{% macro default__type_family(data_type) %}
  {%- set re = modules.re -%}
  {%- if re.match('^(TIMESTAMPTZ|DATETIMETZ|TIMESTAMP_TZ|TIMESTAMP_LTZ)$', data_type) or re.match('^TIMESTAMP(\\(\\d+\\))? WITH (LOCAL )?TIME ZONE$', data_type) -%}
    {{ return('zoned_timestamp') }}
  {%- elif re.match('^(TIMESTAMP|DATETIME)(_NTZ|_NS|_MS|_S)?(\\(\\d+\\))?( WITHOUT TIME ZONE)?$', data_type) -%}
    {{ return('timestamp') }}
  {%- elif data_type in ['JSON', 'JSONB', 'VARIANT', 'OBJECT'] -%}
    {{ return('json') }}
  {%- elif re.match('^(VARCHAR|CHARACTER VARYING|CHAR|CHARACTER|TEXT|STRING|NVARCHAR|BPCHAR|UNICODE)\\b', data_type) -%}
    {{ return('text') }}
  {%- elif re.match('^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|INT2|INT4|INT8|INT64|LONGINTEGER|LONG|SHORT|BYTE|FLOAT|FLOAT4|FLOAT8|FLOAT64|DOUBLE|DOUBLE PRECISION|REAL|NUMERIC|DECIMAL|NUMBER|BIGNUMERIC|BIGDECIMAL)\\b', data_type) -%}
    {{ return('number') }}
  {%- endif -%}
  {{ return('other') }}
{% endmacro %}

{#- BigQuery's TIMESTAMP is an instant; DATETIME has no time zone. -#}
{% macro bigquery__type_family(data_type) %}
  {%- if data_type == 'TIMESTAMP' -%}{{ return('zoned_timestamp') }}{%- endif -%}
  {{ return(activity_schema.default__type_family(data_type)) }}
{% endmacro %}

{#- Spark's TIMESTAMP is in the session's local time zone; TIMESTAMP_NTZ has none. -#}
{% macro spark__type_family(data_type) %}
  {%- if data_type == 'TIMESTAMP' -%}{{ return('zoned_timestamp') }}{%- endif -%}
  {{ return(activity_schema.default__type_family(data_type)) }}
{% endmacro %}
