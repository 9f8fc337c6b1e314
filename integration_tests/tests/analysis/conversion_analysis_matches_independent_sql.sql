-- conversion_analysis holds exactly one row per person's first signup (ordered by ts, then
-- activity_id) and its first purchase, purchase count and revenue after the signup agree with
-- a plain inequality-join computation over the stream. Returns the disagreeing rows.
with stream as (
    select *, coalesce(customer, anonymous_customer_id) as person
    from {{ ref('customer_stream') }}
    where coalesce(customer, anonymous_customer_id) is not null
),

first_signups as (
    select activity_id, person, ts
    from (
        select activity_id, person, ts,
               row_number() over (partition by person order by ts, activity_id) as occurrence
        from stream
        where activity = 'signed_up'
    ) as numbered
    where occurrence = 1
),

expected as (
    select
        first_signups.activity_id,
        min(purchases.ts) as first_purchase_at,
        count(purchases.activity_id) as purchases_after_signup,
        coalesce(sum(purchases.revenue_impact), 0) as revenue_after_signup
    from first_signups
    left join stream as purchases
        on purchases.person = first_signups.person
        and purchases.activity = 'made_purchase'
        and purchases.ts > first_signups.ts
    group by first_signups.activity_id
)

select
    coalesce(expected.activity_id, actual.activity_id) as activity_id,
    expected.first_purchase_at as expected_first_purchase_at,
    actual.first_purchase_at,
    expected.purchases_after_signup as expected_purchases_after_signup,
    actual.purchases_after_signup,
    expected.revenue_after_signup as expected_revenue_after_signup,
    actual.revenue_after_signup
from expected
full outer join {{ ref('conversion_analysis') }} as actual
    on actual.activity_id = expected.activity_id
where expected.activity_id is null
   or actual.activity_id is null
   or actual.first_purchase_at is distinct from expected.first_purchase_at
   or actual.purchases_after_signup <> expected.purchases_after_signup
   or abs(actual.revenue_after_signup - expected.revenue_after_signup) > 0.001
