{#- The GROUP BY passes: in-between segments, and every target of a person (ever joins).
    One per distinct match list; match values join the group key. -#}

{#- A segment holds the targets after one cohort row of the person up to the next (its
    cohort_occurrence in the main lane, or its owner's segment_id), cut by the join's time
    window from the segment's cohort ts. First / last picks take the segment's smallest /
    largest target; nth picks its smallest / largest rank n<set>, since ranks within a
    segment are consecutive. An nth pick under a match needs ranks within the match
    values: a second window over the target rows. -#}
{% macro _phase_segments(plan, group) -%}
  {%- set G = 'activity_schema_segments' ~ group.id -%}
  {%- set rows = activity_schema._segment_source(plan) -%}
  {%- set keys = rows.key_columns | map('first') | list + activity_schema._group_target_parts(group) -%}
  {%- set ranked = [] -%}
  {%- for spec in group.specs if spec.aggregation.kind == 'pick' and spec.position.n > 1 and group.pairs -%}
    {%- do ranked.append(spec) -%}
  {%- endfor -%}
  {%- set source = G ~ '_ranked' if ranked else rows.relation -%}
{%- if ranked %}
{{ G }}_ranked as (
    select
        activity_schema_lane0_windows.*
        {%- for spec in ranked %}
        , count(case when t{{ spec.set }} = 1 then 1 end) over (
              partition by {{ (['join_key'] + activity_schema._group_target_parts(group)) | join(', ') }}
              order by ts, {{ activity_schema.binary_order('activity_id') }}
              rows between unbounded preceding and current row) as j{{ spec.i }}_rank
        {%- endfor %}
    from activity_schema_lane0_windows
    where {{ activity_schema._rank_condition('', 1, []) }}
),
{%- endif %}

{{ G }} as (
    select
        {{ keys | join(', ') }}
        {%- for spec in group.specs %}
        {%- set admitted = activity_schema._segment_admitted(plan, spec) %}
        {%- set kind = spec.aggregation.kind %}
        {%- if kind in ['count', 'exists'] %}
        , count(case when {{ admitted }} then 1 end) as j{{ spec.i }}_count
        {%- elif kind == 'pick' and spec.position.n == 1 %}
        {%- for value, name in activity_schema._group_pick(plan, spec, admitted) %}
        , {{ value }} as {{ name }}
        {%- endfor %}
        {%- elif kind == 'pick' %}
        {%- set rank = 'j' ~ spec.i ~ '_rank' if spec in ranked else 'n' ~ spec.set %}
        , min(case when {{ admitted }} then {{ rank }} end) as j{{ spec.i }}_lo
        , max(case when {{ admitted }} then {{ rank }} end) as j{{ spec.i }}_hi
        {%- else %}
        {%- for output, column in spec.columns %}
        , {{ activity_schema._group_aggregate(spec, loop.index, admitted) }} as j{{ spec.i }}_a{{ loop.index }}
        {%- endfor %}
        {%- endif %}
        {%- endfor %}
    from {{ source }}
    where {{ activity_schema._segment_rows_where(rows, [activity_schema._any_set_flag(group.specs | map(attribute='set') | unique | list)], ranked | length > 0) }}
    group by {{ keys | join(', ') }}
)
{%- for spec in group.specs if spec.aggregation.kind == 'concat_distinct' %}
{%- for output, column in spec.columns %},
{{ activity_schema._distinct_list(G ~ '_j' ~ spec.i ~ '_list' ~ loop.index, source, activity_schema._segment_rows_where(rows, ['t' ~ spec.set], ranked | length > 0) ~ ' and ' ~ activity_schema._segment_admitted(plan, spec), keys, spec, loop.index, activity_schema._place() if plan.segment_owners else 'n' ~ spec.set) }}
{%- endfor %}
{%- endfor %}
{%- endmacro %}

{#- The target rows of every in-between join, each with its segment's owner: the latest
    cohort row of the person before it (segment_id, and its ts as segment_ts). Of a
    person's cohort rows of equal ts only the last in activity_id order owns a segment
    (the others' are empty), so the owners are untied first. -#}
{% macro _phase_segment_rows(plan) -%}
  {%- set sets = [] -%}
  {%- for spec in plan.specs if spec.relation.plan == 'segment' and spec.set not in sets -%}{%- do sets.append(spec.set) -%}{%- endfor -%}
  {%- set owners = '(select join_key, ts, max(' ~ activity_schema.binary_order('activity_id') ~ ') as activity_id from activity_schema_source where '
                   ~ activity_schema._cohort_filter_sql(plan) ~ ' group by join_key, ts)' -%}
activity_schema_segment_rows as (
    select activity_schema_source.*, segment_owner.activity_id as segment_id, segment_owner.ts as segment_ts
    from activity_schema_source
    {{ activity_schema.nearest_row_join(owners, 'segment_owner', 'activity_schema_source', ['join_key'], 'before', untied=true) }}
    where {{ activity_schema._set_filters(plan, sets) | join(' or ') }}
)
{%- endmacro %}

{#- Where segments read their target rows: the relation, the condition on its rank that keeps
    target rows (none when it holds target rows alone), the columns that are positive on
    rows inside a segment, and the GROUP BY keys, each with the column of the selected
    cohort row it joins. -#}
{% macro _segment_source(plan) %}
  {%- if plan.segment_owners -%}
    {{ return({'relation': 'activity_schema_segment_rows', 'rank': none, 'inside': [], 'key_columns': [['segment_id', 'activity_id']]}) }}
  {%- endif -%}
  {{ return({'relation': 'activity_schema_lane0_windows', 'rank': activity_schema._rank_condition('', 1, []), 'inside': ['cohort_occurrence'],
             'key_columns': [['join_key', 'join_key'], ['cohort_occurrence', 'cohort_occurrence']]}) }}
{% endmacro %}

{#- The where clause that keeps a segment source's target rows inside a segment and where
    `flags` are positive; `ranked`: read from the segments' rank pass, which holds target
    rows alone. -#}
{% macro _segment_rows_where(rows, flags, ranked) %}
  {%- set conditions = [rows.rank] if rows.rank and not ranked else [] -%}
  {%- do conditions.append(activity_schema._all_positive(rows.inside + flags)) -%}
  {{ return(conditions | join(' and ')) }}
{% endmacro %}

{#- Whether a row is in any of `sets`, as one number: its largest flag. -#}
{% macro _any_set_flag(sets) %}
  {%- set flags = [] -%}
  {%- for s in sets -%}{%- do flags.append('t' ~ s) -%}{%- endfor -%}
  {{ return(flags[0] if flags | length == 1 else 'greatest(' ~ flags | join(', ') ~ ')') }}
{% endmacro %}

{#- `values` (never null) all positive, as one inequality. Postgres guesses a third of a
    pass's rows for each inequality it cannot estimate, so filters ANDed one by one
    compound to an estimate of a few rows, and then to nested loops over whole passes. -#}
{% macro _all_positive(values) %}
  {{ return((values[0] if values | length == 1 else 'least(' ~ values | join(', ') ~ ')') ~ ' > 0') }}
{% endmacro %}

{#- A target counts for its segment's join when it is in the join's set and its time window,
    and for a period before the period's end. -#}
{% macro _segment_admitted(plan, spec) %}
  {%- set conditions = ['t' ~ spec.set ~ ' = 1'] -%}
  {%- if plan.cohort.periods -%}
    {%- do conditions.append('period_ends < cohort_occurrence') -%}
  {%- endif -%}
  {%- if spec.within -%}
    {%- do conditions.append('ts <= ' ~ dbt.dateadd('minute', spec.within, 'segment_ts')) -%}
  {%- endif -%}
  {%- if spec.at_least -%}
    {%- do conditions.append('ts >= ' ~ dbt.dateadd('minute', spec.at_least, 'segment_ts')) -%}
  {%- endif -%}
  {{ return(conditions | join(' and ')) }}
{% endmacro %}

{#- One aggregate of a GROUP BY over the rows where `admitted` holds. -#}
{% macro _group_aggregate(spec, index, admitted) %}
  {%- set value = 'case when ' ~ admitted ~ ' then j' ~ spec.i ~ '_m' ~ index ~ ' end' -%}
  {%- set kind = spec.aggregation.kind -%}
  {%- if kind == 'frame' -%}
    {{ return(spec.aggregation.function ~ '(' ~ value ~ ')') }}
  {%- elif kind == 'distinct' -%}
    {{ return('count(distinct ' ~ value ~ ')') }}
  {%- elif kind == 'concat' -%}
    {{ return(activity_schema.string_agg(value, spec.delimiter, ['ts', activity_schema.binary_order('activity_id')])) }}
  {%- endif -%}
  {#- concat_distinct: a list CTE of its own (_distinct_list), joined by the group key. -#}
  {{ return('null') }}
{% endmacro %}

{#- Each distinct value once, ordered by its first occurrence: group by the value, keep
    the smallest `order` key, then list in that order. -#}
{% macro _distinct_list(name, source, condition, keys, spec, index, order) -%}
{{ name }} as (
    select {{ keys | join(', ') }}, {{ activity_schema.string_agg('list_value', spec.delimiter, ['first_seen']) }} as list
    from (
        select {{ keys | join(', ') }}, j{{ spec.i }}_m{{ index }} as list_value, min({{ order }}) as first_seen
        from {{ source }}
        where {{ condition }} and j{{ spec.i }}_m{{ index }} is not null
        group by {{ keys | join(', ') }}, j{{ spec.i }}_m{{ index }}
    ) as activity_schema_values
    group by {{ keys | join(', ') }}
)
{%- endmacro %}

{#- Every target of the person: counts and aggregates, and the first / last target: its
    ts and columns by min_by over (ts, activity_id) where the warehouse has it, else its
    smallest / largest place, a text that sorts like (ts, activity_id). A group the main
    window pass computes (in_lane) is not a pass of its own. -#}
{% macro _phase_ever(plan, group) -%}
  {%- set G = 'activity_schema_ever' ~ group.id -%}
  {%- set keys = ['join_key'] + activity_schema._group_target_parts(group) -%}
  {%- set sets = [] -%}
  {%- for spec in group.specs if spec.set not in sets -%}{%- do sets.append(spec.set) -%}{%- endfor -%}
  {%- set place = activity_schema._place() -%}
{{ G }} as (
    select
        {{ keys | join(', ') }}
        {%- for value, name in activity_schema._ever_columns(plan, group) %}
        , {{ value }} as {{ name }}
        {%- endfor %}
    from activity_schema_source
    where {{ activity_schema._set_filters(plan, sets) | join(' or ') }}
    group by {{ keys | join(', ') }}
)
{%- for spec in group.specs if spec.aggregation.kind == 'concat_distinct' %}
{%- for output, column in spec.columns %},
{{ activity_schema._distinct_list(G ~ '_j' ~ spec.i ~ '_list' ~ loop.index, 'activity_schema_source', 't' ~ spec.set ~ ' = 1', keys, spec, loop.index, place) }}
{%- endfor %}
{%- endfor %}
{%- endmacro %}

{#- The [value, name] columns of an ever group: aggregates of its GROUP BY, or with `frame`
    (in_lane groups) the same values over that frame of the main window pass, the person's
    whole partition, whose target rows are those of row_rank 1. -#}
{% macro _ever_columns(plan, group, frame=none) %}
  {%- set over = ' over (' ~ frame ~ ')' if frame else '' -%}
  {%- set columns = [] -%}
  {%- for spec in group.specs -%}
    {%- set admitted = ('row_rank = 1 and ' if frame else '') ~ 't' ~ spec.set ~ ' = 1' -%}
    {%- set kind = spec.aggregation.kind -%}
    {%- if kind == 'exists' and spec.check -%}
      {%- do columns.append([('min' if spec.check == 'before' else 'max') ~ '(case when ' ~ admitted ~ ' then ts end)' ~ over, 'j' ~ spec.i ~ '_edge']) -%}
    {%- elif kind in ['count', 'exists'] -%}
      {%- do columns.append(['count(case when ' ~ admitted ~ ' then 1 end)' ~ over, 'j' ~ spec.i ~ '_count']) -%}
    {%- elif kind == 'pick' -%}
      {%- do columns.extend(activity_schema._group_pick(plan, spec, admitted, over)) -%}
    {%- else -%}
      {%- for output, column in spec.columns -%}
        {%- do columns.append([activity_schema._group_aggregate(spec, loop.index, admitted) ~ over, 'j' ~ spec.i ~ '_a' ~ loop.index]) -%}
      {%- endfor -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(columns) }}
{% endmacro %}

{#- The first / last target of a GROUP BY's rows where `admitted` holds, as [value, name]
    columns: the columns its set carries (and the ts a checked pick is checked by) by
    min_by over (ts, activity_id) where the warehouse has it, else its smallest / largest
    place, a text that sorts like (ts, activity_id), taken once for the joins that pick the
    same row (_same_pick). `over`: a window clause after the place's aggregate, which then
    reads that frame of a window pass. -#}
{% macro _group_pick(plan, spec, admitted, over='') %}
  {%- set last = spec.position.from != 'start' -%}
  {%- set columns = [] -%}
  {%- if plan.picks_carry -%}
    {%- set order = ['ts', activity_schema.binary_order('activity_id')] -%}
    {%- set carried = plan.sets[spec.set - 1].columns -%}
    {%- set values = [['ts', 'j' ~ spec.i ~ '_ts']] if spec.check else [] -%}
    {%- for output, column in spec.columns -%}
      {%- set k = carried.index(column) + 1 -%}
      {%- do values.append(['c' ~ spec.set ~ '_' ~ k, 'j' ~ spec.i ~ '_c' ~ k]) -%}
    {%- endfor -%}
    {%- for value, name in values -%}
      {%- do columns.append([activity_schema.min_by(value, order, admitted, last), name]) -%}
    {%- endfor -%}
  {%- elif activity_schema._same_pick(plan, spec)[0].i == spec.i -%}
    {%- do columns.append([('max' if last else 'min') ~ '(case when ' ~ admitted ~ ' then ' ~ activity_schema._place() ~ ' end)' ~ over, 'j' ~ spec.i ~ '_place']) -%}
  {%- endif -%}
  {{ return(columns) }}
{% endmacro %}

{#- The joins of one GROUP BY that pick the same target as `spec` (the first or last of
    the same set within the same time window), `spec` among them, in the query's order: the
    first takes the place and its row is fetched once for all. Only `spec` where the
    plan fetches each join's row apart (shares_pick_fetch of _plan_choices). -#}
{% macro _same_pick(plan, spec) %}
  {%- if spec.plan not in ['ever', 'segment'] or not plan.shares_pick_fetch -%}{{ return([spec]) }}{%- endif -%}
  {%- set same = [] -%}
  {%- for other in plan.specs if other.plan == spec.plan and other.group.id == spec.group.id and other.set == spec.set
        and other.aggregation.kind == 'pick' and other.position.n == 1 and other.position.from == spec.position.from
        and other.within == spec.within and other.at_least == spec.at_least -%}
    {%- do same.append(other) -%}
  {%- endfor -%}
  {{ return(same) }}
{% endmacro %}

{#- (ts, activity_id) as one text: fixed-width ts, then the id. -#}
{% macro _place() %}
  {{ return(activity_schema.binary_order(activity_schema.sortable_timestamp_text('ts') ~ ' || activity_id')) }}
{% endmacro %}

{% macro _group_target_parts(group) %}
  {%- set parts = [] -%}
  {%- for p in group.pairs -%}{%- do parts.append('mt' ~ p) -%}{%- endfor -%}
  {{ return(parts) }}
{% endmacro %}
