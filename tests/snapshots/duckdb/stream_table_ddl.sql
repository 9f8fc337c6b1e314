create  table
      "activity_schema"."main"."customer_stream"


    as (
      with activity_schema_staged as (
    select
        cast(md5(cast(coalesce('v' || replace(cast(event_type as TEXT), '|', '||'), '') || '|' || coalesce('v' || replace(cast(event_id as TEXT), '|', '||'), '') as TEXT)) as TEXT) as activity_id,
        cast(occurred_at as timestamp) as ts,
        cast(event_type as TEXT) as activity,
        cast(user_id as TEXT) as customer,
        cast(anonymous_id as TEXT) as anonymous_customer_id,
        json_object('email', "email") as feature_json,
        cast(revenue as double) as revenue_impact,
        cast(page_url as TEXT) as link,
        cast(coalesce(cast(event_id as TEXT), '') as TEXT) as source_key
    from "activity_schema"."main"."prod_events"
  ),
  activity_schema_admitted as (
    select * from activity_schema_staged
    where (case when (activity_id) glob '*[! ]*' then activity_id end is null
   or sha256(cast('r:' || activity_id as TEXT)) not in (
       select key_hash from "activity_schema"."main"."erasure_suppressions"))
  ),
  activity_schema_identified as (
    select * from (
    select activity_id as activity_id, ts as ts, activity as activity, customer as customer, anonymous_customer_id as anonymous_customer_id, feature_json as feature_json, revenue_impact as revenue_impact, link as link, source_key as source_key
    from (
      select * from activity_schema_admitted
    ) as activity_schema_unmasked
  ) as activity_schema_masked
  where (case when (customer) glob '*[! ]*' then customer end is null
   or sha256(cast('c:' || customer as TEXT)) not in (
       select key_hash from "activity_schema"."main"."erasure_suppressions"))
    and (case when (anonymous_customer_id) glob '*[! ]*' then anonymous_customer_id end is null
   or sha256(cast('a:' || anonymous_customer_id as TEXT)) not in (
       select key_hash from "activity_schema"."main"."erasure_suppressions"))
  )
  select
      activity_id, ts, activity, customer, anonymous_customer_id, feature_json, revenue_impact, link,
      case when activity_schema_person is not null then row_number() over (partition by activity, activity_schema_person order by ts, activity_id) end as activity_occurrence,
      case when activity_schema_person is not null then lead(ts) over (partition by activity, activity_schema_person order by ts, activity_id) end as activity_repeated_at,
      source_key
  from (
      select *, case when (customer) glob '*[! ]*' then (case when customer like '~%' then '~' || customer else customer end)
       when (anonymous_customer_id) glob '*[! ]*' then '~a' || anonymous_customer_id end as activity_schema_person
      from activity_schema_identified
  ) as activity_schema_people
  order by activity, ts

    );

  ;
