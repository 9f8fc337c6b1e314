{#- One row per selected cohort row: its stream columns, its cohort_columns, then each
    join's columns, read from the probe rows of the lanes, the GROUP BY passes, and the
    picked rows (fetched by rank, or for ever joins carried by their GROUP BY or fetched by
    activity_id). -#}
{% macro _phase_select(plan) -%}
  {%- set selected = 'activity_schema_lane0_windows' if plan.main else ('activity_schema_spine' if plan.cohort.periods else 'activity_schema_source') -%}
  {%- set direct = plan.direct -%}
  {%- set joins = [] -%}
  {%- set columns = [] -%}
  {%- for output, column in plan.cohort.columns -%}
    {%- set value = activity_schema._column_value(column, 'cohort') -%}
    {%- do columns.append((value if column not in activity_schema._stream_columns() else 'cast(' ~ value ~ ' as ' ~ dbt.type_string() ~ ')') ~ ' as ' ~ activity_schema.quote_column(output)) -%}
  {%- endfor -%}
  {#- Probe rows of every lane other than the selected one, by the cohort row's activity_id. -#}
  {%- for lane in plan.lanes -%}
    {%- for rank in lane.probes if not (lane.signature == '' and rank == lane.primary) -%}
      {%- set alias = activity_schema._probe_alias(lane, rank) -%}
      {%- do joins.append(plan.selected_join ~ ' activity_schema_lane' ~ lane.id ~ '_windows as ' ~ alias ~ '\n    on ' ~ activity_schema._rank_condition(alias, rank, lane.probes) ~ '\n   and ' ~ alias ~ '.activity_id = selected.activity_id') -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- for group in plan.segment_groups -%}
    {%- do joins.append(activity_schema._group_join(plan, 'activity_schema_segments' ~ group.id, 'segments' ~ group.id, activity_schema._segment_source(plan).key_columns, group)) -%}
  {%- endfor -%}
  {%- for group in plan.ever_groups if not group.in_lane -%}
    {%- do joins.append(activity_schema._group_join(plan, 'activity_schema_ever' ~ group.id, 'ever' ~ group.id, ['join_key'], group)) -%}
  {%- endfor -%}
  {%- for lane in plan.lanes if lane.specs | selectattr('plan', 'equalto', 'lane') | map(attribute='aggregation') | map(attribute='kind') | select('in', ['concat', 'concat_distinct']) | list -%}
    {%- set probe = activity_schema._probe_alias(lane, lane.primary) -%}
    {%- set on = ['lane' ~ lane.id ~ '_strings.join_key = ' ~ probe ~ '.join_key'] -%}
    {%- for p in lane.pairs -%}{%- do on.append('lane' ~ lane.id ~ '_strings.mt' ~ p ~ ' = ' ~ probe ~ '.lane_part' ~ loop.index) -%}{%- endfor -%}
    {%- do joins.append('left join activity_schema_lane' ~ lane.id ~ '_strings as lane' ~ lane.id ~ '_strings\n    on ' ~ on | join('\n   and ')) -%}
  {%- endfor -%}
  {%- for spec in plan.specs -%}
    {%- set values = activity_schema._spec_values(plan, spec) -%}
    {%- do joins.extend(values.joins) -%}
    {%- for output, value in values.columns -%}
      {%- do columns.append(value ~ ' as ' ~ activity_schema.quote_column(output)) -%}
    {%- endfor -%}
  {%- endfor -%}
select
    {%- if plan.cohort.periods %}
    cohort.customer,
    cohort.anonymous_customer_id,
    cohort.period_start,
    cohort.period_end
    {%- elif plan.person_column %}
    {{ activity_schema.star_except('cohort', ['activity_schema_person'], none) }}
    {%- else %}
    cohort.*
    {%- endif %}
    {%- for column in columns %}
    , {{ column }}
    {%- endfor %}
{%- if direct %}
from (
    select *
        {%- if plan.person_column %}, {{ activity_schema._person_key() }} as activity_schema_person{% endif %}
    from {{ plan.stream }}
    where {{ (['activity in (' ~ activity_schema._literal_list(plan.cohort.activities) ~ ')'] + plan.cohort.where) | join('\n      and ') }}
) as cohort
{%- for join in joins %}
{{ join }}
{%- endfor %}
where {{ activity_schema._selected_value(plan, 'join_key') }} is not null
{%- else %}
from {{ selected }} as selected
{%- if plan.cohort.periods %}
inner join activity_schema_spine as cohort
    on cohort.activity_id = selected.activity_id
{%- endif %}
{%- for join in joins %}
{{ join }}
{%- endfor %}
{%- if not plan.cohort.periods %}
{#- Last: joined first, the stream's statistics (activity_id is unique) make Postgres
    expect a handful of rows from the chain of probes, and it nests loops over every pass. #}
{{ plan.selected_join }} {{ plan.stream }} as cohort
    on cohort.activity_id = selected.activity_id
   and cohort.activity in ({{ activity_schema._literal_list(plan.cohort.activities) }})
{%- endif %}
{%- endif %}
{%- if direct %}
{%- elif plan.main %}
where {{ activity_schema._rank_condition('selected', plan.lanes[0].primary, plan.lanes[0].probes) }}
{%- elif not plan.cohort.periods %}
where selected.is_cohort > 0
{%- endif %}
{%- if plan.cohort.filter == 'first' %}
  and selected.cohort_occurrence <= 1
{%- elif plan.cohort.filter == 'last' %}
  and selected.cohort_occurrence >= selected.cohort_occurrences
{%- elif plan.cohort.filter != 'all' %}
  and selected.cohort_occurrence = {{ plan.cohort.filter }}
{%- endif %}
{%- endmacro %}

{#- A condition selecting the rows of `rank` among a lane's `ranks` (-1..2; 1 is the target
    rows), `alias` qualifying the column unless empty. Each is one inequality: planners
    guess a fraction of a percent of rows pass an equality on a computed column, or a pair
    of inequalities on one column (a range), and a guess of one row makes Postgres nest
    loops over whatever the caller joins to this. -#}
{% macro _rank_condition(alias, rank, ranks) %}
  {%- set column = (alias ~ '.' if alias else '') ~ 'row_rank' -%}
  {%- if rank == 2 -%}{{ return(column ~ ' > 1') }}{%- endif -%}
  {%- if rank == -1 -%}{{ return(column ~ ' < 0') }}{%- endif -%}
  {%- if rank == 0 and -1 not in ranks -%}{{ return(column ~ ' < 1') }}{%- endif -%}
  {{ return('abs(' ~ column ~ ' - ' ~ rank ~ ') < 1') }}
{% endmacro %}

{% macro _probe_alias(lane, rank) %}
  {{ return('selected' if lane.signature == '' and rank == lane.primary else 'lane' ~ lane.id ~ '_probe' ~ ('_end' if rank == -1 else rank)) }}
{% endmacro %}

{#- A pass joined on its keys (a column, or [its column, the selected row's]) and its
    group's match values (a null never matches). -#}
{% macro _group_join(plan, relation, alias, keys, group=none) %}
  {%- set on = [] -%}
  {%- for key in keys -%}
    {%- set pair = [key, key] if key is string else key -%}
    {%- do on.append(alias ~ '.' ~ pair[0] ~ ' = ' ~ activity_schema._selected_value(plan, pair[1])) -%}
  {%- endfor -%}
  {%- for p in (group.pairs if group else []) -%}{%- do on.append(alias ~ '.mt' ~ p ~ ' = ' ~ activity_schema._selected_value(plan, 'mc' ~ p)) -%}{%- endfor -%}
  {{ return('left join ' ~ relation ~ ' as ' ~ alias ~ '\n    on ' ~ on | join('\n   and ')) }}
{% endmacro %}

{#- The keys a join's GROUP BY or rank pass is joined on: its in-between segment's, or the
    person's. -#}
{% macro _pass_keys(plan, spec) %}
  {{ return(activity_schema._segment_source(plan).key_columns if spec.relation.plan == 'segment' else ['join_key']) }}
{% endmacro %}

{#- A column of the selected cohort row as the select's joins read it: from the selected
    relation, or in a direct select (GROUP BY passes and nearest-row joins alone, which
    join the cohort rows read straight from the stream: no join back by activity_id)
    worked out on the stream row itself: its person key and match values. -#}
{% macro _selected_value(plan, column) %}
  {%- if not plan.direct -%}{{ return('selected.' ~ column) }}{%- endif -%}
  {%- if column == 'join_key' -%}
    {{ return('cohort.activity_schema_person' if plan.person_column else activity_schema._person_key('cohort.customer', 'cohort.anonymous_customer_id')) }}
  {%- endif -%}
  {%- for pair in plan.pairs if column == 'mc' ~ pair.id -%}
    {{ return(activity_schema._match_values(pair.columns, 'cohort')[0]) }}
  {%- endfor -%}
  {{ return('cohort.' ~ column) }}
{% endmacro %}

{#- The output columns of one join, and the joins they need: {columns: [[name, SQL]], joins}. -#}
{% macro _spec_values(plan, spec) %}
  {%- set kind = spec.aggregation.kind -%}
  {%- set i = spec.i -%}
  {%- set joins = [] -%}
  {%- set columns = [] -%}
  {%- if spec.plan == 'nth' -%}
    {#- The n-th target of the person or the segment, carrying its columns. -#}
    {%- do joins.append(activity_schema._group_join(plan, 'activity_schema_nth' ~ i, 'nth' ~ i, activity_schema._pass_keys(plan, spec), spec)) -%}
    {{ return({'columns': activity_schema._carried_columns(plan, spec, 'nth' ~ i ~ '.c' ~ spec.set ~ '_', 'nth' ~ i ~ '.ts'), 'joins': joins}) }}
  {%- endif -%}
  {%- if spec.plan == 'nearest' -%}
    {{ return(activity_schema._nearest_values(plan, spec)) }}
  {%- endif -%}
  {%- if spec.plan == 'lane' -%}
    {%- set probe = activity_schema._probe_alias(spec.lane, spec.probe) -%}
    {%- set bounds = activity_schema._lane_bounds(spec, probe) -%}
    {%- set source = probe -%}
  {%- else -%}
    {%- set source = 'selected' if spec.group.in_lane else ('segments' if spec.plan == 'segment' else 'ever') ~ spec.group.id -%}
  {%- endif -%}
  {%- if kind == 'exists' and spec.check -%}
    {%- do columns.append([spec.outputs[0], 'coalesce(' ~ activity_schema._checked(plan, spec, source ~ '.j' ~ i ~ '_edge') ~ ', false)']) -%}
  {%- elif kind in ['count', 'exists'] -%}
    {%- if spec.plan != 'lane' -%}
      {%- set count = 'coalesce(' ~ source ~ '.j' ~ i ~ '_count, 0)' -%}
    {%- elif spec.windowed -%}
      {%- set count = probe ~ '.j' ~ i ~ '_w' -%}
    {%- else -%}
      {%- set count = '(' ~ bounds.upper ~ ') - (' ~ bounds.lower ~ ')' -%}
    {%- endif -%}
    {%- do columns.append([spec.outputs[0], count if kind == 'count' else '(' ~ count ~ ') > 0']) -%}
  {%- elif kind == 'pick' and plan.picks_carry and not activity_schema._picks_by_rank(spec) -%}
    {#- The first or last target's columns, carried by its pass. -#}
    {%- do columns.extend(activity_schema._carried_columns(plan, spec, source ~ '.j' ~ i ~ '_c', source ~ '.j' ~ i ~ '_ts')) -%}
  {%- elif kind == 'pick' and not activity_schema._picks_by_rank(spec) -%}
    {#- The first or last target, fetched by its activity_id from the stream, once for the
        joins of a GROUP BY that pick the same row (first_ever and first_before, say), which
        then check it in their columns. -#}
    {%- set sharing = activity_schema._same_pick(plan, spec) -%}
    {%- set alias = 'pick' ~ sharing[0].i -%}
    {%- if sharing[0].i == i -%}
      {%- set picked = probe ~ '.j' ~ i ~ '_id' if spec.plan == 'lane' else 'substr(' ~ source ~ '.j' ~ i ~ '_place, 27)' -%}
      {%- set on = [alias ~ '.activity_id = ' ~ picked, alias ~ '.activity in (' ~ activity_schema._literal_list(spec.targets) ~ ')'] -%}
      {%- if spec.check and sharing | length == 1 -%}{%- do on.append(activity_schema._checked(plan, spec, alias ~ '.ts')) -%}{%- endif -%}
      {%- do joins.append('left join ' ~ plan.stream ~ ' as ' ~ alias ~ '\n    on ' ~ on | join('\n   and ')) -%}
    {%- endif -%}
    {%- for output, column in spec.columns -%}
      {%- set value = activity_schema._column_value(column, alias) -%}
      {%- if spec.check and sharing | length > 1 -%}
        {%- set value = 'case when ' ~ activity_schema._checked(plan, spec, alias ~ '.ts') ~ ' then ' ~ value ~ ' end' -%}
      {%- endif -%}
      {%- do columns.append([output, value]) -%}
    {%- endfor -%}
  {%- elif kind == 'pick' -%}
    {#- The n-th target, fetched by its rank from the lane's target rows, which carry its columns. -#}
    {%- set alias = 'pick' ~ i -%}
    {%- set n = spec.position.n -%}
    {%- set on = [activity_schema._rank_condition(alias, 1, []), alias ~ '.t' ~ spec.set ~ ' > 0'] -%}
    {%- if spec.plan == 'lane' -%}
      {%- set relation = 'activity_schema_lane' ~ spec.lane.id ~ '_windows' -%}
      {%- do on.append(alias ~ '.join_key = ' ~ probe ~ '.join_key') -%}
      {%- for p in spec.lane.pairs -%}{%- do on.append(alias ~ '.lane_part' ~ loop.index ~ ' = ' ~ probe ~ '.lane_part' ~ loop.index) -%}{%- endfor -%}
      {%- set rank_column = 'n' ~ spec.set -%}
      {%- if spec.position.from == 'start' -%}
        {%- set rank = 'case when (' ~ bounds.lower ~ ') + ' ~ n ~ ' <= (' ~ bounds.upper ~ ') then (' ~ bounds.lower ~ ') + ' ~ n ~ ' end' -%}
      {%- else -%}
        {%- set rank = 'case when (' ~ bounds.upper ~ ') - ' ~ (n - 1) ~ ' > (' ~ bounds.lower ~ ') then (' ~ bounds.upper ~ ') - ' ~ (n - 1) ~ ' end' -%}
      {%- endif -%}
    {%- else -%}
      {%- set ranked = spec.position.n > 1 and spec.group.pairs -%}
      {%- set relation = 'activity_schema_segments' ~ spec.group.id ~ '_ranked' if ranked else 'activity_schema_lane0_windows' -%}
      {%- do on.append(alias ~ '.join_key = selected.join_key') -%}
      {%- if ranked -%}
        {%- for p in spec.group.pairs -%}{%- do on.append(alias ~ '.mt' ~ p ~ ' = selected.mc' ~ p) -%}{%- endfor -%}
      {%- endif -%}
      {%- set rank_column = 'j' ~ i ~ '_rank' if ranked else 'n' ~ spec.set -%}
      {%- set lo, hi = source ~ '.j' ~ i ~ '_lo', source ~ '.j' ~ i ~ '_hi' -%}
      {%- if spec.position.from == 'start' -%}
        {%- set rank = 'case when ' ~ lo ~ ' + ' ~ (n - 1) ~ ' <= ' ~ hi ~ ' then ' ~ lo ~ ' + ' ~ (n - 1) ~ ' end' -%}
      {%- else -%}
        {%- set rank = 'case when ' ~ hi ~ ' - ' ~ (n - 1) ~ ' >= ' ~ lo ~ ' then ' ~ hi ~ ' - ' ~ (n - 1) ~ ' end' -%}
      {%- endif -%}
    {%- endif -%}
    {%- do on.append(alias ~ '.' ~ rank_column ~ ' = ' ~ rank) -%}
    {%- do joins.append('left join ' ~ relation ~ ' as ' ~ alias ~ '\n    on ' ~ on | join('\n   and ')) -%}
    {%- set carried = plan.sets[spec.set - 1].columns -%}
    {%- for output, column in spec.columns -%}
      {%- do columns.append([output, alias ~ '.c' ~ spec.set ~ '_' ~ (carried.index(column) + 1)]) -%}
    {%- endfor -%}
  {%- else -%}
    {%- for output, column in spec.columns -%}
      {%- set k = loop.index -%}
      {%- if spec.plan == 'lane' and kind in ['concat', 'concat_distinct'] -%}
        {%- set value = activity_schema._lane_list(spec, probe, 'lane' ~ spec.lane.id ~ '_strings.j' ~ i ~ '_s' ~ k, k) -%}
      {%- elif kind == 'concat_distinct' -%}
        {%- set list = 'activity_schema_' ~ source ~ '_j' ~ i ~ '_list' ~ k -%}
        {%- set list_alias = source ~ '_j' ~ i ~ '_list' ~ k -%}
        {%- do joins.append(activity_schema._group_join(plan, list, list_alias, activity_schema._pass_keys(plan, spec), spec.group)) -%}
        {%- set value = list_alias ~ '.list' -%}
      {%- else -%}
        {%- set value = source ~ '.j' ~ i ~ '_a' ~ k -%}
      {%- endif -%}
      {%- if kind == 'distinct' or spec.zero_fill -%}
        {%- set value = 'coalesce(' ~ value ~ ', 0)' -%}
      {%- endif -%}
      {%- do columns.append([output, value]) -%}
    {%- endfor -%}
  {%- endif -%}
  {{ return({'columns': columns, 'joins': joins}) }}
{% endmacro %}

{#- The ranks (lower, upper] of a lane join's matches among its set's targets, as SQL over
    its probe row. -#}
{% macro _lane_bounds(spec, probe) %}
  {%- set i, s = spec.i, spec.set -%}
  {%- if spec.relation.name == 'before' -%}
    {%- if spec.windowed -%}
      {%- set lower = probe ~ '.j' ~ i ~ '_start' if spec.within else '0' -%}
      {{ return({'lower': lower, 'upper': '(' ~ lower ~ ') + ' ~ probe ~ '.j' ~ i ~ '_w'}) }}
    {%- endif -%}
    {{ return({'lower': '0', 'upper': probe ~ ('.b' if spec.folded else '.n') ~ s}) }}
  {%- else -%}
    {%- if spec.windowed -%}
      {%- set lower = probe ~ '.j' ~ i ~ '_start' if spec.at_least else probe ~ '.n' ~ s -%}
      {{ return({'lower': lower, 'upper': '(' ~ lower ~ ') + ' ~ probe ~ '.j' ~ i ~ '_w'}) }}
    {%- endif -%}
    {{ return({'lower': probe ~ '.n' ~ s, 'upper': probe ~ '.total' ~ s}) }}
  {%- endif -%}
{% endmacro %}

{#- A lane join's list: its part of the partition's whole list, cut by running lengths
    (each value counts its length plus the delimiter's). -#}
{% macro _lane_list(spec, probe, whole, k) %}
  {%- set d = spec.delimiter | length -%}
  {%- set int = dbt.type_int() -%}
  {%- set prefix = 'coalesce(' ~ probe ~ '.j' ~ spec.i ~ '_pre' ~ k ~ ', 0)' -%}
  {%- if spec.windowed -%}
    {%- set length = probe ~ '.j' ~ spec.i ~ '_len' ~ k -%}
    {%- set start = prefix if (spec.relation.name == 'after' or spec.within) else '0' -%}
  {%- elif spec.relation.name == 'before' -%}
    {%- set length = probe ~ '.j' ~ spec.i ~ '_pre' ~ k -%}
    {%- set start = '0' -%}
  {%- else -%}
    {%- set length = 'coalesce(' ~ probe ~ '.j' ~ spec.i ~ '_all' ~ k ~ ', 0) - ' ~ prefix -%}
    {%- set start = prefix -%}
  {%- endif -%}
  {{ return('case when ' ~ length ~ ' > 0 then substr(' ~ whole ~ ', cast(' ~ start ~ ' + 1 as ' ~ int ~ '), cast(' ~ length ~ ' - ' ~ d ~ ' as ' ~ int ~ ')) end') }}
{% endmacro %}

{#- The condition that a target's ts lies in a checked join's relation to the cohort row (a
    period's before is ahead of its start, its after from its end on). -#}
{% macro _checked(plan, spec, ts) %}
  {%- if plan.cohort.periods -%}
    {{ return(ts ~ (' < cohort.period_start' if spec.check == 'before' else ' >= cohort.period_end')) }}
  {%- endif -%}
  {{ return(ts ~ (' < ' if spec.check == 'before' else ' > ') ~ activity_schema._selected_value(plan, 'ts')) }}
{% endmacro %}

{#- A pick's output columns read from the columns its pass carried (`prefix` and the
    column's number in its set), null when a checked pick's ts fails the check. -#}
{% macro _carried_columns(plan, spec, prefix, ts) %}
  {%- set carried = plan.sets[spec.set - 1].columns -%}
  {%- set columns = [] -%}
  {%- for output, column in spec.columns -%}
    {%- set value = prefix ~ (carried.index(column) + 1) -%}
    {%- if spec.check -%}
      {%- set value = 'case when ' ~ activity_schema._checked(plan, spec, ts) ~ ' then ' ~ value ~ ' end' -%}
    {%- endif -%}
    {%- do columns.append([output, value]) -%}
  {%- endfor -%}
  {{ return(columns) }}
{% endmacro %}
