{#- Two relations hold the same multiset of rows over the expected relation's columns.
    Each failing row is a row whose count differs, with both counts. -#}
{% test equal_rowsets(model, expected) %}
  {%- set columns = adapter.get_columns_in_relation(expected) | map(attribute='name') | list if execute else [] -%}
  {%- if execute and not columns -%}
    {{ exceptions.raise_compiler_error("equal_rowsets: expected relation " ~ expected ~ " does not exist or has no columns") }}
  {%- endif -%}
  {%- set column_list = columns | join(', ') -%}
  with both_sides as (
      select {{ column_list }}, 1 as in_model, 0 as in_expected from {{ model }}
      union all
      select {{ column_list }}, 0 as in_model, 1 as in_expected from {{ expected }}
  )
  select {{ column_list }}, sum(in_model) as model_rows, sum(in_expected) as expected_rows
  from both_sides
  group by {{ column_list }}
  having sum(in_model) <> sum(in_expected)
{% endtest %}
