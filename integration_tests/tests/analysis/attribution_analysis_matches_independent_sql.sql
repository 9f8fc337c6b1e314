-- attribution_analysis holds exactly one row per purchase of a person (null-key purchases take
-- no part), and its first/last touch sessions (ordered by ts, then activity_id, strictly before
-- the purchase) and counts agree with a plain inequality-join computation. Returns the
-- disagreeing rows.
with stream as (
    select *, coalesce(customer, anonymous_customer_id) as person
    from {{ ref('customer_stream') }}
    where coalesce(customer, anonymous_customer_id) is not null
),

purchases as (
    select activity_id, person, ts from stream where activity = 'made_purchase'
),

sessions_before as (
    select
        purchases.activity_id as purchase_id,
        sessions.activity_id as session_id,
        sessions.ts as session_ts,
        row_number() over (partition by purchases.activity_id order by sessions.ts, sessions.activity_id) as from_first,
        row_number() over (partition by purchases.activity_id order by sessions.ts desc, sessions.activity_id desc) as from_last,
        count(*) over (partition by purchases.activity_id) as sessions_before_purchase
    from purchases
    inner join stream as sessions
        on sessions.person = purchases.person
        and sessions.activity = 'started_session'
        and sessions.ts < purchases.ts
),

earlier as (
    select purchases.activity_id, count(earlier_purchases.activity_id) as earlier_purchases
    from purchases
    left join purchases as earlier_purchases
        on earlier_purchases.person = purchases.person
        and earlier_purchases.ts < purchases.ts
    group by purchases.activity_id
),

expected as (
    select
        purchases.activity_id,
        first_touch.session_id as first_touch_session_id,
        last_touch.session_id as last_touch_session_id,
        last_touch.session_ts as last_touch_session_at,
        coalesce(last_touch.sessions_before_purchase, 0) as sessions_before_purchase,
        earlier.earlier_purchases
    from purchases
    inner join earlier on earlier.activity_id = purchases.activity_id
    left join sessions_before as first_touch on first_touch.purchase_id = purchases.activity_id and first_touch.from_first = 1
    left join sessions_before as last_touch on last_touch.purchase_id = purchases.activity_id and last_touch.from_last = 1
)

select
    coalesce(expected.activity_id, actual.activity_id) as activity_id,
    expected.first_touch_session_id as expected_first_touch_session_id,
    actual.first_touch_session_id,
    expected.last_touch_session_id as expected_last_touch_session_id,
    actual.last_touch_session_id,
    expected.sessions_before_purchase as expected_sessions_before_purchase,
    actual.sessions_before_purchase,
    expected.earlier_purchases as expected_earlier_purchases,
    actual.earlier_purchases
from expected
full outer join {{ ref('attribution_analysis') }} as actual
    on actual.activity_id = expected.activity_id
where expected.activity_id is null
   or actual.activity_id is null
   or actual.first_touch_session_id is distinct from expected.first_touch_session_id
   or actual.last_touch_session_id is distinct from expected.last_touch_session_id
   or actual.last_touch_session_at is distinct from expected.last_touch_session_at
   or actual.sessions_before_purchase <> expected.sessions_before_purchase
   or actual.earlier_purchases <> expected.earlier_purchases
