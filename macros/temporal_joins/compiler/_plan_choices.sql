{#- The plan choices a warehouse makes where the faster plan was measured to differ:
    - ranks_ever_picks: a query's one first / last pick over all of a person's targets
      (first_ever, last_ever, first_before, last_after) ranks the person's targets by a
      window and keeps the first, with its columns (the nth_ever plan with n = 1), rather
      than taking the smallest or largest place in the person's GROUP BY and fetching that
      row again by activity_id. Several such picks in one query share the GROUP BY anyway.
    - folds_before_probe: a window pass that reads a cohort row both before and after its ts
      (a before join and an after or in-between join in one lane) reads the before side from
      the rank-2 probe through the frame of the rows of earlier ts (`before` of
      _person_frames, a GROUPS frame), instead of a second, rank-0 probe row per cohort row
      joined back by activity_id. Rows of equal ts come in no set order within that frame,
      so a warehouse that folds must pick rows by something that does not depend on it
      (Postgres: min / max of the place).
    - shares_pick_fetch: the joins of one GROUP BY that pick the same row (_same_pick) fetch
      it from the stream once, each checked one then checking it in its columns, rather
      than one fetch per join with its check in the join's condition.
    - carries_lane_picks: in a query with a window pass, first / last picks carry the picked
      row's columns through their pass (min_by in a GROUP BY, _window_pick of each column in
      the window pass) rather than finding its activity_id and fetching it from the stream.
      A query without a window pass carries them wherever min_by exists.
    - left_joins_selected: the select joins each selected cohort row to its probe rows in
      other passes and to its stream row with left joins, which find one row each as inner
      joins do, rather than with inner joins.
    - ever_in_lane: in a query whose main window pass holds an ever join's targets, the
      join's counts, aggregates and first / last places are taken there, over the person's
      whole partition, rather than by a GROUP BY of the person's targets joined back on the
      person (picks that min_by carries keep the GROUP BY). -#}
{% macro _plan_choices() %}
  {{ return(adapter.dispatch('_plan_choices', 'activity_schema')()) }}
{% endmacro %}

{#- Snowflake, BigQuery and Spark have no GROUPS frames; their other choices are unmeasured. -#}
{% macro default___plan_choices() %}
  {{ return({'ranks_ever_picks': false, 'folds_before_probe': false, 'shares_pick_fetch': false,
             'carries_lane_picks': false, 'left_joins_selected': false, 'ever_in_lane': false}) }}
{% endmacro %}

{#- DuckDB, at 1M rows: a GROUPS frame costs it another sort (the twelve-join call 2.51 s
    against 2.40 s) while its join of the two probes is a cheap hash join. It guessed a few
    thousand selected rows for the 600k there were, once inner joins to their probe and
    stream rows were ordered first, and built each fetch's hash table on them (a ten-join
    call 3.4 s, 2.1 s with its build_side_probe_side optimizer off). With the picks carried
    and those joins left joins, that call takes 2.1 s and window-pass calls of five to ten
    joins run 1.3x to 1.7x faster; the twelve-join call is unchanged. Its GROUP BY of the
    ever joins costs less than their window columns (the twelve-join call 2.18 s against
    2.45 s with them in the window pass). -#}
{% macro duckdb___plan_choices() %}
  {{ return({'ranks_ever_picks': false, 'folds_before_probe': false, 'shares_pick_fetch': false,
             'carries_lane_picks': true, 'left_joins_selected': true, 'ever_in_lane': false}) }}
{% endmacro %}

{#- Postgres, at 1M rows: building each target's place text and fetching the row cost more
    than one sort of the target rows carrying their columns (1.3x to 1.5x; four picks ranked
    apart made the twelve-join call 12% slower than sharing the GROUP BY); the probe join on
    activity_id was guessed at billions of rows and its sorts took a quarter of the
    twelve-join call (folded, 12.9 s instead of 20.3 s); one fetch per picked row took it
    from 12.2 s to 10.4 s; taking the ever joins in the window pass, which drops their
    GROUP BY and the sort of the cohort rows by person that merged it back, from 11.7 s
    to 10.5 s. -#}
{% macro postgres___plan_choices() %}
  {{ return({'ranks_ever_picks': true, 'folds_before_probe': true, 'shares_pick_fetch': true,
             'carries_lane_picks': false, 'left_joins_selected': false, 'ever_in_lane': true}) }}
{% endmacro %}
