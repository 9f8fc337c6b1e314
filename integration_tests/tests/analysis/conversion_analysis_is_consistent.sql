-- Internal consistency of conversion_analysis: a conversion is strictly after the signup,
-- the flag, the purchase count and the time to convert agree, counts are never negative.
select *
from {{ ref('conversion_analysis') }}
where (converted and first_purchase_at <= signed_up_at)
   or (converted <> (purchases_after_signup > 0))
   or (converted and (minutes_to_convert is null or minutes_to_convert < 0))
   or (not converted and (minutes_to_convert is not null or first_purchase_revenue is not null or revenue_after_signup <> 0))
   or purchases_after_signup < 0
   or sessions_before_signup < 0
