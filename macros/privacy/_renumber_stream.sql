{#- After rows left a stream (erasure, retention), the rows that stay get their
    activity_occurrence and activity_repeated_at recomputed, over the partitions `scope`
    selects (a condition on the stream's rows); only rows whose values change are written. -#}
{% macro _renumber_stream(relation, scope) %}
  {%- set stream = relation.include(database=false, schema=false) -%}
  {%- set person_window = "partition by activity, " ~ activity_schema._person_key() ~ " order by ts, " ~ activity_schema.binary_order('activity_id') -%}
  update {{ relation }}
  set activity_occurrence = renumbered.activity_occurrence,
      activity_repeated_at = renumbered.activity_repeated_at
  from (
      select
          activity_id,
          row_number() over ({{ person_window }}) as activity_occurrence,
          lead(ts) over ({{ person_window }}) as activity_repeated_at
      from {{ relation }}
      where {{ scope }}
  ) as renumbered
  where {{ stream }}.activity_id = renumbered.activity_id
    and ({{ stream }}.activity_occurrence <> renumbered.activity_occurrence
         or {{ stream }}.activity_repeated_at is distinct from renumbered.activity_repeated_at)
{% endmacro %}
