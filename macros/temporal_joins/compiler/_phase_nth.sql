{#- An nth_ever join, or an nth before / after join checked against the person's n-th
    target (_ever_check): the person's target rows (within its match values) ranked in (ts,
    activity_id) order, or from the last, by a window over the target rows alone; the n-th
    is kept with its ts and its set's columns. The select joins it on the person key and
    the match values, and checks its ts. -#}
{% macro _phase_nth(plan, spec) -%}
  {%- set keys = ['join_key'] -%}
  {%- for p in spec.pairs -%}{%- do keys.append('mt' ~ p) -%}{%- endfor -%}
  {%- set direction = '' if spec.position.from == 'start' else ' desc' -%}
  {%- set carried = ['ts'] -%}
  {%- for column in plan.sets[spec.set - 1].columns -%}{%- do carried.append('c' ~ spec.set ~ '_' ~ loop.index) -%}{%- endfor -%}
activity_schema_nth{{ spec.i }} as (
    select {{ (keys + carried) | join(', ') }}
    from (
        select
            {{ (keys + carried) | join(', ') }},
            row_number() over (
                partition by {{ keys | join(', ') }}
                order by ts{{ direction }}, {{ activity_schema.binary_order('activity_id') }}{{ direction }}) as target_rank
        from activity_schema_source
        where t{{ spec.set }} = 1
        {%- for p in spec.pairs %}
          and mt{{ p }} is not null
        {%- endfor %}
    ) as activity_schema_ranked
    where target_rank = {{ spec.position.n }}
)
{%- endmacro %}
