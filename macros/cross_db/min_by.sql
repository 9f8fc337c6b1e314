{#- An aggregate: the value of `value` at the row with the smallest `order_by` (expressions
    compared in turn) among the rows where `condition` holds, or with `descending` the
    largest; that row's value even when it is null, and null when no row qualifies. Returns
    none on a warehouse without an exact form of it: callers find the row's id instead and
    fetch the row. -#}
{% macro min_by(value, order_by, condition='true', descending=false) %}
  {{ return(adapter.dispatch('min_by', 'activity_schema')(value, order_by, condition, descending)) }}
{% endmacro %}

{% macro default__min_by(value, order_by, condition, descending) %}
  {{ return(none) }}
{% endmacro %}

{#- DuckDB: arg_min / arg_max skip rows whose value is null, so the value rides boxed;
    rows outside `condition` get a null key, which they skip. -#}
{% macro duckdb__min_by(value, order_by, condition, descending) %}
  {%- set keys = [] -%}
  {%- for expression in order_by -%}{%- do keys.append('k' ~ loop.index ~ ' := ' ~ expression) -%}{%- endfor -%}
  {{ return('(arg_' ~ ('max' if descending else 'min') ~ '(' ~ activity_schema.boxed(value) ~ ', case when ' ~ condition
            ~ ' then struct_pack(' ~ keys | join(', ') ~ ') end)).v') }}
{% endmacro %}

{#- Spark: min_by / max_by skip rows whose ordering is null and keep the value of the row they
    pick even when it is null; structs compare field by field. The value rides boxed all the
    same, so a null value and no row stay told apart in the plan. -#}
{% macro spark__min_by(value, order_by, condition, descending) %}
  {%- set keys = [] -%}
  {%- for expression in order_by -%}{%- do keys.extend(["'k" ~ loop.index ~ "'", expression]) -%}{%- endfor -%}
  {{ return(('max' if descending else 'min') ~ '_by(' ~ activity_schema.boxed(value) ~ ', case when ' ~ condition
            ~ ' then named_struct(' ~ keys | join(', ') ~ ') end).v') }}
{% endmacro %}
