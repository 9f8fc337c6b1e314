-- The viewers' activity stream: started_session, viewed_post and liked_post.
select * from {{ ref('viewer_stream_sessions') }}
union all
select * from {{ ref('viewer_stream_events') }}
