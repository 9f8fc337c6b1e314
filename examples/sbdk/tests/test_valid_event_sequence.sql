-- Users have their signup event before any other event.
select
    user_id,
    min(case when event_type = 'signup' then event_timestamp end) as first_signup,
    min(case when event_type != 'signup' then event_timestamp end) as first_other_event
from {{ ref('stg_events') }}
group by user_id
having min(case when event_type != 'signup' then event_timestamp end) < min(case when event_type = 'signup' then event_timestamp end)
