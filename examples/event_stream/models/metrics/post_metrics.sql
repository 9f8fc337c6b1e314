-- Posts: views, likes and their ratio, with the post's current title and category.
select
    posts.post_id,
    posts.creator_id,
    posts.title,
    posts.category,
    posts.created_at,
    coalesce(sum(daily.views), 0) as views,
    coalesce(sum(daily.likes), 0) as likes,
    coalesce(sum(daily.likes), 0) * 1.0 / nullif(sum(daily.views), 0) as like_view_ratio
from {{ ref('dim_posts') }} as posts
left join {{ ref('fct_daily_post_metrics') }} as daily on daily.post_id = posts.post_id
where posts.is_current
group by 1, 2, 3, 4, 5
