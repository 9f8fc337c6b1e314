-- Nothing counted twice or lost: the daily facts, the post metrics and the viewer metrics
-- each add up to the event fact's views and likes.
with totals as (
    select 'fct_events' as source, count(case when event_type = 'view' then 1 end) as views, count(case when event_type = 'like' then 1 end) as likes from {{ ref('fct_events') }}
    union all
    select 'fct_daily_post_metrics', sum(views), sum(likes) from {{ ref('fct_daily_post_metrics') }}
    union all
    select 'fct_daily_viewer_activity', sum(views), sum(likes) from {{ ref('fct_daily_viewer_activity') }}
    union all
    select 'post_metrics', sum(views), sum(likes) from {{ ref('post_metrics') }}
    union all
    select 'viewer_metrics', sum(views), sum(likes) from {{ ref('viewer_metrics') }}
)

select *
from totals
where views <> (select views from totals where source = 'fct_events')
   or likes <> (select likes from totals where source = 'fct_events')
