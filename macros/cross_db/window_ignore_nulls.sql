{#- A navigation window function (first_value, last_value, lead, lag) that skips nulls.
    `over` is the window specification without the surrounding parentheses. -#}
{% macro window_ignore_nulls(function, expression, over) %}
  {{ return(adapter.dispatch('window_ignore_nulls', 'activity_schema')(function, expression, over)) }}
{% endmacro %}

{#- SQL:2011 places the null treatment after the call. -#}
{% macro default__window_ignore_nulls(function, expression, over) -%}
  {{ function }}({{ expression }}) ignore nulls over ({{ over }})
{%- endmacro %}

{#- DuckDB only accepts it inside the call. -#}
{% macro duckdb__window_ignore_nulls(function, expression, over) -%}
  {{ function }}({{ expression }} ignore nulls) over ({{ over }})
{%- endmacro %}

{% macro bigquery__window_ignore_nulls(function, expression, over) -%}
  {{ function }}({{ expression }} ignore nulls) over ({{ over }})
{%- endmacro %}

{#- Postgres has no null treatment, and emulating it per frame (array_agg) is quadratic in
    the frame; the temporal joins pick rows by min/max over a sortable key instead. The
    error comes when a model using it compiles, not while dbt parses, so that a project
    whose model is disabled or excluded on Postgres still parses. -#}
{% macro postgres__window_ignore_nulls(function, expression, over) -%}
  {%- if execute -%}
  {{ exceptions.raise_compiler_error("window_ignore_nulls: Postgres has no `ignore nulls` in window functions; pick by min/max over a sortable key instead (see _window_pick)") }}
  {%- endif -%}
{%- endmacro %}

{#- Spark 3.2+ takes the null treatment after the call, like SQL:2011. -#}
{% macro spark__window_ignore_nulls(function, expression, over) -%}
  {{ function }}({{ expression }}) ignore nulls over ({{ over }})
{%- endmacro %}
