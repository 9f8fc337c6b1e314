{#- One window pass per lane. Its rows are the lane's target rows (row_rank 1) and, for
    every cohort row, a probe at the cohort row's ts: rank 0 sorts ahead of the targets of
    equal ts (what precedes it is strictly before), rank 2 behind them (what follows it is
    strictly after); a folded lane reads its before joins at rank 2 (_plan_choices).
    In (ts, row_rank, activity_id) order, the running count n<set> of a target set ranks
    its targets, and at a probe counts those before it; a join's matches are the ranks
    (L, U] between two such counts, so counts are arithmetic and an n-th target is fetched
    by its rank (an equi-join). The first / last target of a frame is a window pick of its
    activity_id. Aggregates read the probe's frame. A lane with a time window orders by ts
    in microseconds (tk), so that a range frame can offset it by the window's duration. The
    main lane also computes the ever groups in_lane, over the person's whole partition. -#}
{% macro _phase_lane(plan, lane) -%}
  {%- set L = 'activity_schema_lane' ~ lane.id -%}
  {%- set partition = activity_schema._lane_partition(lane) -%}
  {%- set order = ['tk' if lane.time_key else 'ts', 'row_rank', activity_schema.binary_order('activity_id')] -%}
  {%- set frames = activity_schema._person_frames(partition | join(', '), order) -%}
  {%- set flagged = [] -%}
  {%- set concat = [] -%}
  {%- for spec in lane.specs if spec.plan == 'lane' -%}
    {%- if spec.aggregation.kind in ['distinct', 'concat_distinct'] -%}{%- do flagged.append(spec) -%}{%- endif -%}
    {%- if spec.aggregation.kind in ['concat', 'concat_distinct'] -%}{%- do concat.append(spec) -%}{%- endif -%}
  {%- endfor -%}
  {%- set segments = lane.specs | selectattr('plan', 'equalto', 'segment') | list -%}
  {%- set is_target_row = '(' ~ (activity_schema._set_filters(plan, lane.sets) or ['1 = 0']) | join(' or ') ~ ')' -%}
  {#- The running rank n<set>, unless only folded counts would read it. -#}
  {%- set ranked_sets = [] -%}
  {%- for spec in plan.specs if spec.set in lane.sets and spec.set not in ranked_sets and activity_schema._reads_rank(spec)
        and not (spec.folded and spec.aggregation.kind in ['count', 'exists'] and not spec.windowed) -%}
    {%- do ranked_sets.append(spec.set) -%}
  {%- endfor -%}
  {#- A folded before join counts its targets before the cohort row's ts at the rank-2
      probe: b<set>, over the frame of earlier rows. -#}
  {%- set counted_before = [] -%}
  {%- for spec in lane.specs if spec.folded and spec.plan == 'lane' and not spec.windowed
        and activity_schema._reads_rank(spec) and spec.set not in counted_before -%}
    {%- do counted_before.append(spec.set) -%}
  {%- endfor -%}
  {#- A set's total is the upper bound of the ranks after a probe, read unless a time
      window bounds them. -#}
  {%- set totals = [] -%}
  {%- for spec in lane.specs if spec.plan == 'lane' and spec.relation.name == 'after' and spec.set not in totals
        and activity_schema._reads_rank(spec) and not spec.windowed -%}
    {%- do totals.append(spec.set) -%}
  {%- endfor %}
{{ L }}_targets as (
    {#- Target rows with the lane's partition values and, for distinct counts and lists,
        a flag on the first (last, for *_after counts) occurrence of each value. #}
    select
        activity_schema_source.*
        {%- for p in lane.pairs %}
        , mt{{ p }} as lane_part{{ loop.index }}
        {%- endfor %}
        {%- for spec in flagged %}
        {%- set backwards = 'desc' if spec.relation.name == 'after' else '' %}
        {%- for output, column in spec.columns %}
        , case when j{{ spec.i }}_m{{ loop.index }} is not null and row_number() over (
              partition by {{ (['join_key'] + activity_schema._lane_target_parts(lane) + ['j' ~ spec.i ~ '_m' ~ loop.index]) | join(', ') }}
              order by ts {{ backwards }}, {{ activity_schema.binary_order('activity_id') }} {{ backwards }}) = 1
          then 1 else 0 end as j{{ spec.i }}_f{{ loop.index }}
        {%- endfor %}
        {%- endfor %}
    from activity_schema_source
    where {{ is_target_row }}
),

{{ L }}_rows as (
    select {{ L }}_targets.*, 1 as row_rank from {{ L }}_targets
    {%- for rank in lane.probes %}
    union all
    select
        {%- if plan.cohort.periods %}
        {%- for name, value in activity_schema._source_columns(plan) %}
        {{ {'activity_id': 'activity_id', 'ts': 'period_start' if rank == 0 else 'period_end', 'join_key': 'join_key', 'is_cohort': '1'}.get(name, '0' if name.startswith('t') else 'null') }} as {{ name }}{{ ',' if not loop.last }}
        {%- endfor %}
        {%- else %}
        activity_schema_source.*
        {%- endif %}
        {%- for p in lane.pairs %}
        , mc{{ p }} as lane_part{{ loop.index }}
        {%- endfor %}
        {%- for spec in flagged %}{%- for output, column in spec.columns %}
        , 0 as j{{ spec.i }}_f{{ loop.index }}
        {%- endfor %}{%- endfor %},
        {{ rank }} as row_rank
    {%- if plan.cohort.periods %}
    from activity_schema_spine
    {%- else %}
    from activity_schema_source
    where {{ activity_schema._cohort_filter_sql(plan) }}
    {%- endif %}
    {%- endfor %}
),

{{ L }}_windows as (
    select
        {{ L }}_rows.*
        {%- if lane.signature == '' %}
        {%- if plan.cohort.filter != 'all' or plan.cohort.periods or segments %}
        , sum(case when row_rank = {{ lane.primary }} then 1 else 0 end) over ({{ frames.up_to_here }}) as cohort_occurrence
        {%- endif %}
        {%- if plan.cohort.filter == 'last' %}
        , sum(case when row_rank = {{ lane.primary }} then 1 else 0 end) over ({{ frames.ever }}) as cohort_occurrences
        {%- endif %}
        {%- if plan.cohort.periods %}
        , sum(case when row_rank = -1 then 1 else 0 end) over ({{ frames.up_to_here }}) as period_ends
        {%- endif %}
        {%- if segments | selectattr('within') | list or segments | selectattr('at_least') | list %}
        , max(case when row_rank = 2 then ts end) over ({{ frames.up_to_here }}) as segment_ts
        {%- endif %}
        {%- endif %}
        {%- for s in lane.sets %}
        {%- if s in ranked_sets %}
        , count(case when row_rank = 1 and t{{ s }} = 1 then 1 end) over ({{ frames.up_to_here }}) as n{{ s }}
        {%- endif %}
        {%- if s in counted_before %}
        , count(case when row_rank = 1 and t{{ s }} = 1 then 1 end) over ({{ frames.before }}) as b{{ s }}
        {%- endif %}
        {%- if s in totals %}
        , count(case when row_rank = 1 and t{{ s }} = 1 then 1 end) over ({{ frames.ever }}) as total{{ s }}
        {%- endif %}
        {%- endfor %}
        {%- for spec in lane.specs if spec.plan == 'lane' %}
        {{- activity_schema._lane_window_columns(plan, spec, frames, partition) }}
        {%- endfor %}
        {%- if lane.signature == '' %}
        {%- for group in plan.ever_groups if group.in_lane %}
        {%- for value, name in activity_schema._ever_columns(plan, group, frames.ever) %}
        , {{ value }} as {{ name }}
        {%- endfor %}
        {%- endfor %}
        {%- endif %}
    from {{ L }}_rows
)
{%- if concat %},

{{ L }}_strings as (
    {#- The whole ordered list of each listed value per partition; a probe cuts its part out
        by the running lengths. #}
    select
        {{ (['join_key'] + activity_schema._lane_target_parts(lane)) | join(', ') }}
        {%- for spec in concat %}
        {%- for output, column in spec.columns %}
        {%- set value = 'j' ~ spec.i ~ '_m' ~ loop.index %}
        , {{ activity_schema.string_agg(value if spec.aggregation.kind == 'concat' else 'case when j' ~ spec.i ~ '_f' ~ loop.index ~ ' = 1 then ' ~ value ~ ' end', spec.delimiter, ['ts', activity_schema.binary_order('activity_id')]) }} as j{{ spec.i }}_s{{ loop.index }}
        {%- endfor %}
        {%- endfor %}
    from {{ L }}_targets
    group by {{ (['join_key'] + activity_schema._lane_target_parts(lane)) | join(', ') }}
)
{%- endif %}
{%- endmacro %}

{#- Whether a join reads its set's running rank n<set> from the window pass: a lane join
    whose matches are a range of ranks (a count without a time window, whose window count
    is its answer, or a pick by rank), an in-between nth pick or distinct list (a segment's
    ranks are consecutive), and the joins of other passes that share the set. -#}
{% macro _reads_rank(spec) %}
  {%- set kind = spec.aggregation.kind -%}
  {%- if spec.plan == 'lane' -%}
    {{ return((kind in ['count', 'exists'] and not spec.windowed) or (kind == 'pick' and activity_schema._picks_by_rank(spec))) }}
  {%- endif -%}
  {{ return(not (spec.plan == 'segment' and kind != 'concat_distinct' and (kind != 'pick' or spec.position.n == 1))) }}
{% endmacro %}

{#- Filters on the flags of target sets, for rows read from the stream. Postgres estimates an
    equality on a computed column at a fraction of a percent of the rows, and then nests
    loops over rows it thinks are few: so the flags are compared with `> 0` (guessed at a
    third), next to the activity list (estimated from the table's statistics). Rows read
    from a pass of the query, whose columns have no statistics, are filtered by one
    inequality instead (_all_positive). -#}
{% macro _set_filters(plan, sets) %}
  {%- set filters = [] -%}
  {%- for s in sets -%}
    {%- do filters.append('(activity in (' ~ activity_schema._literal_list(plan.sets[s - 1].activities) ~ ') and t' ~ s ~ ' > 0)') -%}
  {%- endfor -%}
  {{ return(filters) }}
{% endmacro %}

{% macro _cohort_filter_sql(plan) %}
  {{ return('activity in (' ~ activity_schema._literal_list(plan.cohort.activities) ~ ') and is_cohort > 0') }}
{% endmacro %}

{#- The partition of a lane: the person, and in a match lane the match values. -#}
{% macro _lane_partition(lane) %}
  {%- set parts = ['join_key'] -%}
  {%- for p in lane.pairs -%}{%- do parts.append('lane_part' ~ loop.index) -%}{%- endfor -%}
  {{ return(parts) }}
{% endmacro %}

{% macro _lane_target_parts(lane) %}
  {%- set parts = [] -%}
  {%- for p in lane.pairs -%}{%- do parts.append('mt' ~ p) -%}{%- endfor -%}
  {{ return(parts) }}
{% endmacro %}

{#- A range frame over tk (descending: `backwards`): `lower` and `upper` are frame bounds. -#}
{% macro _range_frame(partition, lower, upper, backwards=false) %}
  {{ return('partition by ' ~ partition | join(', ') ~ ' order by tk' ~ (' desc' if backwards else '') ~ ' range between ' ~ lower ~ ' and ' ~ upper) }}
{% endmacro %}

{#- Microseconds of a window's minutes. -#}
{% macro _microseconds(minutes) %}{{ return((minutes * 60000000) | string) }}{% endmacro %}

{#- The frames of a windowed join, in microseconds from the probe's ts:
    after: matches in [lo, hi] following, lo = at_least or 1 (strictly after),
           hi = within or unbounded;
    before: matches in [hi, lo] preceding, hi = within or unbounded, lo = at_least or 1;
    `before_window` holds the targets before the window. Where the lane's frames after a probe
    are read backwards (`backwards`, see _person_frames), so is an after window that runs to
    the partition's end. -#}
{% macro _window_frames(spec, partition, backwards) %}
  {%- set us = activity_schema._microseconds -%}
  {%- if spec.relation.name == 'after' -%}
    {%- set lo = us(spec.at_least) if spec.at_least else '1' -%}
    {%- set hi = us(spec.within) ~ ' following' if spec.within else 'unbounded following' -%}
    {%- set window = activity_schema._range_frame(partition, 'unbounded preceding', lo ~ ' preceding', backwards=true) if backwards and not spec.within
                     else activity_schema._range_frame(partition, lo ~ ' following', hi) -%}
    {{ return({'window': window,
               'before_window': activity_schema._range_frame(partition, 'unbounded preceding', (((spec.at_least * 60000000 - 1) | string) ~ ' following') if spec.at_least else 'current row')}) }}
  {%- else -%}
    {%- set lo = us(spec.at_least) if spec.at_least else '1' -%}
    {%- set hi = us(spec.within) ~ ' preceding' if spec.within else 'unbounded preceding' -%}
    {{ return({'window': activity_schema._range_frame(partition, hi, lo ~ ' preceding'),
               'before_window': activity_schema._range_frame(partition, 'unbounded preceding', ((spec.within * 60000000 + 1) | string) ~ ' preceding') if spec.within else none}) }}
  {%- endif -%}
{% endmacro %}

{#- The window columns one lane join reads at its probe. -#}
{% macro _lane_window_columns(plan, spec, frames, partition) -%}
  {%- set is_target = 'row_rank = 1 and t' ~ spec.set ~ ' = 1' -%}
  {%- set kind = spec.aggregation.kind -%}
  {%- if spec.windowed -%}
    {%- set window = activity_schema._window_frames(spec, partition, frames.after_backwards) -%}
    {%- set frame = window.window %}
        , count(case when {{ is_target }} then 1 end) over ({{ window.window }}) as j{{ spec.i }}_w
    {#- A pick by rank counts its window's ranks on from the targets before the window; a
        count needs only j_w. #}
    {%- if kind == 'pick' and (spec.at_least if spec.relation.name == 'after' else spec.within) %}
        , count(case when {{ is_target }} then 1 end) over ({{ window.before_window }}) as j{{ spec.i }}_start
    {%- endif %}
  {%- else -%}
    {%- set frame = frames.before if spec.folded else (frames.up_to_here if spec.relation.name == 'before' else frames.after) -%}
  {%- endif -%}
  {#- A pick not counted by rank is never windowed: its frame is the lane's, read backwards
      for an after join where the lane's after frame is. It picks its row's activity_id, or
      each column its set carries. #}
  {%- if kind == 'pick' and not activity_schema._picks_by_rank(spec) %}
  {%- set pick = ['first_value' if spec.position.from == 'start' else 'last_value', is_target, frame, spec.relation.name == 'after' and frames.after_backwards] %}
  {%- if plan.picks_carry %}
  {%- set carried = plan.sets[spec.set - 1].columns %}
  {%- for output, column in spec.columns %}
  {%- set k = carried.index(column) + 1 %}
        , {{ activity_schema._window_pick(*pick, value='c' ~ spec.set ~ '_' ~ k) }} as j{{ spec.i }}_c{{ k }}
  {%- endfor %}
  {%- else %}
        , {{ activity_schema._window_pick(*pick) }} as j{{ spec.i }}_id
  {%- endif %}
  {%- endif %}
  {%- for output, column in spec.columns %}
  {%- set value = 'j' ~ spec.i ~ '_m' ~ loop.index %}
  {%- set flag = 'j' ~ spec.i ~ '_f' ~ loop.index %}
  {%- if kind == 'frame' %}
        , {{ spec.aggregation.function }}(case when row_rank = 1 then {{ value }} end) over ({{ frame }}) as j{{ spec.i }}_a{{ loop.index }}
  {%- elif kind == 'distinct' %}
        , sum(case when row_rank = 1 then {{ flag }} end) over ({{ frame }}) as j{{ spec.i }}_a{{ loop.index }}
  {%- elif kind in ['concat', 'concat_distinct'] %}
  {%- set length = 'case when row_rank = 1 and ' ~ value ~ ' is not null' ~ (' and ' ~ flag ~ ' = 1' if kind == 'concat_distinct' else '') ~ ' then length(' ~ value ~ ') + ' ~ spec.delimiter | length ~ ' end' %}
  {%- if spec.windowed %}
        , sum({{ length }}) over ({{ window.window }}) as j{{ spec.i }}_len{{ loop.index }}
        {%- if window.before_window %}
        , sum({{ length }}) over ({{ window.before_window }}) as j{{ spec.i }}_pre{{ loop.index }}
        {%- endif %}
  {%- else %}
        , sum({{ length }}) over ({{ frames.before if spec.folded else frames.up_to_here }}) as j{{ spec.i }}_pre{{ loop.index }}
        {%- if spec.relation.name == 'after' %}
        , sum({{ length }}) over ({{ frames.ever }}) as j{{ spec.i }}_all{{ loop.index }}
        {%- endif %}
  {%- endif %}
  {%- endif %}
  {%- endfor %}
{%- endmacro %}
