-- Weekly retention: customers by the week they signed up, and the share of each cohort
-- that visited again n weeks later.
with signups as (
    select customer, date_trunc('week', ts) as cohort_week
    from {{ ref('customer_stream') }}
    where activity = 'signed_up' and activity_occurrence = 1
),

visit_weeks as (
    select distinct customer, date_trunc('week', ts) as active_week
    from {{ ref('customer_stream') }}
    where activity = 'started_session' and customer is not null
),

cohorts as (
    select cohort_week, count(*) as cohort_size from signups group by 1
),

last_week as (
    select date_trunc('week', max(ts)) as week from {{ ref('customer_stream') }}
),

weeks as (
    select cohorts.cohort_week, cohorts.cohort_size, offsets.week_number
    from cohorts
    cross join last_week
    cross join (select range as week_number from range(0, 60)) as offsets
    where cohorts.cohort_week + to_weeks(offsets.week_number) <= last_week.week
),

active as (
    select signups.cohort_week, {{ dbt.datediff('signups.cohort_week', 'visit_weeks.active_week', 'week') }} as week_number, count(distinct signups.customer) as active_customers
    from signups
    join visit_weeks on visit_weeks.customer = signups.customer and visit_weeks.active_week >= signups.cohort_week
    group by 1, 2
)

select
    weeks.cohort_week,
    weeks.week_number,
    weeks.cohort_size,
    coalesce(active.active_customers, 0) as active_customers,
    coalesce(active.active_customers, 0) * 1.0 / weeks.cohort_size as retention
from weeks
left join active on active.cohort_week = weeks.cohort_week and active.week_number = weeks.week_number
