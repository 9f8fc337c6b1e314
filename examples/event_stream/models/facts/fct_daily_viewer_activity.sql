-- Sessions, views and likes per viewer and day, incremental like fct_daily_post_metrics.
{{ config(materialized='incremental', unique_key=['activity_date', 'viewer_id'], incremental_strategy='delete+insert') }}

with touched as (
    select distinct activity_date, viewer_id
    from {{ ref('fct_events') }}
    {% if is_incremental() %}
    where loaded_at >= (select max(last_loaded_at) from {{ this }})
    {% endif %}
)

select
    events.activity_date,
    events.viewer_id,
    count(distinct events.session_id) as sessions,
    count(case when events.event_type = 'view' then 1 end) as views,
    count(case when events.event_type = 'like' then 1 end) as likes,
    max(events.loaded_at) as last_loaded_at
from {{ ref('fct_events') }} as events
join touched on touched.activity_date = events.activity_date and touched.viewer_id = events.viewer_id
group by 1, 2
