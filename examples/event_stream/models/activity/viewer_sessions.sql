-- One row per viewing session: who, when it started, how much happened in it.
select
    session_id,
    viewer_id,
    min(occurred_at) as started_at,
    max(occurred_at) as ended_at,
    count(case when event_type = 'view' then 1 end) as views,
    count(case when event_type = 'like' then 1 end) as likes
from {{ ref('fct_events') }}
group by 1, 2
