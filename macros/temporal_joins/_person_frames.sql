{#- The window frames of the temporal join, over one person's rows ordered by
    (ts, row_rank, activity_id). Every join reads a frame only through a set function
    (count, sum, min, max, or a pick of the first/last row in order), so a frame may be
    written in either direction. -#}
{% macro _person_frames() %}
  {{ return(adapter.dispatch('_person_frames', 'activity_schema')()) }}
{% endmacro %}

{% macro default___person_frames() %}
  {%- set person_order = "partition by join_key order by ts, row_rank, " ~ activity_schema.binary_order('activity_id') -%}
  {{ return({
      'ever': person_order ~ " rows between unbounded preceding and unbounded following",
      'before': person_order ~ " rows between unbounded preceding and 1 preceding",
      'after': person_order ~ " rows between 1 following and unbounded following",
      'up_to_here': person_order ~ " rows between unbounded preceding and current row"}) }}
{% endmacro %}

{#- Postgres re-aggregates a frame whose start moves, unless the aggregate can be undone
    (count can, min/max/float sums cannot): quadratic for a person with many rows. The same
    rows as "1 following .. unbounded following", read backwards, make a growing frame. -#}
{% macro postgres___person_frames() %}
  {%- set frames = activity_schema.default___person_frames() -%}
  {%- do frames.update({'after': "partition by join_key order by ts desc, row_rank desc, " ~ activity_schema.binary_order('activity_id') ~ " desc rows between unbounded preceding and 1 preceding"}) -%}
  {{ return(frames) }}
{% endmacro %}
