{#- A join clause pairing each row of `left` with the one row of `relation` (as `alias`)
    of equal `keys` nearest to it in (ts, activity_id) order on one side: with `direction`
    'before' the last row strictly before the left row's ts, with 'after' the first row
    strictly after it. A key is a column both sides have, or a pair [SQL over the left row,
    the right column]. A left row without one drops out, or with `keep_unmatched` is kept
    with nulls. With `untied` the relation holds one row per keys and ts (its ties already
    broken), so ts alone orders it. Returns none on a warehouse without an exact
    nearest-row join: callers use a window pass instead. -#}
{% macro nearest_row_join(relation, alias, left, keys, direction, keep_unmatched=false, untied=false) %}
  {%- if direction not in ['before', 'after'] -%}
    {{ exceptions.raise_compiler_error("nearest_row_join: direction must be 'before' or 'after', got " ~ (direction | tojson)) }}
  {%- endif -%}
  {{ return(adapter.dispatch('nearest_row_join', 'activity_schema')(relation, alias, left, keys, direction, keep_unmatched, untied)) }}
{% endmacro %}

{% macro default__nearest_row_join(relation, alias, left, keys, direction, keep_unmatched, untied) %}
  {{ return(none) }}
{% endmacro %}

{#- DuckDB: an ASOF join, a merge over both sides sorted by the keys and the order key. The
    right row's order key is (ts, 1, activity_id) before and (ts, 0, activity_id) after; the
    left row's is (ts, 0, '') and (ts, 1, ''), so no right row of the left row's own ts
    qualifies and ties on ts go by activity_id, as in the window pass. An untied relation is
    compared on ts alone: on a large right side the struct made the join about 1.3x slower. -#}
{% macro duckdb__nearest_row_join(relation, alias, left, keys, direction, keep_unmatched, untied) %}
  {%- set on = [] -%}
  {%- for key in keys -%}
    {%- set pair = [left ~ '.' ~ key, key] if key is string else key -%}
    {%- do on.append(pair[0] ~ ' = ' ~ alias ~ '.' ~ pair[1]) -%}
  {%- endfor -%}
  {%- set before = direction == 'before' -%}
  {%- if untied -%}
    {%- set left_key, right_key = left ~ '.ts', alias ~ '.ts' -%}
  {%- else -%}
    {%- set left_key = 'struct_pack(k1 := ' ~ left ~ '.ts, k2 := ' ~ (0 if before else 1) ~ ", k3 := '')" -%}
    {%- set right_key = 'struct_pack(k1 := ' ~ alias ~ '.ts, k2 := ' ~ (1 if before else 0) ~ ', k3 := ' ~ activity_schema.binary_order(alias ~ '.activity_id') ~ ')' -%}
  {%- endif -%}
  {%- do on.append(left_key ~ (' > ' if before else ' < ') ~ right_key) -%}
  {{ return(('asof left join ' if keep_unmatched else 'asof join ') ~ relation ~ ' as ' ~ alias ~ '\n    on ' ~ on | join('\n   and ')) }}
{% endmacro %}
