{#- A pick counted from the cohort row in a query without a window pass (_nearest_pick):
    each cohort row joined to its nearest target on that side (nearest_row_join: same
    person and match values, ts strictly after / before). The first after or the last
    before is that target; the n-th is n - 1 ranks on from it among the person's targets,
    ranked by a window over the target rows alone. The pick is kept when it lies in the
    join's time window, with its set's columns; the select joins it on the cohort row's
    activity_id. -#}
{% macro _phase_nearest(plan, spec) -%}
  {%- set keys = ['join_key'] -%}
  {%- set cohort_keys = ['join_key'] -%}
  {%- set target_keys = ['join_key'] -%}
  {%- for p in spec.pairs -%}
    {%- do keys.append('m' ~ p) -%}
    {%- do cohort_keys.append('mc' ~ p ~ ' as m' ~ p) -%}
    {%- do target_keys.append('mt' ~ p ~ ' as m' ~ p) -%}
  {%- endfor -%}
  {%- set carried = [] -%}
  {%- for column in plan.sets[spec.set - 1].columns -%}{%- do carried.append('c' ~ spec.set ~ '_' ~ loop.index) -%}{%- endfor -%}
  {%- set after = spec.relation.name == 'after' -%}
  {%- set steps = spec.position.n - 1 -%}
  {%- set target_rows = '(select ' ~ (target_keys + ['ts', 'activity_id'] + carried) | join(', ') ~ ' from activity_schema_source where t' ~ spec.set ~ ' = 1)' -%}
  {%- set targets = 'activity_schema_nearest' ~ spec.i ~ '_ranked' if steps else target_rows -%}
  {%- set picked = 'picked' if steps else 'nearest_target' -%}
{%- if steps %}
{{ targets }} as (
    select
        {{ (keys + ['ts', 'activity_id'] + carried) | join(', ') }},
        {{ activity_schema._target_rank(keys) }} as target_rank
    from {{ target_rows }} as activity_schema_targets
),
{%- endif %}
activity_schema_nearest{{ spec.i }} as (
    select nearest_cohort.activity_id{% for column in carried %}, {{ picked }}.{{ column }}{% endfor %}
    from (
        select {{ (cohort_keys + ['ts', 'activity_id']) | join(', ') }}
        from activity_schema_source
        where {{ activity_schema._cohort_filter_sql(plan) }}
    ) as nearest_cohort
    {{ activity_schema.nearest_row_join(targets, 'nearest_target', 'nearest_cohort', keys, spec.relation.name) }}
    {%- if steps %}
    inner join {{ targets }} as picked
        on {% for key in keys %}picked.{{ key }} = nearest_target.{{ key }}
       and {% endfor %}picked.target_rank = nearest_target.target_rank {{ '+' if after else '-' }} {{ steps }}
    {%- endif %}
    {%- if spec.within %}
    where {{ picked }}.ts {{ '<=' if after else '>=' }} {{ dbt.dateadd('minute', spec.within if after else -spec.within, 'nearest_cohort.ts') }}
    {%- endif %}
)
{%- endmacro %}
