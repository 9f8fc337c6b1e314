{#- Ordered string aggregation. -#}
{% macro string_agg(expression, delimiter, order_by) %}
  {{ return(adapter.dispatch('string_agg', 'activity_schema')(expression, delimiter, order_by)) }}
{% endmacro %}

{% macro default__string_agg(expression, delimiter, order_by) -%}
  string_agg({{ expression }}, '{{ delimiter }}' order by {{ order_by }})
{%- endmacro %}

{% macro snowflake__string_agg(expression, delimiter, order_by) -%}
  listagg({{ expression }}, '{{ delimiter }}') within group (order by {{ order_by }})
{%- endmacro %}

{#- Spark 3.5 has no ordered string_agg: sort (order key, value) structs of the non-null
    values, then join; null when there are none, like string_agg. -#}
{% macro spark__string_agg(expression, delimiter, order_by) -%}
  case when count({{ expression }}) > 0 then array_join(transform(array_sort(collect_list(case when ({{ expression }}) is not null then named_struct('k', {{ order_by }}, 'v', {{ expression }}) end)), x -> x.v), '{{ delimiter }}') end
{%- endmacro %}
