{#- A join clause pairing each row of `left` with the one row of `relation` (as `alias`)
    of equal `keys` that comes last in (ts, activity_id) order among the rows strictly
    before the left row's ts; a left row without one drops out. Returns none on a
    warehouse without an exact nearest-row join: callers number the rows with a window
    pass instead. -#}
{% macro latest_before_join(relation, alias, left, keys) %}
  {{ return(adapter.dispatch('latest_before_join', 'activity_schema')(relation, alias, left, keys)) }}
{% endmacro %}

{% macro default__latest_before_join(relation, alias, left, keys) %}
  {{ return(none) }}
{% endmacro %}

{#- DuckDB: an ASOF join, a merge over both sides sorted by the keys and the order key. The
    order key is (ts, activity_id); the left row's is (ts, ''), which every right row of the
    same ts passes, so ties on ts go the way of the window pass: by activity_id, and never
    to a row of the left row's own ts. -#}
{% macro duckdb__latest_before_join(relation, alias, left, keys) %}
  {%- set on = [] -%}
  {%- for key in keys -%}{%- do on.append(left ~ '.' ~ key ~ ' = ' ~ alias ~ '.' ~ key) -%}{%- endfor -%}
  {%- do on.append("struct_pack(k1 := " ~ left ~ ".ts, k2 := '') > struct_pack(k1 := " ~ alias ~ ".ts, k2 := "
                   ~ activity_schema.binary_order(alias ~ '.activity_id') ~ ')') -%}
  {{ return('asof join ' ~ relation ~ ' as ' ~ alias ~ '\n    on ' ~ on | join('\n   and ')) }}
{% endmacro %}
