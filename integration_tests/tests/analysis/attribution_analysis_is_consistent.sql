-- Internal consistency of attribution_analysis: touches are strictly before the purchase, the
-- first touch is no later than the last, both exist exactly when there was a session before.
select *
from {{ ref('attribution_analysis') }}
where last_touch_session_at >= purchased_at
   or first_touch_session_at > last_touch_session_at
   or ((last_touch_session_id is null) <> (sessions_before_purchase = 0))
   or ((first_touch_session_id is null) <> (last_touch_session_id is null))
   or (sessions_before_purchase = 1 and first_touch_session_id <> last_touch_session_id)
   or minutes_since_last_touch < 0
   or is_first_purchase <> (earlier_purchases = 0)
   or sessions_before_purchase < 0
