-- The stream's revenue per day equals the billing system's (orders minus refunds), within
-- the tolerance: a failing row is a day where the stream lost, doubled or invented money.
with stream as (
    select cast(ts as date) as day, sum(revenue_impact) as revenue
    from {{ ref('customer_stream') }}
    where revenue_impact is not null
    group by 1
),

billing_movements as (
    select cast(ts as date) as day, amount from {{ ref('stg_orders') }}
    union all
    select cast(ts as date) as day, -amount from {{ ref('stg_refunds') }}
),

billing as (
    select day, sum(amount) as revenue from billing_movements group by 1
)

select
    coalesce(stream.day, billing.day) as day,
    stream.revenue as stream_revenue,
    billing.revenue as billing_revenue
from stream
full outer join billing on billing.day = stream.day
where abs(coalesce(stream.revenue, 0) - coalesce(billing.revenue, 0)) > {{ var('web_activity')['revenue_tolerance'] }}
