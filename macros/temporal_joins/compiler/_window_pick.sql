{#- The activity_id of the first or last row of a window frame, among the rows where
    `condition` holds, in (ts, activity_id) order (within a frame of one lane the rows that
    hold `condition` are targets, all of row_rank 1). -#}
{% macro _window_pick(function, condition, over) %}
  {{ return(adapter.dispatch('_window_pick', 'activity_schema')(function, condition, over)) }}
{% endmacro %}

{% macro default___window_pick(function, condition, over) -%}
  {{ activity_schema.window_ignore_nulls(function, 'case when ' ~ condition ~ ' then activity_id end', over) }}
{%- endmacro %}

{#- Postgres has no `ignore nulls`. The row's place (ts as fixed-width text, then the id;
    compared by code point), picked by min/max: constant work per row, whatever the frame's
    direction. -#}
{% macro postgres___window_pick(function, condition, over) -%}
  substr({{ 'min' if function == 'first_value' else 'max' }}(case when {{ condition }} then {{ activity_schema._place() }} end) over ({{ over }}), 27)
{%- endmacro %}
