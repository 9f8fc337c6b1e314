-- Activities per day: how many, by how many people, and their revenue.
select
    {{ activity_schema.surrogate_key(["cast(cast(ts as date) as varchar)", 'activity']) }} as daily_activity_id,
    cast(ts as date) as activity_date,
    activity,
    count(*) as activities,
    count(distinct coalesce(customer, anonymous_customer_id)) as people,
    count(distinct customer) as customers,
    sum(revenue_impact) as revenue
from {{ ref('customer_stream') }}
group by 2, 3
