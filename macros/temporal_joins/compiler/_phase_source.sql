{#- The stream rows the query reads, once: cohort and target rows of a person, with their
    person key, the cohort flag, one flag per target set, the match values, the values
    aggregations read and the columns picks carry. -#}
{% macro _phase_source(plan) -%}
  {%- set cohort_condition = activity_schema._cohort_condition(plan) -%}
  {%- set person_key = activity_schema._person_key() -%}
activity_schema_source as {{ activity_schema.cte_not_materialized() }}(
    select
        activity_id,
        ts,
        activity,
        {{ person_key }} as join_key,
        case when {{ cohort_condition }} then 1 else 0 end as is_cohort
        {%- for set in plan.sets %}
        , case when {{ set.condition }} then 1 else 0 end as t{{ set.id }}
        {%- endfor %}
        {%- if plan.time_key %}
        , {{ activity_schema.epoch_microseconds('ts') }} as tk
        {%- endif %}
        {%- for pair in plan.pairs %}
        , case when {{ cohort_condition }} then {{ pair.cohort }} end as mc{{ pair.id }}
        , case when activity in ({{ activity_schema._literal_list(pair.targets | unique) }}) then {{ pair.target }} end as mt{{ pair.id }}
        {%- endfor %}
        {%- for spec in plan.specs if spec.aggregation.kind not in ['count', 'exists', 'pick'] %}
        {%- set condition = plan.sets[spec.set - 1].condition %}
        {%- for output, column in spec.columns %}
        , case when {{ condition }} then {{ activity_schema._measure(column, spec.aggregation.measure) }} end as j{{ spec.i }}_m{{ loop.index }}
        {%- endfor %}
        {%- endfor %}
        {%- for set in plan.sets %}
        {%- for column in set.columns %}
        , case when {{ set.condition }} then {{ activity_schema._column_value(column) }} end as c{{ set.id }}_{{ loop.index }}
        {%- endfor %}
        {%- endfor %}
    from {{ plan.stream }}
    where activity in ({{ activity_schema._literal_list(plan.activities) }})
      and {{ person_key }} is not null
)
{%- endmacro %}

{% macro _cohort_condition(plan) %}
  {{ return((['activity in (' ~ activity_schema._literal_list(plan.cohort.activities) ~ ')'] + plan.cohort.where) | join(' and ')) }}
{% endmacro %}

{#- A column's value as an aggregation reads it (see _aggregations). -#}
{% macro _measure(column, measure) %}
  {%- set value = activity_schema._column_value(column) -%}
  {%- set is_feature = column not in activity_schema._stream_columns() -%}
  {%- if measure == 'number' and is_feature -%}
    {{ return('cast(' ~ value ~ ' as ' ~ activity_schema.type_float() ~ ')') }}
  {%- elif measure == 'text' and not is_feature -%}
    {{ return('cast(' ~ value ~ ' as ' ~ dbt.type_string() ~ ')') }}
  {%- elif measure == 'bool' -%}
    {%- set text = value if is_feature else 'cast(' ~ value ~ ' as ' ~ dbt.type_string() ~ ')' -%}
    {{ return('case when ' ~ text ~ " = 'true' then 1 when " ~ value ~ ' is not null then 0 end') }}
  {%- endif -%}
  {{ return(value) }}
{% endmacro %}
