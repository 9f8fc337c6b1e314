{#- The SQL of a temporal-join query from its plan (_dataset_plan): the source rows, one
    window pass per lane (or each in-between target's segment owner), the GROUP BY passes,
    the ranked targets of n-th nearest picks and nearest counts without a window pass, then one row per
    selected cohort row with the stream's columns and each join's columns.
    No join pairs a person's rows by an inequality: every join back is on the person, an
    occurrence number, a rank or an activity_id, and a nearest-row join finds one row. -#}
{% macro _temporal_join_sql(plan) -%}
  {%- set ctes = [activity_schema._phase_source(plan)] -%}
  {%- if plan.cohort.periods -%}{%- do ctes.append(activity_schema._phase_spine(plan)) -%}{%- endif -%}
  {%- for lane in plan.lanes -%}{%- do ctes.append(activity_schema._phase_lane(plan, lane)) -%}{%- endfor -%}
  {%- if plan.segment_owners -%}{%- do ctes.append(activity_schema._phase_segment_rows(plan)) -%}{%- endif -%}
  {%- for group in plan.segment_groups -%}{%- do ctes.append(activity_schema._phase_segments(plan, group)) -%}{%- endfor -%}
  {%- for group in plan.ever_groups if not group.in_lane -%}{%- do ctes.append(activity_schema._phase_ever(plan, group)) -%}{%- endfor -%}
  {%- for spec in plan.specs if spec.plan == 'nth' -%}{%- do ctes.append(activity_schema._phase_nth(plan, spec)) -%}{%- endfor -%}
  {%- for spec in plan.specs if spec.plan == 'nearest' and activity_schema._nearest_targets(plan, spec).ranked -%}{%- do ctes.append(activity_schema._phase_nearest(plan, spec)) -%}{%- endfor -%}
with {{ ctes | map('trim') | join(',\n\n') }}

{{ activity_schema._phase_select(plan) }}
{%- endmacro %}
