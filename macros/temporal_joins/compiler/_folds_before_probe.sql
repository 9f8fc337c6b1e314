{#- Whether a window pass that reads a cohort row both before and after its ts (a before
    join and an after or in-between join in one lane) reads the before side from the rank-2
    probe through a frame of the rows of earlier ts (`before` of _person_frames, a GROUPS
    frame), instead of a second, rank-0 probe row per cohort row joined back by activity_id.
    Within that frame rows of equal ts come in no set order, so a warehouse that folds must
    pick rows by something that does not depend on it (Postgres: min / max of the place). -#}
{% macro _folds_before_probe() %}
  {{ return(adapter.dispatch('_folds_before_probe', 'activity_schema')()) }}
{% endmacro %}

{% macro default___folds_before_probe() %}
  {{ return(false) }}
{% endmacro %}

{#- Postgres: the probe join on activity_id was guessed at billions of rows and its sorts
    took a quarter of the twelve-join call; folded, the call took 12.9 s instead of 20.3 s at
    1M rows. DuckDB's hash join on activity_id is cheap and its GROUPS frame costs another
    sort (2.51 s against 2.40 s), and Snowflake, BigQuery and Spark have no GROUPS frames. -#}
{% macro postgres___folds_before_probe() %}
  {{ return(true) }}
{% endmacro %}
