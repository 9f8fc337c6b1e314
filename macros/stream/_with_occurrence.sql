{#- A stream's columns in order (_stream_columns): activity_occurrence and
    activity_repeated_at per (activity, person) in (ts, activity_id) order so that ties
    resolve the same way on every run. The person is _person_key: customer and anonymous
    ids never share a count, and a row without a person (all ids null or blank) has no
    occurrence. An incremental run recomputes exactly the (activity, person) partitions
    it touched. -#}
{% macro _with_occurrence(relation) -%}
  {%- set person_window = "partition by activity, activity_schema_person order by ts, " ~ activity_schema.binary_order('activity_id') -%}
  select
      {{ activity_schema._stream_contract_columns() | join(', ') }},
      case when activity_schema_person is not null then row_number() over ({{ person_window }}) end as activity_occurrence,
      case when activity_schema_person is not null then lead(ts) over ({{ person_window }}) end as activity_repeated_at,
      source_key
  from (
      select *, {{ activity_schema._person_key() }} as activity_schema_person
      from {{ relation }}
  ) as activity_schema_people
{%- endmacro %}
