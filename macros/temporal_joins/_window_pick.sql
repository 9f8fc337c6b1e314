{#- The `value` (ts or activity_id) of the first or last row of a frame, in the order
    (ts, row_rank, activity_id), among the rows where `condition` holds. -#}
{% macro _window_pick(function, condition, value, over) %}
  {{ return(adapter.dispatch('_window_pick', 'activity_schema')(function, condition, value, over)) }}
{% endmacro %}

{% macro default___window_pick(function, condition, value, over) -%}
  {{ activity_schema.window_ignore_nulls(function, 'case when ' ~ condition ~ ' then ' ~ value ~ ' end', over) }}
{%- endmacro %}

{#- Postgres has no `ignore nulls`. The row's place in the order, written as text that sorts
    the same way (fixed-width ts, rank digit, activity_id; compared bytewise), picked by
    min/max: one pass and constant work per row, whatever the frame. -#}
{% macro postgres___window_pick(function, condition, value, over) -%}
  {%- set ts_width = 26 -%}
  {%- set place = activity_schema.binary_order("to_char(ts, 'YYYY-MM-DD HH24:MI:SS.US') || row_rank::text || activity_id") -%}
  {%- set picked = ('min' if function == 'first_value' else 'max') ~ "(case when " ~ condition ~ " then " ~ place ~ " end) over (" ~ over ~ ")" -%}
  {%- if value == 'ts' -%}
    substr({{ picked }}, 1, {{ ts_width }})::timestamp
  {%- elif value == 'activity_id' -%}
    substr({{ picked }}, {{ ts_width + 2 }})
  {%- else -%}
    {{ exceptions.raise_compiler_error("_window_pick picks ts or activity_id, not " ~ value) }}
  {%- endif -%}
{%- endmacro %}
