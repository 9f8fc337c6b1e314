create  table "ws_<workspace>"."main"."customer_stream"


    as

  (
    with activity_schema_staged as (
    select
        cast(md5(cast(coalesce('v' || replace(cast(event_type as TEXT), '|', '||'), '') || '|' || coalesce('v' || replace(cast(event_id as TEXT), '|', '||'), '') as TEXT)) as TEXT) as activity_id,
        cast(occurred_at as timestamp) as ts,
        cast(event_type as TEXT) as activity,
        cast(user_id as TEXT) as customer,
        cast(anonymous_id as TEXT) as anonymous_customer_id,
        jsonb_build_object('email', "email") as feature_json,
        cast(revenue as float) as revenue_impact,
        cast(page_url as TEXT) as link,
        cast(coalesce(cast(event_id as TEXT), '') as TEXT) as source_key
    from "ws_<workspace>"."main"."prod_events"
  ),
  activity_schema_admitted as (
    select * from activity_schema_staged
    where (case when trim(activity_id) <> '' then activity_id end is null
   or encode(sha256(convert_to(cast('r:' || activity_id as TEXT), 'UTF8')), 'hex') not in (
       select key_hash from "ws_<workspace>"."main"."erasure_suppressions"))
  ),
  activity_schema_identified as (
    select * from (
    select activity_id as activity_id, ts as ts, activity as activity, customer as customer, anonymous_customer_id as anonymous_customer_id, feature_json as feature_json, revenue_impact as revenue_impact, link as link, source_key as source_key
    from (
      select * from activity_schema_admitted
    ) as activity_schema_unmasked
  ) as activity_schema_masked
  where (case when trim(customer) <> '' then customer end is null
   or encode(sha256(convert_to(cast('c:' || customer as TEXT), 'UTF8')), 'hex') not in (
       select key_hash from "ws_<workspace>"."main"."erasure_suppressions"))
    and (case when trim(anonymous_customer_id) <> '' then anonymous_customer_id end is null
   or encode(sha256(convert_to(cast('a:' || anonymous_customer_id as TEXT), 'UTF8')), 'hex') not in (
       select key_hash from "ws_<workspace>"."main"."erasure_suppressions"))
  )
  select
      activity_id, ts, activity, customer, anonymous_customer_id, feature_json, revenue_impact, link,
      case when activity_schema_person is not null then row_number() over (partition by activity, activity_schema_person order by ts, (activity_id) collate "C") end as activity_occurrence,
      case when activity_schema_person is not null then lead(ts) over (partition by activity, activity_schema_person order by ts, (activity_id) collate "C") end as activity_repeated_at,
      source_key
  from (
      select *, (case when trim(customer) <> '' then 'c:' || customer
       when trim(anonymous_customer_id) <> '' then 'a:' || anonymous_customer_id end) collate "C" as activity_schema_person
      from activity_schema_identified
  ) as activity_schema_people


  );
  ;
create  index if not exists
  "<index name>"
  on "ws_<workspace>"."main"."customer_stream"
  (activity, ((case when trim(customer) <> '' then 'c:' || customer
       when trim(anonymous_customer_id) <> '' then 'a:' || anonymous_customer_id end) collate "C"), ts);
