-- Disabled: the macros refuse listagg_distinct on aggregate_after joins at compile time ("cannot
-- be computed exactly in one pass"), which the documented semantics do not restrict. Enable it
-- once they accept the join (and drop the execute guard, which keeps dbt's parse from calling
-- the macro) or the semantics exclude it.
-- Same stream as dataset_aggregations (sessions g01 09:00, g06 10:00, g08 10:45, g09 11:00). Colors
-- of the buys after each session, each once at its first occurrence:
--   g01: g03 red, g04 blue, g05 red, g07 green -> red,blue,green; g06: g07 green -> green;
--   g08, g09: only g10, which has no color -> null.
{{ config(enabled=false) }}
{%- if execute %}
{{ activity_schema.temporal_join(
    stream=ref('dataset_stream'),
    cohort_activity='g_session',
    target_activity='g_buy',
    join_type='aggregate_after',
    aggregation='listagg_distinct',
    columns=['color'],
) }}
{%- endif %}
