{#- The activity_id of the first or last row of a window frame, among the rows where
    `condition` holds, in (ts, activity_id) order (within a frame of one lane the rows that
    hold `condition` are targets, all of row_rank 1). `backwards`: the frame's window is
    ordered the other way, so its first row is the last in that order. -#}
{% macro _window_pick(function, condition, over, backwards=false) %}
  {{ return(adapter.dispatch('_window_pick', 'activity_schema')(function, condition, over, backwards)) }}
{% endmacro %}

{% macro default___window_pick(function, condition, over, backwards) -%}
  {%- set reading = {'first_value': 'last_value', 'last_value': 'first_value'}[function] if backwards else function -%}
  {{ activity_schema.window_ignore_nulls(reading, 'case when ' ~ condition ~ ' then activity_id end', over) }}
{%- endmacro %}

{#- Postgres has no `ignore nulls`. The row's place (ts as fixed-width text, then the id;
    compared by code point), picked by min/max: constant work per row, in either direction. -#}
{% macro postgres___window_pick(function, condition, over, backwards) -%}
  substr({{ 'min' if function == 'first_value' else 'max' }}(case when {{ condition }} then {{ activity_schema._place() }} end) over ({{ over }}), 27)
{%- endmacro %}
