with activity_schema_source as (
    select * from (
        select
            activity_id as activity_id,
            ts as ts,
            activity as activity,
            case when trim(cast(customer as varchar), ' ') <> '' then 'c:' || customer
       when trim(cast(anonymous_customer_id as varchar), ' ') <> '' then 'a:' || anonymous_customer_id end as join_key,
            case when activity in ('started_session') then 1 else 0 end as is_cohort,
            case when activity in ('made_purchase') then 1 else 0 end as t1
        from ACTIVITY_SCHEMA.ANALYTICS.customer_stream
        where activity in ('started_session', 'made_purchase')
    ) as activity_schema_keyed
    where join_key is not null
),

activity_schema_lane0_targets as (
    select
        activity_schema_source.*
    from activity_schema_source
    where ((activity in ('made_purchase') and t1 > 0))
),

activity_schema_lane0_rows as (
    select activity_schema_lane0_targets.*, 1 as row_rank from activity_schema_lane0_targets
    union all
    select
        activity_schema_source.*,
        2 as row_rank
    from activity_schema_source
    where activity in ('started_session') and is_cohort > 0
),

activity_schema_lane0_windows as (
    select
        activity_schema_lane0_rows.*
        , sum(case when row_rank = 2 then 1 else 0 end) over (partition by join_key order by ts, row_rank, activity_id rows between unbounded preceding and current row) as cohort_occurrence
    from activity_schema_lane0_rows
),

activity_schema_segments1 as (
    select
        join_key, cohort_occurrence
        , max(case when t1 = 1 then strftime(ts, '%Y-%m-%d %H:%M:%S.%f') || activity_id end) as j1_place
    from activity_schema_lane0_windows
    where abs(row_rank - 1) < 1 and least(cohort_occurrence, t1) > 0
    group by join_key, cohort_occurrence
)

select
    cohort.*
    , pick1.ts as "LAST_IN_BETWEEN_MADE_PURCHASE_TS"
    , pick1.activity_id as "LAST_IN_BETWEEN_MADE_PURCHASE_ACTIVITY_ID"
    , pick1.revenue_impact as "LAST_IN_BETWEEN_MADE_PURCHASE_REVENUE_IMPACT"
    , pick1.feature_json['referrer']::varchar as "LAST_IN_BETWEEN_MADE_PURCHASE_REFERRER"
from activity_schema_lane0_windows as selected
left join activity_schema_segments1 as segments1
    on segments1.join_key = selected.join_key
   and segments1.cohort_occurrence = selected.cohort_occurrence
left join ACTIVITY_SCHEMA.ANALYTICS.customer_stream as pick1
    on pick1.activity_id = substr(segments1.j1_place, 27)
   and pick1.activity in ('made_purchase')
inner join ACTIVITY_SCHEMA.ANALYTICS.customer_stream as cohort
    on cohort.activity_id = selected.activity_id
   and cohort.activity in ('started_session')
where selected.row_rank > 1
