{#- The window frames of a lane: its rows partitioned by `partition` (the person, and the
    match values of a match lane) and ordered by `order` ((ts or its microseconds),
    row_rank, activity_id). Every frame is read through a set function (count, sum, min,
    max, ...) or a window pick told the frame's direction (`after_backwards`), so a frame
    may be written in either direction. `before` holds the rows of earlier ts (or
    microseconds) than the current row's, whatever their rank: read only where the lane
    folds its before probe (folds_before_probe of _plan_choices). -#}
{% macro _person_frames(partition, order) %}
  {{ return(adapter.dispatch('_person_frames', 'activity_schema')(partition, order)) }}
{% endmacro %}

{% macro default___person_frames(partition, order) %}
  {%- set person_order = "partition by " ~ partition ~ " order by " ~ order | join(', ') -%}
  {{ return({
      'ever': person_order ~ " rows between unbounded preceding and unbounded following",
      'after': person_order ~ " rows between 1 following and unbounded following",
      'after_backwards': false,
      'up_to_here': person_order ~ " rows between unbounded preceding and current row",
      'before': "partition by " ~ partition ~ " order by " ~ order[0] ~ " groups between unbounded preceding and 1 preceding"}) }}
{% endmacro %}

{#- Postgres re-aggregates a frame whose start moves, unless the aggregate can be undone
    (count can, min/max/float sums cannot): quadratic for a person with many rows. -#}
{% macro postgres___person_frames(partition, order) %}
  {{ return(activity_schema._growing_after_frames(partition, order)) }}
{% endmacro %}

{#- Spark re-aggregates a frame that ends at unbounded following for every row: 40,000
    rows of one person took 66 s for a first_value, against 0.4 s read backwards. -#}
{% macro spark___person_frames(partition, order) %}
  {{ return(activity_schema._growing_after_frames(partition, order)) }}
{% endmacro %}

{#- The same rows as "1 following .. unbounded following", read backwards, make a growing
    frame, at the cost of a second sort of the lane's rows. -#}
{% macro _growing_after_frames(partition, order) %}
  {%- set frames = activity_schema.default___person_frames(partition, order) -%}
  {%- set backwards = [] -%}
  {%- for key in order -%}{%- do backwards.append(key ~ ' desc') -%}{%- endfor -%}
  {%- do frames.update({'after': "partition by " ~ partition ~ " order by " ~ backwards | join(', ') ~ " rows between unbounded preceding and 1 preceding",
                        'after_backwards': true}) -%}
  {{ return(frames) }}
{% endmacro %}
