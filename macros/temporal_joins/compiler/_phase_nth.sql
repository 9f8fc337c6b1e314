{#- The n-th target of a group of targets, or from the last, ranked in (ts, activity_id)
    order by a window over the target rows alone and kept with its ts and its set's
    columns:
    - an nth_ever join, or an nth before / after join checked against the person's n-th
      target (_ever_check): the person's targets within its match values; the select
      joins it on the person key and the match values, and checks its ts;
    - an nth in-between join without a window pass: the targets of an in-between segment
      within its match values and time window; the select joins it on the segment's
      owner and the match values. -#}
{% macro _phase_nth(plan, spec) -%}
  {%- set segment = spec.relation.plan == 'segment' -%}
  {%- set keys = ['segment_id' if segment else 'join_key'] -%}
  {%- for p in spec.pairs -%}{%- do keys.append('mt' ~ p) -%}{%- endfor -%}
  {%- set carried = ['ts'] -%}
  {%- for column in plan.sets[spec.set - 1].columns -%}{%- do carried.append('c' ~ spec.set ~ '_' ~ loop.index) -%}{%- endfor -%}
activity_schema_nth{{ spec.i }} as (
    select {{ (keys + carried) | join(', ') }}
    from (
        select
            {{ (keys + carried) | join(', ') }},
            {{ activity_schema._target_rank(keys, spec.position.from != 'start') }} as target_rank
        from {{ 'activity_schema_segment_rows' if segment else 'activity_schema_source' }}
        where {{ activity_schema._segment_admitted(plan, spec) if segment else 't' ~ spec.set ~ ' = 1' }}
        {%- for p in spec.pairs %}
          and mt{{ p }} is not null
        {%- endfor %}
    ) as activity_schema_ranked
    where target_rank = {{ spec.position.n }}
)
{%- endmacro %}

{#- A target row's rank among the target rows of equal `keys`, in (ts, activity_id) order,
    or from the last. -#}
{% macro _target_rank(keys, from_last=false) %}
  {%- set direction = ' desc' if from_last else '' -%}
  {{ return('row_number() over (partition by ' ~ keys | join(', ') ~ ' order by ts' ~ direction ~ ', '
            ~ activity_schema.binary_order('activity_id') ~ direction ~ ')') }}
{% endmacro %}
