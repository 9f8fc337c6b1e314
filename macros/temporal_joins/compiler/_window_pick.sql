{#- The activity_id of the first or last row of a window frame, among the rows where
    `condition` holds, in (ts, activity_id) order (within a frame of one lane the rows that
    hold `condition` are targets, all of row_rank 1). With `value`, that row's value of it,
    null when the row's value is: only where the warehouse has `boxed`, as `ignore nulls`
    would skip such a row. `backwards`: the frame's window is ordered the other way, so its
    first row is the last in that order. -#}
{% macro _window_pick(function, condition, over, backwards=false, value='activity_id') %}
  {%- if value != 'activity_id' and activity_schema.boxed(value) is none -%}
    {{ exceptions.raise_compiler_error("_window_pick: this warehouse picks a row's activity_id only (a value may be null, which ignore nulls would skip); fetch the row by it") }}
  {%- endif -%}
  {{ return(adapter.dispatch('_window_pick', 'activity_schema')(function, condition, over, backwards, value)) }}
{% endmacro %}

{% macro default___window_pick(function, condition, over, backwards, value) -%}
  {%- set reading = {'first_value': 'last_value', 'last_value': 'first_value'}[function] if backwards else function -%}
  {%- if value == 'activity_id' -%}
  {{ activity_schema.window_ignore_nulls(reading, 'case when ' ~ condition ~ ' then activity_id end', over) }}
  {%- else -%}
  ({{ activity_schema.window_ignore_nulls(reading, 'case when ' ~ condition ~ ' then ' ~ activity_schema.boxed(value) ~ ' end', over) }}).v
  {%- endif -%}
{%- endmacro %}

{#- Postgres has no `ignore nulls`. The row's place (ts as fixed-width text, then the id;
    compared by code point), picked by min/max: constant work per row, in either direction. -#}
{% macro postgres___window_pick(function, condition, over, backwards, value) -%}
  substr({{ 'min' if function == 'first_value' else 'max' }}(case when {{ condition }} then {{ activity_schema._place() }} end) over ({{ over }}), 27)
{%- endmacro %}
