with activity_schema_source as (
    select
        activity_id,
        ts,
        activity,
        coalesce(customer, anonymous_customer_id) as join_key
    from ACTIVITY_SCHEMA.ANALYTICS.customer_stream
    where activity in ('started_session', 'made_purchase')
      and coalesce(customer, anonymous_customer_id) is not null
),

activity_schema_rows as (
    select activity_schema_source.*, 1 as row_rank from activity_schema_source
    where activity in ('made_purchase')
    union all
    select activity_schema_source.*, 2 as row_rank from activity_schema_source
    where activity = 'started_session'
),

activity_schema_windows as (
    select
        activity_schema_rows.*,
        sum(case when row_rank = 2 then 1 else 0 end) over (partition by join_key order by ts, row_rank, activity_id rows between unbounded preceding and current row) as cohort_occurrence,
        sum(case when row_rank = 2 then 1 else 0 end) over (partition by join_key order by ts, row_rank, activity_id rows between unbounded preceding and unbounded following) as cohort_occurrences
        , first_value(case when row_rank = 2 then ts end) ignore nulls over (partition by join_key order by ts, row_rank, activity_id rows between 1 following and unbounded following) as next_cohort_ts
        , first_value(case when row_rank = 1 and activity = 'made_purchase' then ts end) ignore nulls over (partition by join_key order by ts, row_rank, activity_id rows between 1 following and unbounded following) as next_target_1_ts
    from activity_schema_rows
),

activity_schema_in_between as (
    select
        join_key,
        cohort_occurrence
        , max(case when activity = 'made_purchase' and (next_target_1_ts is null or next_target_1_ts > next_cohort_ts) then activity_id end) as last_in_between_made_purchase__target_id
    from activity_schema_windows
    where row_rank = 1 and cohort_occurrence > 0
    group by join_key, cohort_occurrence
)

select
    cohort.*
    , target_last_in_between_made_purchase.ts as last_in_between_made_purchase_ts
    , target_last_in_between_made_purchase.activity_id as last_in_between_made_purchase_activity_id
    , target_last_in_between_made_purchase.revenue_impact as last_in_between_made_purchase_revenue_impact
    , target_last_in_between_made_purchase.feature_json:"referrer"::varchar as last_in_between_made_purchase_referrer
from activity_schema_windows as probe
left join activity_schema_in_between as in_between
    on in_between.join_key = probe.join_key
   and in_between.cohort_occurrence = probe.cohort_occurrence
inner join ACTIVITY_SCHEMA.ANALYTICS.customer_stream as cohort
    on cohort.activity_id = probe.activity_id
   and cohort.activity = 'started_session'
left join ACTIVITY_SCHEMA.ANALYTICS.customer_stream as target_last_in_between_made_purchase
    on target_last_in_between_made_purchase.activity_id = in_between.last_in_between_made_purchase__target_id
   and target_last_in_between_made_purchase.activity = 'made_purchase'
where probe.row_rank > 1
