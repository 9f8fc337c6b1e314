{#- Whether a query's one first / last pick over all of a person's targets (first_ever,
    last_ever, first_before, last_after) ranks the person's targets by a window and keeps
    the first, with its columns (the nth_ever plan with n = 1), rather than taking the
    smallest or largest place in the person's GROUP BY and fetching that row again by
    activity_id. Several such picks in one query share the GROUP BY whatever this says. -#}
{% macro _ranks_ever_picks() %}
  {{ return(adapter.dispatch('_ranks_ever_picks', 'activity_schema')()) }}
{% endmacro %}

{% macro default___ranks_ever_picks() %}
  {{ return(false) }}
{% endmacro %}

{#- Postgres: building each target's place text and fetching the row cost more than one
    sort of the target rows carrying their columns (1.3x to 1.5x at 1M rows); four picks
    ranked apart made the twelve-join call 12% slower than sharing the GROUP BY. -#}
{% macro postgres___ranks_ever_picks() %}
  {{ return(true) }}
{% endmacro %}
