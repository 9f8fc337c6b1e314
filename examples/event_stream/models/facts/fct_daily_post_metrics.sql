-- Views, likes and viewers per post and day. An incremental build recomputes every
-- (day, post) that received an event since the last build, late ones included, so a day
-- is never counted twice nor left short.
{{ config(materialized='incremental', unique_key=['activity_date', 'post_id'], incremental_strategy='delete+insert') }}

with touched as (
    select distinct activity_date, post_id
    from {{ ref('fct_events') }}
    {% if is_incremental() %}
    where loaded_at >= (select max(last_loaded_at) from {{ this }})
    {% endif %}
)

select
    events.activity_date,
    events.post_id,
    events.creator_id,
    count(case when events.event_type = 'view' then 1 end) as views,
    count(case when events.event_type = 'like' then 1 end) as likes,
    count(distinct case when events.event_type = 'view' then events.viewer_id end) as viewers,
    max(events.loaded_at) as last_loaded_at
from {{ ref('fct_events') }} as events
join touched on touched.activity_date = events.activity_date and touched.post_id = events.post_id
group by 1, 2, 3
