-- Internal consistency of churn_analysis: the last seen time is the latest of the last
-- session, purchase and page view and no later than the end of the data; the churn flag
-- follows the 30-day rule; counts are never negative.
select *
from {{ ref('churn_analysis') }}
where last_seen_at < last_session_at
   or last_seen_at < last_purchase_at
   or last_seen_at < last_page_view_at
   or last_seen_at > as_of
   or days_since_last_seen < 0
   or churned <> (days_since_last_seen > 30)
   or purchases_after_last_session < 0
   or pages_after_last_session < 0
   or (purchases_after_last_session > 0 and last_purchase_at <= last_session_at)
