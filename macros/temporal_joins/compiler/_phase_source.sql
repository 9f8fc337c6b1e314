{#- The stream rows the query reads, once: cohort and target rows of a person, with their
    person key, the cohort flag, one flag per target set, the match values, the values
    aggregations read and the columns picks carry. -#}
{% macro _phase_source(plan) -%}
activity_schema_source as {{ activity_schema.cte_not_materialized() }}(
    select * from (
        select
            {%- for name, value in activity_schema._source_columns(plan) %}
            {{ value }} as {{ name }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ plan.stream }}
        where activity in ({{ activity_schema._literal_list(plan.activities) }})
    ) as activity_schema_keyed
    where join_key is not null
)
{%- endmacro %}

{#- [[name, SQL], ...] of the source's columns, in order. -#}
{% macro _source_columns(plan) %}
  {%- set cohort_condition = (['activity in (' ~ activity_schema._literal_list(plan.cohort.activities) ~ ')'] + plan.cohort.where) | join(' and ') -%}
  {%- set columns = [['activity_id', 'activity_id'], ['ts', 'ts'], ['activity', 'activity'],
                     ['join_key', activity_schema._person_key()],
                     ['is_cohort', 'case when ' ~ cohort_condition ~ ' then 1 else 0 end']] -%}
  {%- if plan.cohort.periods -%}
    {#- The person's ids, which the periods report. -#}
    {%- do columns.extend([['customer', activity_schema.nullif_blank('customer')], ['anonymous_customer_id', activity_schema.nullif_blank('anonymous_customer_id')]]) -%}
  {%- endif -%}
  {%- for set in plan.sets -%}
    {%- do columns.append(['t' ~ set.id, 'case when ' ~ set.condition ~ ' then 1 else 0 end']) -%}
  {%- endfor -%}
  {%- if plan.time_key -%}
    {%- do columns.append(['tk', activity_schema.epoch_microseconds('ts')]) -%}
  {%- endif -%}
  {%- for pair in plan.pairs -%}
    {%- do columns.append(['mc' ~ pair.id, 'case when ' ~ cohort_condition ~ ' then ' ~ pair.cohort ~ ' end']) -%}
    {%- do columns.append(['mt' ~ pair.id, 'case when activity in (' ~ activity_schema._literal_list(pair.targets | unique) ~ ') then ' ~ pair.target ~ ' end']) -%}
  {%- endfor -%}
  {%- for spec in plan.specs if spec.aggregation.kind not in ['count', 'exists', 'pick'] -%}
    {%- set condition = plan.sets[spec.set - 1].condition -%}
    {%- for output, column in spec.columns -%}
      {%- do columns.append(['j' ~ spec.i ~ '_m' ~ loop.index, 'case when ' ~ condition ~ ' then ' ~ activity_schema._measure(column, spec.aggregation.measure) ~ ' end']) -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- for set in plan.sets -%}
    {%- for column in set.columns -%}
      {%- do columns.append(['c' ~ set.id ~ '_' ~ loop.index, 'case when ' ~ set.condition ~ ' then ' ~ activity_schema._column_value(column) ~ ' end']) -%}
    {%- endfor -%}
  {%- endfor -%}
  {{ return(columns) }}
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

{#- The periods of a period_dataset: one row per person per period, from the period of the
    person's first entity activity to the last period (`end`). Its rows are the cohort rows
    of the query, keyed by a made-up activity_id, with the person's ids (its customer, else
    its anonymous id) taken from its rows. Periods are numbered from a person's
    first by a table of whole numbers: seven digits cross-joined, more than the days between
    any two timestamps, each digit kept only up to the longest span, so the table holds about
    as many rows as the longest span needs. -#}
{% macro _phase_spine(plan) -%}
  {%- set interval = plan.cohort.periods.interval -%}
  {%- set end = plan.cohort.periods.end -%}
  {%- set last_ts = {'max': '(select max(ts) from ' ~ plan.stream ~ ')', 'entity_max': 'last_ts', 'current': activity_schema.current_utc_timestamp()}[end] -%}
  {%- set int = dbt.type_int() -%}
  {%- set digits = [] -%}
  {%- for place in [1, 10, 100, 1000, 10000, 100000, 1000000] -%}
    {%- do digits.append(place ~ ' * d' ~ loop.index ~ '.digit') -%}
  {%- endfor -%}
activity_schema_people as (
    select
        join_key,
        max(customer) as customer,
        max(anonymous_customer_id) as anonymous_customer_id,
        {{ activity_schema.period_start('min(ts)', interval) }} as first_period,
        {{ activity_schema.period_start(last_ts if end != 'entity_max' else 'max(ts)', interval) }} as last_period
    from activity_schema_source
    where {{ activity_schema._cohort_filter_sql(plan) }}
    group by join_key
),

activity_schema_spans as (
    select join_key, customer, anonymous_customer_id, first_period, {{ activity_schema.periods_between('first_period', 'last_period', interval) }} as span
    from activity_schema_people
),

activity_schema_digits as (
    {%- for digit in range(10) %}
    select {{ digit }} as digit{{ ' union all' if not loop.last }}
    {%- endfor %}
),

activity_schema_longest as (
    select max(span) as span from activity_schema_spans
),

activity_schema_numbers as (
    select cast({{ digits | join(' + ') }} as {{ int }}) as n
    from activity_schema_longest as longest
    {%- for digit in digits %}
    cross join activity_schema_digits as d{{ loop.index }}
    {%- endfor %}
    where {% for digit in digits %}{{ digit }} <= longest.span and {% endfor %}{{ digits | join(' + ') }} <= longest.span
),

activity_schema_spine as (
    select
        spans.join_key || '|' || cast(numbers.n as {{ dbt.type_string() }}) as activity_id,
        spans.join_key,
        spans.customer,
        case when spans.customer is null then spans.anonymous_customer_id end as anonymous_customer_id,
        {{ activity_schema.add_periods('spans.first_period', 'numbers.n', interval) }} as period_start,
        {{ activity_schema.add_periods('spans.first_period', 'numbers.n + 1', interval) }} as period_end
    from activity_schema_spans as spans
    cross join activity_schema_numbers as numbers
    where numbers.n <= spans.span
)
{%- endmacro %}
