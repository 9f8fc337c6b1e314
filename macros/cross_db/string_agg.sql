{#- Ordered string aggregation of the non-null values; null when there are none.
    `order_by` is a list of expressions (or one), ascending. -#}
{% macro string_agg(expression, delimiter, order_by) %}
  {%- set order_by = [order_by] if order_by is string else order_by -%}
  {{ return(adapter.dispatch('string_agg', 'activity_schema')(expression, activity_schema.string_literal(delimiter), order_by)) }}
{% endmacro %}

{% macro default__string_agg(expression, delimiter, order_by) -%}
  string_agg({{ expression }}, {{ delimiter }} order by {{ order_by | join(', ') }})
{%- endmacro %}

{#- Snowflake's listagg gives '' for no values. -#}
{% macro snowflake__string_agg(expression, delimiter, order_by) -%}
  case when count({{ expression }}) > 0 then listagg({{ expression }}, {{ delimiter }}) within group (order by {{ order_by | join(', ') }}) end
{%- endmacro %}

{#- Spark 3.5 has no ordered string_agg: sort (order keys, value) structs of the non-null
    values, then join. -#}
{% macro spark__string_agg(expression, delimiter, order_by) -%}
  case when count({{ expression }}) > 0 then array_join(transform(array_sort(collect_list(case when ({{ expression }}) is not null then named_struct({% for key in order_by %}'k{{ loop.index }}', {{ key }}, {% endfor %}'v', {{ expression }}) end)), x -> x.v), {{ delimiter }}) end
{%- endmacro %}
