{#- The stream contract's columns in order, plus activity_occurrence and
    activity_repeated_at per (activity, person) in (ts, activity_id) order so that ties
    resolve the same way on every run. The person is _person_key: an incremental run
    recomputes exactly the partitions it touched. -#}
{% macro _with_occurrence(relation) -%}
  {%- set person_window = "partition by activity, " ~ activity_schema._person_key() ~ " order by ts, " ~ activity_schema.binary_order('activity_id') -%}
  select
      {{ activity_schema._stream_contract_columns() | join(', ') }},
      row_number() over ({{ person_window }}) as activity_occurrence,
      lead(ts) over ({{ person_window }}) as activity_repeated_at
  from {{ relation }}
{%- endmacro %}

