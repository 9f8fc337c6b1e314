-- Viewers: sessions and activity, from temporal joins on the viewer stream. Each viewer's
-- first session is the cohort row; counts are aggregate_all_ever; views per session come
-- from aggregate_in_between (what happened between a session's start and the next one's).
with per_session as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='started_session',
        join_configs=[
            {'name': 'session_views', 'target_activity': 'viewed_post', 'join_type': 'aggregate_in_between'},
        ],
    ) }}
),

per_viewer as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='started_session',
        join_configs=[
            {'name': 'sessions', 'target_activity': 'started_session', 'join_type': 'aggregate_all_ever'},
            {'name': 'views', 'target_activity': 'viewed_post', 'join_type': 'aggregate_all_ever'},
            {'name': 'likes', 'target_activity': 'liked_post', 'join_type': 'aggregate_all_ever'},
            {'name': 'posts_viewed', 'target_activity': 'viewed_post', 'join_type': 'aggregate_all_ever', 'aggregation': 'count_distinct', 'columns': ['post_id']},
            {'name': 'last_session', 'target_activity': 'started_session', 'join_type': 'last_ever', 'columns': ['ts']},
        ],
        cohort_filter='first',
    ) }}
),

session_depth as (
    select customer, avg(session_views_count) as views_per_session, max(session_views_count) as most_views_in_a_session
    from per_session
    group by 1
)

select
    per_viewer.customer as viewer_id,
    per_viewer.ts as first_session_at,
    per_viewer.last_session_ts as last_session_at,
    per_viewer.sessions_count as sessions,
    per_viewer.views_count as views,
    per_viewer.likes_count as likes,
    per_viewer.posts_viewed_count_distinct_post_id as posts_viewed,
    session_depth.views_per_session,
    session_depth.most_views_in_a_session
from per_viewer
join session_depth on session_depth.customer = per_viewer.customer
