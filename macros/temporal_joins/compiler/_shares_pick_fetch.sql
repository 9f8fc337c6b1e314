{#- Whether the joins of one GROUP BY that pick the same row (_same_pick) fetch it from the
    stream once, each checked one then checking it in its columns, rather than one fetch per
    join with its check in the join's condition. -#}
{% macro _shares_pick_fetch() %}
  {{ return(adapter.dispatch('_shares_pick_fetch', 'activity_schema')()) }}
{% endmacro %}

{#- DuckDB: two fetches fewer made the twelve-join call slower (3.45 s against 2.20 s at 1M
    rows), as its join order then builds the fetches' hash tables on the cohort rows
    instead of the picked rows (with that optimizer off the shared fetch is the faster,
    2.50 s against 2.76 s); the other warehouses are unmeasured. -#}
{% macro default___shares_pick_fetch() %}
  {{ return(false) }}
{% endmacro %}

{#- Postgres: 10.4 s instead of 12.2 s for the twelve-join call at 1M rows. -#}
{% macro postgres___shares_pick_fetch() %}
  {{ return(true) }}
{% endmacro %}
