-- resolve_identity as a call block around a plain select: every column is kept.

  with activity_schema_unresolved as (
    
select
    event_id as activity_id,
    occurred_at as ts,
    user_id as customer,
    anonymous_id as anonymous_customer_id,
    event_type,
    revenue
from ACTIVITY_SCHEMA.ANALYTICS.generated_raw_events

  )
  select
      unresolved.* exclude (customer),
      coalesce(identity_windows.customer, unresolved.customer) as customer
  from activity_schema_unresolved as unresolved
  left join ACTIVITY_SCHEMA.ANALYTICS.identity_time_windows as identity_windows
    on case when trim(cast(unresolved.customer as varchar), ' ') <> '' then unresolved.customer end is null
   and identity_windows.anonymous_customer_id = unresolved.anonymous_customer_id
   and (identity_windows.valid_from is null or unresolved.ts >= identity_windows.valid_from)
   and (identity_windows.valid_to is null or unresolved.ts < identity_windows.valid_to)
