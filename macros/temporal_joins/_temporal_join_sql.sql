{#- The single-pass temporal join behind temporal_join and multi_temporal_analysis.

    Every cohort row becomes a "before" probe when a *_before join is asked for and an
    "after" probe when any other join is (both only for a mix); every target row is kept
    once. One window pass, partitioned by person and ordered by (ts, rank, activity_id),
    derives every join type: at equal ts a before probe (rank 0) sorts ahead of the
    targets (rank 1) and an after probe (rank 2) behind them, so "rows preceding a before
    probe" are exactly the targets with ts < the cohort ts and "rows following an after
    probe" exactly those with ts >. The running count of probes numbers the cohort
    occurrences and cuts the targets into in-between segments (t, t_next], aggregated by
    one GROUP BY. Chosen first/last targets are fetched by activity_id, an equi-join. No
    inequality join anywhere. -#}
{% macro _temporal_join_sql(stream, cohort_activity, specs, cohort_filter) %}
  {%- set frames = activity_schema._person_frames() -%}
  {%- set targets = specs | map(attribute='target_activity') | unique | list -%}
  {%- set in_between_targets = specs | selectattr('relation', 'equalto', 'in_between') | map(attribute='target_activity') | unique | list -%}
  {#- A first (last) in-between pick reads the ts of the previous (next) cohort occurrence
      and of the previous (next) target of its activity; an aggregate reads neither. -#}
  {%- set in_between_picks = {} -%}
  {%- for pick in ['first', 'last'] -%}
    {%- do in_between_picks.update({pick: specs | selectattr('relation', 'equalto', 'in_between') | selectattr('pick', 'equalto', pick) | map(attribute='target_activity') | unique | list}) -%}
  {%- endfor -%}
  {%- set needs_before_probe = specs | selectattr('relation', 'equalto', 'before') | list | length > 0 -%}
  {%- set needs_after_probe = specs | rejectattr('relation', 'equalto', 'before') | list | length > 0 -%}
  {#- The first rank is the probe the cohort rows are read from; a second probe is joined to
      it by activity_id. -#}
  {%- set probe_ranks = ([2] if needs_after_probe else []) + ([0] if needs_before_probe else []) -%}
  {%- set probe_rank = probe_ranks[0] -%}
  {%- set is_probe = 'row_rank = ' ~ probe_rank -%}
  {%- set spec_sources = {} -%}
  {%- for spec in specs -%}
    {%- do spec_sources.update({spec.name: 'in_between' if spec.relation == 'in_between' else ('before_probe' if spec.relation == 'before' and needs_after_probe else 'probe')}) -%}
  {%- endfor -%}
  {%- set distinct_specs = specs | selectattr('aggregation', 'equalto', 'count_distinct') | selectattr('pick', 'equalto', 'aggregate') | rejectattr('relation', 'equalto', 'in_between') | list -%}
  {%- set rows_source = 'activity_schema_ranked' if distinct_specs else 'activity_schema_source' -%}
  {#- Probes never read the count_distinct flags: they take zeros instead of a flag window. -#}
  {%- set probe_columns = ['activity_schema_source.*'] -%}
  {%- for spec in distinct_specs -%}
    {%- for column in spec.columns -%}
      {%- do probe_columns.append('0 as ' ~ activity_schema._measure_name(spec, column) ~ '_distinct') -%}
    {%- endfor -%}
  {%- endfor -%}

with activity_schema_source as {{ activity_schema.cte_not_materialized() }}(
    select
        activity_id,
        ts,
        activity,
        coalesce(customer, anonymous_customer_id) as join_key
        {%- for spec in specs if spec.pick == 'aggregate' %}
        {%- for column in spec.columns %}
        , case when activity = '{{ spec.target_activity }}' then {{ activity_schema._join_measure(column, spec.aggregation) }} end as {{ activity_schema._measure_name(spec, column) }}
        {%- endfor %}
        {%- endfor %}
    from {{ stream }}
    where activity in ('{{ ([cohort_activity] + targets) | unique | join("', '") }}')
      and coalesce(customer, anonymous_customer_id) is not null
),

{%- if distinct_specs %}

activity_schema_ranked as {{ activity_schema.cte_not_materialized() }}(
    {#- Flags for count_distinct before/after/ever: the first (last, for after) occurrence
        of each value per person, so that a running sum counts distinct values. #}
    select
        activity_schema_source.*
        {%- for spec in distinct_specs %}
        {%- for column in spec.columns %}
        {%- set measure = activity_schema._measure_name(spec, column) %}
        , case when {{ measure }} is not null and row_number() over (
              partition by join_key, activity, {{ measure }}
              order by ts {{ 'desc' if spec.relation == 'after' }}, {{ activity_schema.binary_order('activity_id') }} {{ 'desc' if spec.relation == 'after' }}) = 1
          then 1 else 0 end as {{ measure }}_distinct
        {%- endfor %}
        {%- endfor %}
    from activity_schema_source
),
{%- endif %}

activity_schema_rows as (
    select {{ rows_source }}.*, 1 as row_rank from {{ rows_source }}
    where activity in ('{{ targets | join("', '") }}')
    {%- for rank in probe_ranks %}
    union all
    select {{ probe_columns | join(', ') }}, {{ rank }} as row_rank from activity_schema_source
    where activity = '{{ cohort_activity }}'
    {%- endfor %}
),

activity_schema_windows as (
    select
        activity_schema_rows.*,
        sum(case when {{ is_probe }} then 1 else 0 end) over ({{ frames.up_to_here }}) as cohort_occurrence,
        sum(case when {{ is_probe }} then 1 else 0 end) over ({{ frames.ever }}) as cohort_occurrences
        {%- for pick, function, relation, neighbour in [('first', 'last_value', 'before', 'previous'), ('last', 'first_value', 'after', 'next')] if in_between_picks[pick] %}
        , {{ activity_schema._window_pick(function, is_probe, 'ts', frames[relation]) }} as {{ neighbour }}_cohort_ts
        {%- for target in in_between_picks[pick] %}
        , {{ activity_schema._window_pick(function, "row_rank = 1 and activity = '" ~ target ~ "'", 'ts', frames[relation]) }} as {{ neighbour }}_target_{{ loop.index }}_ts
        {%- endfor %}
        {%- endfor %}
        {%- for spec in specs if spec.relation != 'in_between' %}
        {%- set frame = frames[spec.relation] %}
        {%- set is_target = "row_rank = 1 and activity = '" ~ spec.target_activity ~ "'" %}
        {%- if spec.pick in ['first', 'last'] %}
        , {{ activity_schema._window_pick(spec.pick ~ '_value', is_target, 'activity_id', frame) }} as {{ activity_schema._join_target_name(spec) }}
        {%- elif spec.aggregation == 'count' %}
        , count(case when {{ is_target }} then 1 end) over ({{ frame }}) as {{ activity_schema._join_count_name(spec) }}
        {%- else %}
        {%- for column in spec.columns %}
        {%- set measure = activity_schema._measure_name(spec, column) %}
        {%- if spec.aggregation == 'count_distinct' %}
        , sum(case when row_rank = 1 then {{ measure }}_distinct else 0 end) over ({{ frame }}) as {{ measure }}_value
        {%- else %}
        , {{ spec.aggregation }}(case when row_rank = 1 then {{ measure }} end) over ({{ frame }}) as {{ measure }}_value
        {%- endif %}
        {%- endfor %}
        {%- endif %}
        {%- endfor %}
    from activity_schema_rows
)
{%- if in_between_targets %},

activity_schema_in_between as (
    {#- A target with previous_cohort_ts < ts <= next_cohort_ts belongs to the segment of
        the cohort occurrence it follows. It is the segment's first (last) target of its
        activity when the previous (next) target of that activity lies in another segment. #}
    select
        join_key,
        cohort_occurrence
        {%- for spec in specs if spec.relation == 'in_between' %}
        {%- set target_index = in_between_picks[spec.pick].index(spec.target_activity) + 1 if spec.pick != 'aggregate' %}
        {%- set is_target = "activity = '" ~ spec.target_activity ~ "'" %}
        {%- if spec.pick == 'first' %}
        , max(case when {{ is_target }} and (previous_target_{{ target_index }}_ts is null or previous_target_{{ target_index }}_ts <= previous_cohort_ts) then activity_id end) as {{ activity_schema._join_target_name(spec) }}
        {%- elif spec.pick == 'last' %}
        , max(case when {{ is_target }} and (next_target_{{ target_index }}_ts is null or next_target_{{ target_index }}_ts > next_cohort_ts) then activity_id end) as {{ activity_schema._join_target_name(spec) }}
        {%- elif spec.aggregation == 'count' %}
        , count(case when {{ is_target }} then 1 end) as {{ activity_schema._join_count_name(spec) }}
        {%- else %}
        {%- for column in spec.columns %}
        {%- set measure = activity_schema._measure_name(spec, column) %}
        , {{ 'count(distinct ' if spec.aggregation == 'count_distinct' else spec.aggregation ~ '(' }}{{ measure }}) as {{ measure }}_value
        {%- endfor %}
        {%- endif %}
        {%- endfor %}
    from activity_schema_windows
    where row_rank = 1 and cohort_occurrence > 0
    group by join_key, cohort_occurrence
)
{%- endif %}

select
    cohort.*
    {%- for spec in specs %}
    {%- set source = spec_sources[spec.name] %}
    {%- if spec.pick in ['first', 'last'] %}
    {%- for column in spec.columns %}
    , {{ activity_schema._join_column(column, 'target_' ~ spec.name) }} as {{ spec.name }}_{{ column }}
    {%- endfor %}
    {%- elif spec.aggregation == 'count' %}
    , coalesce({{ source }}.{{ activity_schema._join_count_name(spec) }}, 0) as {{ spec.name }}_count
    {%- else %}
    {%- for column in spec.columns %}
    {%- set value = source ~ '.' ~ activity_schema._measure_name(spec, column) ~ '_value' %}
    , {{ 'coalesce(' ~ value ~ ', 0)' if spec.aggregation == 'count_distinct' else value }} as {{ spec.name }}_{{ spec.aggregation }}_{{ column }}
    {%- endfor %}
    {%- endif %}
    {%- endfor %}
from activity_schema_windows as probe
{%- if probe_ranks | length > 1 %}
{#- activity_id alone identifies the cohort row (it is unique in a stream); adding join_key
    would be redundant and makes Postgres estimate one matching row. #}
inner join activity_schema_windows as before_probe
    on before_probe.row_rank < 1
   and before_probe.activity_id = probe.activity_id
{%- endif %}
{%- if in_between_targets %}
left join activity_schema_in_between as in_between
    on in_between.join_key = probe.join_key
   and in_between.cohort_occurrence = probe.cohort_occurrence
{%- endif %}
inner join {{ stream }} as cohort
    on cohort.activity_id = probe.activity_id
   and cohort.activity = '{{ cohort_activity }}'
{%- for spec in specs if spec.pick in ['first', 'last'] %}
{%- set source = spec_sources[spec.name] %}
left join {{ stream }} as target_{{ spec.name }}
    on target_{{ spec.name }}.activity_id = {{ source }}.{{ activity_schema._join_target_name(spec) }}
   and target_{{ spec.name }}.activity = '{{ spec.target_activity }}'
{%- endfor %}
{#- Written as inequalities (equivalent here: ranks are 0..2 and an occurrence is between 1
    and the count) because planners guess 1/3 of the rows pass an inequality on a computed
    column but a fraction of a percent pass an equality; a guess of one row makes Postgres
    nest loops over whatever the caller joins to this. #}
where probe.row_rank {{ '> 1' if probe_rank == 2 else '< 1' }}
{%- if cohort_filter == 'first' %}
  and probe.cohort_occurrence <= 1
{%- elif cohort_filter == 'last' %}
  and probe.cohort_occurrence >= probe.cohort_occurrences
{%- elif cohort_filter != 'all' %}
  and probe.cohort_occurrence = {{ cohort_filter }}
{%- endif %}
{% endmacro %}

{#- Names of the intermediate columns of one join. -#}
{% macro _join_target_name(spec) %}{{ return(spec.name ~ '__target_id') }}{% endmacro %}
{% macro _join_count_name(spec) %}{{ return(spec.name ~ '__count') }}{% endmacro %}
{% macro _measure_name(spec, column) %}{{ return(spec.name ~ '__' ~ column) }}{% endmacro %}
