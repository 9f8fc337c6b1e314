-- churn_analysis holds exactly one row per person with a session, on that person's last
-- session (ordered by ts, then activity_id), and its last purchase, purchases after the last
-- session and lifetime revenue agree with plain SQL over the stream. Returns disagreeing rows.
with stream as (
    select *, coalesce(customer, anonymous_customer_id) as person
    from {{ ref('customer_stream') }}
    where coalesce(customer, anonymous_customer_id) is not null
),

last_sessions as (
    select activity_id, person, ts
    from (
        select activity_id, person, ts,
               row_number() over (partition by person order by ts desc, activity_id desc) as from_last
        from stream
        where activity = 'started_session'
    ) as numbered
    where from_last = 1
),

purchase_totals as (
    select person, max(ts) as last_purchase_at, coalesce(sum(revenue_impact), 0) as lifetime_revenue
    from stream
    where activity = 'made_purchase'
    group by person
),

expected as (
    select
        last_sessions.activity_id,
        last_sessions.person,
        purchase_totals.last_purchase_at,
        coalesce(purchase_totals.lifetime_revenue, 0) as lifetime_revenue,
        (select count(*) from stream as later
         where later.person = last_sessions.person
           and later.activity = 'made_purchase'
           and later.ts > last_sessions.ts) as purchases_after_last_session
    from last_sessions
    left join purchase_totals on purchase_totals.person = last_sessions.person
)

select
    coalesce(expected.activity_id, actual.activity_id) as activity_id,
    expected.last_purchase_at as expected_last_purchase_at,
    actual.last_purchase_at,
    expected.purchases_after_last_session as expected_purchases_after_last_session,
    actual.purchases_after_last_session,
    expected.lifetime_revenue as expected_lifetime_revenue,
    actual.lifetime_revenue
from expected
full outer join {{ ref('churn_analysis') }} as actual
    on actual.activity_id = expected.activity_id
where expected.activity_id is null
   or actual.activity_id is null
   or actual.person <> expected.person
   or actual.last_purchase_at is distinct from expected.last_purchase_at
   or actual.purchases_after_last_session <> expected.purchases_after_last_session
   or abs(actual.lifetime_revenue - expected.lifetime_revenue) > 0.001
