-- Creators: posts, total views and likes, their ratio, and whether they are still active
-- (published within active_creator_days of the end of the data).
with data_end as (
    select max(occurred_at) as as_of from {{ ref('fct_events') }}
),

posts as (
    select creator_id, count(*) as posts, max(created_at) as last_post_at, sum(views) as views, sum(likes) as likes
    from {{ ref('post_metrics') }}
    group by 1
)

select
    creators.user_id as creator_id,
    creators.username,
    creators.account_type,
    creators.is_verified,
    coalesce(posts.posts, 0) as posts,
    coalesce(posts.views, 0) as total_views,
    coalesce(posts.likes, 0) as total_likes,
    posts.likes * 1.0 / nullif(posts.views, 0) as like_view_ratio,
    posts.last_post_at,
    coalesce({{ dbt.datediff('posts.last_post_at', 'data_end.as_of', 'day') }} <= {{ var('event_stream')['active_creator_days'] }}, false) as is_active
from {{ ref('dim_users') }} as creators
left join posts on posts.creator_id = creators.user_id
cross join data_end
where creators.is_current and creators.is_creator
