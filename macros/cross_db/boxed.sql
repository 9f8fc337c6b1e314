{#- `value` wrapped in a one-field record, which is never null, so that a function skipping
    nulls (arg_min, max_by, first_value ... ignore nulls) still takes a row whose value is
    null; `(<the function>).v` reads the value back. Returns none on a warehouse without
    such a record there: callers pick the row's activity_id instead and fetch the row. -#}
{% macro boxed(value) %}
  {{ return(adapter.dispatch('boxed', 'activity_schema')(value)) }}
{% endmacro %}

{% macro default__boxed(value) %}
  {{ return(none) }}
{% endmacro %}

{% macro duckdb__boxed(value) %}
  {{ return('struct_pack(v := ' ~ value ~ ')') }}
{% endmacro %}

{% macro spark__boxed(value) %}
  {{ return("named_struct('v', " ~ value ~ ")") }}
{% endmacro %}
