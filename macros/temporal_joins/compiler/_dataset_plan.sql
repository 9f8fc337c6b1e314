{#- The plan of one temporal-join query: which pass computes each join, and what each pass
    needs. Specs come validated (_join_spec); each gets:
    - i: its number, naming its intermediate columns j<i>_...;
    - plan: ever (one GROUP BY per person), nth (the n-th of the person's targets, ranked
      by a window over the target rows alone, for nth_ever and the checked nth picks, and
      for a query's one first / last pick where _plan_choices says so; in a query with no window
      pass also the n-th of an in-between segment's targets), lane (a
      window pass over cohort and target rows), segment (in-between segments, one GROUP BY),
      nearest (a pick from, or a count up to, the nearest target after / before, found by
      nearest_row_join, in a query with no window pass);
    - set: its target set (activities + where + the match values it needs present), whose
      flag t<set> marks its rows and whose running count n<set> ranks them;
    - lane: the window pass it reads: 0, the main lane partitioned by person, or one per
      distinct match list, partitioned by person and the match values;
    - probe: the rank of the lane's probe row it reads (_spec_probes); folded: a before join
      reading the rank-2 probe through the frame of earlier rows (_plan_choices);
    - group: for ever and segment plans, its GROUP BY, one per distinct match list (an
      ever group in_lane is computed by the main lane instead);
    - pairs: its match pairs, numbered across the query (mc<p> cohort side, mt<p> target side).
    `segment_owners`: segments are keyed by their cohort row's activity_id (segment_id),
    found by nearest_row_join, rather than by the main lane's cohort_occurrence.
    `picks_carry`: first / last picks carry their columns through their pass (min_by in a
    GROUP BY, _window_pick in a window pass).
    `selected_join`: how the select joins a selected row's probe rows and stream row.
    `shares_pick_fetch`: joins of a GROUP BY that pick the same row fetch it once (_same_pick).
    `direct`: without lanes or periods, the select reads its cohort rows from the stream.
    `person_column`: a direct select works out the cohort row's person key once, as a column
    it leaves out of its output (where the warehouse excludes a column without introspection).
    `cohort` is {activities, where (SQL list), filter, columns ([[output, column], ...])}. -#}
{% macro _dataset_plan(stream, cohort, specs) %}
  {%- set plan = {'stream': stream, 'cohort': cohort, 'specs': specs, 'sets': [], 'pairs': [], 'lanes': [],
                  'segment_groups': [], 'ever_groups': [], 'time_key': false} -%}
  {%- set activities = cohort.activities | list -%}
  {#- Where the warehouse joins a row to its nearest row, a query needs no window pass unless
      a join reads one: a before / after join that the nearest target does not answer
      (_nearest_answer), a cohort_filter (occurrences) or periods. Then a count or a pick
      counted from the cohort row joins each cohort row to its nearest target, and a target
      finds its in-between segment by joining the latest cohort row before it. Each nearest
      join sorts the cohort rows again, while one window pass serves every join: from four
      of them on (as in all twelve join types in one call) the window pass was as fast or
      faster, at 1M rows with long and with short histories. -#}
  {%- set windowed = [] -%}
  {%- set nearest = [] -%}
  {%- for spec in specs if spec.relation.plan == 'lane' and not activity_schema._ever_check(spec) -%}
    {%- do (nearest if activity_schema._nearest_answer(spec) else windowed).append(spec) -%}
  {%- endfor -%}
  {%- set windowless = windowed | length == 0 and nearest | length <= 3 and not cohort.periods and cohort.filter == 'all'
                       and activity_schema.nearest_row_join('target', 'target', 'cohort', [], 'after') is not none -%}
  {#- A query's only first / last pick over all of a person's targets ranks them where the
      warehouse prefers it; several such picks share one GROUP BY. -#}
  {%- set ever_picks = [] -%}
  {%- for spec in specs if spec.aggregation.kind == 'pick' and spec.position.n == 1 and (spec.relation.plan == 'group' or activity_schema._ever_check(spec)) -%}
    {%- do ever_picks.append(spec) -%}
  {%- endfor -%}
  {%- set choices = activity_schema._plan_choices() -%}
  {%- do plan.update({'shares_pick_fetch': choices.shares_pick_fetch}) -%}
  {%- set ranks_ever_picks = ever_picks | length == 1 and choices.ranks_ever_picks -%}
  {%- for spec in specs -%}
    {%- do spec.update({'i': loop.index, 'folded': false}) -%}
    {%- set is_pick = spec.aggregation.kind == 'pick' -%}
    {%- do spec.update({'check': activity_schema._ever_check(spec)}) -%}
    {%- set answered_by_all_targets = spec.relation.plan == 'group' or spec.check -%}
    {%- if answered_by_all_targets and not (is_pick and (spec.position.n > 1 or ranks_ever_picks)) -%}
      {%- do spec.update({'plan': 'ever'}) -%}
    {%- elif answered_by_all_targets or (spec.relation.plan == 'segment' and windowless and is_pick and spec.position.n > 1) -%}
      {%- do spec.update({'plan': 'nth'}) -%}
    {%- elif spec.relation.plan == 'segment' -%}
      {%- do spec.update({'plan': 'segment'}) -%}
    {%- elif windowless -%}
      {%- do spec.update({'plan': 'nearest'}) -%}
    {%- else -%}
      {%- do spec.update({'plan': 'lane'}) -%}
    {%- endif -%}
    {#- Match pairs, numbered once per distinct pair. -#}
    {%- set pair_ids = [] -%}
    {%- for pair in spec.match -%}
      {%- set key = pair | tojson -%}
      {%- set found = plan.pairs | selectattr('key', 'equalto', key) | list -%}
      {%- if not found -%}
        {%- set values = activity_schema._match_values(pair) -%}
        {%- do plan.pairs.append({'key': key, 'columns': pair, 'id': plan.pairs | length + 1, 'cohort': values[0], 'target': values[1], 'targets': []}) -%}
        {%- set found = [plan.pairs[-1]] -%}
      {%- endif -%}
      {%- do found[0].targets.extend(spec.targets) -%}
      {%- do pair_ids.append(found[0].id) -%}
    {%- endfor -%}
    {%- do spec.update({'pairs': pair_ids}) -%}
    {#- The target set: in a match lane its rows need every match value present. -#}
    {%- set condition = ['activity in (' ~ activity_schema._literal_list(spec.targets) ~ ')'] + spec.where -%}
    {%- if spec.plan in ['lane', 'nearest'] -%}
      {%- for p in pair_ids -%}{%- do condition.append('(' ~ plan.pairs[p - 1].target ~ ') is not null') -%}{%- endfor -%}
    {%- endif -%}
    {%- set condition = condition | join(' and ') -%}
    {%- set found = plan.sets | selectattr('condition', 'equalto', condition) | list -%}
    {%- if not found -%}
      {%- do plan.sets.append({'id': plan.sets | length + 1, 'condition': condition, 'activities': spec.targets, 'columns': []}) -%}
      {%- set found = [plan.sets[-1]] -%}
    {%- endif -%}
    {%- do spec.update({'set': found[0].id}) -%}
    {%- do activities.extend(spec.targets) -%}
    {#- Columns a pick by rank carries through its pass, numbered per set. -#}
    {%- if is_pick and (activity_schema._picks_by_rank(spec) or spec.plan in ['nearest', 'nth']) -%}
      {%- for output, column in spec.columns if column not in found[0].columns -%}
        {%- do found[0].columns.append(column) -%}
      {%- endfor -%}
    {%- endif -%}
    {#- The lane or group it belongs to. Without a window pass, a segment's target finds its
        segment's owner instead of reading the main lane's count of cohort rows. -#}
    {%- set signature = pair_ids | join(',') -%}
    {%- set lane_signature = '' if spec.plan == 'segment' else signature -%}
    {%- if spec.plan == 'lane' or (spec.plan == 'segment' and not windowless) -%}
      {%- set lanes = plan.lanes | selectattr('signature', 'equalto', lane_signature) | list -%}
      {%- if not lanes -%}
        {%- do plan.lanes.append({'signature': lane_signature, 'pairs': [] if spec.plan == 'segment' else pair_ids, 'specs': [], 'sets': [], 'probes': [], 'time_key': false}) -%}
        {%- set lanes = [plan.lanes[-1]] -%}
      {%- endif -%}
      {%- set lane = lanes[0] -%}
      {%- do lane.specs.append(spec) -%}
      {%- if spec.set not in lane.sets -%}{%- do lane.sets.append(spec.set) -%}{%- endif -%}
      {%- set probes = activity_schema._spec_probes(cohort, spec) -%}
      {%- do spec.update({'probe': probes[0]}) -%}
      {%- for probe in probes if probe not in lane.probes -%}{%- do lane.probes.append(probe) -%}{%- endfor -%}
      {%- if spec.windowed -%}{%- do lane.update({'time_key': true}) -%}{%- do plan.update({'time_key': true}) -%}{%- endif -%}
      {%- do spec.update({'lane': lane}) -%}
    {%- endif -%}
    {%- if spec.plan in ['segment', 'ever'] -%}
      {%- set groups_list = plan.segment_groups if spec.plan == 'segment' else plan.ever_groups -%}
      {%- set groups = groups_list | selectattr('signature', 'equalto', signature) | list -%}
      {%- if not groups -%}
        {%- do groups_list.append({'signature': signature, 'id': groups_list | length + 1, 'pairs': pair_ids, 'specs': [], 'in_lane': false}) -%}
        {%- set groups = [groups_list[-1]] -%}
      {%- endif -%}
      {%- do groups[0].specs.append(spec) -%}
      {%- do spec.update({'group': groups[0]}) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- do plan.update({'segment_owners': windowless and specs | selectattr('relation.plan', 'equalto', 'segment') | list | length > 0}) -%}
  {#- The main lane numbers cohort occurrences for cohort_filter, so it exists whenever one
      is asked for; it is lane 0 and reads its cohort rows from its first probe. -#}
  {%- set main = plan.lanes | selectattr('signature', 'equalto', '') | list -%}
  {%- if not main and cohort.filter != 'all' -%}
    {%- do plan.lanes.append({'signature': '', 'pairs': [], 'specs': [], 'sets': [], 'probes': [2], 'time_key': false}) -%}
  {%- endif -%}
  {#- Where the warehouse has an exact min_by and either no window pass would carry them
      through its sort or _plan_choices says to, the pass of a first / last pick carries the
      picked row's columns (an ever or segment GROUP BY by min_by, a window pass by
      _window_pick); otherwise it finds the row's activity_id and the select fetches the row.
      The choices hold where every cohort row is selected: carrying costs a little on every
      row of the pass, fetching only on the rows selected, and a cohort_filter selects few
      (on DuckDB, first occurrences at 1M rows: fetched 1.09 s, carried 1.27 s). -#}
  {%- set every_cohort_row = cohort.filter == 'all' and not cohort.periods -%}
  {%- do plan.update({'picks_carry': (not plan.lanes or (choices.carries_lane_picks and every_cohort_row)) and activity_schema.min_by('ts', ['ts']) is not none,
                      'selected_join': 'left join' if choices.left_joins_selected and every_cohort_row else 'inner join'}) -%}
  {%- for spec in specs if plan.picks_carry and spec.plan in ['ever', 'segment', 'lane'] and spec.aggregation.kind == 'pick'
        and not activity_schema._picks_by_rank(spec) -%}
    {%- set carried = plan.sets[spec.set - 1].columns -%}
    {%- for output, column in spec.columns if column not in carried -%}{%- do carried.append(column) -%}{%- endfor -%}
  {%- endfor -%}
  {%- set ordered = (plan.lanes | selectattr('signature', 'equalto', '') | list) + (plan.lanes | rejectattr('signature', 'equalto', '') | list) -%}
  {%- do plan.update({'lanes': ordered, 'main': ordered and ordered[0].signature == '', 'activities': activities | unique | list,
                      'direct': not ordered and not cohort.periods}) -%}
  {%- do plan.update({'person_column': plan.direct and activity_schema.star_except('cohort', ['activity_schema_person'], none) is not none}) -%}
  {#- An ever group the main lane computes where _plan_choices says so: its targets are
      rows of the lane, its match list is empty and each of its aggregates works over a
      window frame (no distinct count or ordered list). Picks carried by min_by stay in
      their GROUP BY (on DuckDB, the only warehouse that carries them beside a window pass,
      it was the faster). -#}
  {%- set main_sets = ordered[0].sets if plan.main else [] -%}
  {%- for group in plan.ever_groups -%}
    {%- set sets = group.specs | map(attribute='set') | list -%}
    {%- set kinds = group.specs | map(attribute='aggregation') | map(attribute='kind') | list -%}
    {%- do group.update({'in_lane': choices.ever_in_lane and every_cohort_row and not plan.picks_carry and not group.pairs
                                    and sets | reject('in', main_sets) | list | length == 0
                                    and kinds | reject('in', ['count', 'exists', 'pick', 'frame']) | list | length == 0}) -%}
  {%- endfor -%}
  {%- set folds = not cohort.periods and choices.folds_before_probe -%}
  {%- for lane in ordered -%}
    {%- if cohort.periods and 0 not in lane.probes -%}{%- do lane.probes.append(0) -%}{%- endif -%}
    {%- do lane.update({'id': loop.index0, 'probes': lane.probes | sort(reverse=true), 'folded': folds and lane.probes | sort == [0, 2]}) -%}
    {%- for spec in lane.specs if lane.folded and spec.probe == 0 -%}
      {%- do spec.update({'probe': 2, 'folded': true}) -%}
    {%- endfor -%}
    {%- if lane.folded -%}{%- do lane.update({'probes': [2]}) -%}{%- endif -%}
    {%- do lane.update({'primary': 0 if cohort.periods else lane.probes[0]}) -%}
  {%- endfor -%}
  {{ return(plan) }}
{% endmacro %}

{#- The probe ranks a join needs in its lane, the one it reads first. A cohort row's probes
    sit at its ts: rank 0 ahead of the targets of equal ts, rank 2 behind them. A period's
    sit at its bounds, both ahead of the targets there: rank 0 at period_start, rank -1 at
    period_end; a period's segment runs from the one to the other. -#}
{% macro _spec_probes(cohort, spec) %}
  {%- if spec.plan == 'segment' -%}
    {{ return([0, -1] if cohort.periods else [2]) }}
  {%- elif spec.relation.name == 'before' -%}
    {{ return([0]) }}
  {%- elif spec.relation.name == 'after' -%}
    {{ return([-1] if cohort.periods else [2]) }}
  {%- endif -%}
  {{ return([0] if cohort.periods else [2]) }}
{% endmacro %}

{#- A before / after join that the person's targets alone answer: the n-th target before
    the cohort row is the person's n-th target, if that lies before it (the targets before a
    row are a prefix of all targets); likewise the n-th from the last after is the n-th from
    the last, if it lies after; and any lies before (after) when the first (last) does.
    Returns the relation to check, or none. -#}
{% macro _ever_check(spec) %}
  {%- set kind = spec.aggregation.kind -%}
  {%- if spec.relation.plan != 'lane' or spec.windowed -%}{{ return(none) }}{%- endif -%}
  {%- set edge = 'start' if spec.relation.name == 'before' else 'end' -%}
  {%- if kind == 'exists' or (kind == 'pick' and spec.position.from == edge) -%}
    {{ return(spec.relation.name) }}
  {%- endif -%}
  {{ return(none) }}
{% endmacro %}

{#- A join that the nearest target on its side answers, counted from the cohort row: a pick
    (the n-th after or the n-th from the last before, within a time window or not: the
    first is the nearest target, the n-th is n - 1 ranks on from it among the person's
    targets, and the one picked is the one to check against the window), or a count before
    / after without a time window (the nearest target's rank among the person's targets,
    counted from the cohort row's side). -#}
{% macro _nearest_answer(spec) %}
  {%- set position = spec.aggregation.kind == 'pick' and spec.position -%}
  {{ return((spec.aggregation.kind == 'count' and not spec.windowed)
            or (position and not spec.at_least
                and ((spec.relation.name == 'after' and position.from == 'start')
                     or (spec.relation.name == 'before' and position.from != 'start')))) }}
{% endmacro %}

{#- Whether a pick fetches its row by rank (the n-th target, or the first / last within a
    time window, whose range frame orders by ts alone and so cannot break ties) rather
    than by the activity_id a window pick or a GROUP BY finds. -#}
{% macro _picks_by_rank(spec) %}
  {{ return(spec.position.n > 1 or spec.windowed) }}
{% endmacro %}

{#- Escaped string literals, comma-separated. -#}
{% macro _literal_list(values) %}
  {%- set literals = [] -%}
  {%- for value in values -%}{%- do literals.append(activity_schema.string_literal(value)) -%}{%- endfor -%}
  {{ return(literals | join(', ')) }}
{% endmacro %}
