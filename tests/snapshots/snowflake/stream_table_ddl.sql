create or replace transient table ACTIVITY_SCHEMA.ANALYTICS.customer_stream






    as (select * from (
            with activity_schema_staged as (
    select
        cast(md5(cast(coalesce('v' || replace(cast(event_type as TEXT), '|', '||'), '') || '|' || coalesce('v' || replace(cast(event_id as TEXT), '|', '||'), '') as TEXT)) as TEXT) as activity_id,
        cast(occurred_at as timestamp_ntz) as ts,
        cast(event_type as TEXT) as activity,
        cast(user_id as TEXT) as customer,
        cast(anonymous_id as TEXT) as anonymous_customer_id,
        object_construct_keep_null('email', "EMAIL") as feature_json,
        cast(revenue as float) as revenue_impact,
        cast(page_url as TEXT) as link,
        cast(coalesce(cast(event_id as TEXT), '') as TEXT) as source_key
    from ACTIVITY_SCHEMA.ANALYTICS.prod_events
  ),
  activity_schema_admitted as (
    select * from activity_schema_staged
    where (case when trim(cast(activity_id as varchar), ' ') <> '' then activity_id end is null
   or sha2(cast('r:' || activity_id as TEXT), 256) not in (
       select key_hash from ACTIVITY_SCHEMA.ANALYTICS.erasure_suppressions))
  ),
  activity_schema_identified as (
    select * from (
    select activity_id as activity_id, ts as ts, activity as activity, customer as customer, anonymous_customer_id as anonymous_customer_id, feature_json as feature_json, revenue_impact as revenue_impact, link as link, source_key as source_key
    from (
      select * from activity_schema_admitted
    ) as activity_schema_unmasked
  ) as activity_schema_masked
  where (case when trim(cast(customer as varchar), ' ') <> '' then customer end is null
   or sha2(cast('c:' || customer as TEXT), 256) not in (
       select key_hash from ACTIVITY_SCHEMA.ANALYTICS.erasure_suppressions))
    and (case when trim(cast(anonymous_customer_id as varchar), ' ') <> '' then anonymous_customer_id end is null
   or sha2(cast('a:' || anonymous_customer_id as TEXT), 256) not in (
       select key_hash from ACTIVITY_SCHEMA.ANALYTICS.erasure_suppressions))
  )
  select
      activity_id, ts, activity, customer, anonymous_customer_id, feature_json, revenue_impact, link,
      case when activity_schema_person is not null then row_number() over (partition by activity, activity_schema_person order by ts, activity_id) end as activity_occurrence,
      case when activity_schema_person is not null then lead(ts) over (partition by activity, activity_schema_person order by ts, activity_id) end as activity_repeated_at,
      source_key
  from (
      select *, case when trim(cast(customer as varchar), ' ') <> '' then 'c:' || customer
       when trim(cast(anonymous_customer_id as varchar), ' ') <> '' then 'a:' || anonymous_customer_id end as activity_schema_person
      from activity_schema_identified
  ) as activity_schema_people


        )
        order by (
            to_date(ts), activity
        )
    )
;

alter table ACTIVITY_SCHEMA.ANALYTICS.customer_stream cluster by (to_date(ts), activity);
  ;
