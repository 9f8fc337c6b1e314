{#- A first-after or last-before pick in a query without a window pass: each cohort row
    joined to its nearest target on that side (nearest_row_join: same person and match
    values, ts strictly after / before), kept when it lies in the join's time window, with
    its set's columns. The select joins it on the cohort row's activity_id. -#}
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
activity_schema_nearest{{ spec.i }} as (
    select nearest_cohort.activity_id{% for column in carried %}, nearest_target.{{ column }}{% endfor %}
    from (
        select {{ (cohort_keys + ['ts', 'activity_id']) | join(', ') }}
        from activity_schema_source
        where {{ activity_schema._cohort_filter_sql(plan) }}
    ) as nearest_cohort
    {{ activity_schema.nearest_row_join(
        '(select ' ~ (target_keys + ['ts', 'activity_id'] + carried) | join(', ') ~ ' from activity_schema_source where t' ~ spec.set ~ ' = 1)',
        'nearest_target', 'nearest_cohort', keys, spec.relation.name) }}
    {%- if spec.within %}
    where nearest_target.ts {{ '<=' if after else '>=' }} {{ dbt.dateadd('minute', spec.within if after else -spec.within, 'nearest_cohort.ts') }}
    {%- endif %}
)
{%- endmacro %}
