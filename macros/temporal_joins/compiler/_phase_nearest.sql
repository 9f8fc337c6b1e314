{#- A join the nearest target answers in a query without a window pass (_nearest_answer):
    each cohort row joined to its nearest target on that side (nearest_row_join: same
    person and match values, ts strictly after / before). The first after or the last
    before is that target; the n-th is n - 1 ranks on from it among the person's targets,
    ranked by a window over the target rows alone (this CTE, for n > 1); a count is that
    target's rank, counted from the cohort row's side. -#}
{% macro _phase_nearest(plan, spec) -%}
  {%- set targets = activity_schema._nearest_targets(plan, spec) -%}
activity_schema_nearest{{ spec.i }}_ranked as (
    select
        {{ (targets.key_columns + ['ts', 'activity_id'] + targets.carried) | join(', ') }},
        {{ activity_schema._target_rank(targets.key_columns, targets.from_last) }} as target_rank
    from {{ targets.rows }} as activity_schema_targets
)
{%- endmacro %}

{#- The joins of a nearest pick onto the cohort rows the select reads straight from the
    stream, and its output columns: {joins, columns}. Joined there, the cohort rows go
    through the nearest-row join once, with their columns, and need no join back by
    activity_id. The pick's columns are null when it lies outside the join's time window
    (the targets are in time order, so the n-th is the only one to check). -#}
{% macro _nearest_values(plan, spec) %}
  {%- set targets = activity_schema._nearest_targets(plan, spec) -%}
  {%- set nearest = 'nearest' ~ spec.i ~ '_target' -%}
  {%- set picked = 'nearest' ~ spec.i if targets.steps else nearest -%}
  {%- set relation = 'activity_schema_nearest' ~ spec.i ~ '_ranked' if targets.ranked else targets.rows -%}
  {%- set keys = [] -%}
  {%- for key in targets.key_columns -%}
    {%- do keys.append([activity_schema._selected_value(plan, targets.cohort_columns[loop.index0]), key]) -%}
  {%- endfor -%}
  {%- set nearest_rows = relation -%}
  {%- if targets.ranked -%}
    {#- Only the nearest target's rank is read: of the targets of one ts, the nearest is the
        lowest rank after the cohort row (the highest counted from the last) and the highest
        before it, so one row per ts does. -#}
    {%- set grouped = (targets.key_columns + ['ts']) | join(', ') -%}
    {%- set lowest = targets.after and not targets.from_last -%}
    {%- set nearest_rows = '(select ' ~ grouped ~ ', ' ~ ('min' if lowest else 'max') ~ '(target_rank) as target_rank from ' ~ relation ~ ' group by ' ~ grouped ~ ')' -%}
  {%- endif -%}
  {%- set joins = [activity_schema.nearest_row_join(nearest_rows, nearest, 'cohort', keys, spec.relation.name, keep_unmatched=true, untied=targets.ranked)] -%}
  {%- if targets.steps -%}
    {%- set on = [] -%}
    {%- for key in targets.key_columns -%}{%- do on.append(picked ~ '.' ~ key ~ ' = ' ~ nearest ~ '.' ~ key) -%}{%- endfor -%}
    {%- do on.append(picked ~ '.target_rank = ' ~ nearest ~ '.target_rank ' ~ ('+' if targets.after else '-') ~ ' ' ~ targets.steps) -%}
    {%- do joins.append('left join ' ~ relation ~ ' as ' ~ picked ~ '\n    on ' ~ on | join('\n   and ')) -%}
  {%- endif -%}
  {%- if targets.counted -%}
    {{ return({'joins': joins, 'columns': [[spec.outputs[0], 'coalesce(' ~ nearest ~ '.target_rank, 0)']]}) }}
  {%- endif -%}
  {%- set columns = [] -%}
  {%- set inside = picked ~ '.ts ' ~ ('<=' if targets.after else '>=') ~ ' ' ~ dbt.dateadd('minute', spec.within if targets.after else -spec.within, 'cohort.ts') if spec.within -%}
  {%- for output, value in activity_schema._carried_columns(plan, spec, picked ~ '.c' ~ spec.set ~ '_', none) -%}
    {%- do columns.append([output, 'case when ' ~ inside ~ ' then ' ~ value ~ ' end' if spec.within else value]) -%}
  {%- endfor -%}
  {{ return({'joins': joins, 'columns': columns}) }}
{% endmacro %}

{#- A nearest join's target rows: {rows (a parenthesised query over the source), key_columns
    (the person and the match values, m<p>), cohort_columns (the cohort row's columns each
    key column matches), carried (a pick's set's columns, c<set>_<k>), steps (ranks on from
    the nearest: n - 1), counted (a count), ranked (the targets need ranks: a count or
    n > 1), from_last (ranks count from the last target: a count after), after}. -#}
{% macro _nearest_targets(plan, spec) %}
  {%- set keys = ['join_key'] -%}
  {%- set cohort_columns = ['join_key'] -%}
  {%- set selected = ['join_key'] -%}
  {%- for p in spec.pairs -%}
    {%- do keys.append('m' ~ p) -%}
    {%- do cohort_columns.append('mc' ~ p) -%}
    {%- do selected.append('mt' ~ p ~ ' as m' ~ p) -%}
  {%- endfor -%}
  {%- set counted = spec.aggregation.kind == 'count' -%}
  {%- set carried = [] -%}
  {%- for column in ([] if counted else plan.sets[spec.set - 1].columns) -%}{%- do carried.append('c' ~ spec.set ~ '_' ~ loop.index) -%}{%- endfor -%}
  {%- set rows = '(select ' ~ (selected + ['ts', 'activity_id'] + carried) | join(', ') ~ ' from activity_schema_source where t' ~ spec.set ~ ' = 1)' -%}
  {%- set steps = 0 if counted else spec.position.n - 1 -%}
  {%- set after = spec.relation.name == 'after' -%}
  {{ return({'rows': rows, 'key_columns': keys, 'cohort_columns': cohort_columns, 'carried': carried, 'steps': steps,
             'counted': counted, 'ranked': counted or steps > 0, 'from_last': counted and after, 'after': after}) }}
{% endmacro %}
