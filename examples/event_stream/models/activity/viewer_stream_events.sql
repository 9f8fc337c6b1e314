{{ activity_schema.build_activity(
    source=ref('fct_events'),
    activity_column="case event_type when 'view' then 'viewed_post' when 'like' then 'liked_post' end",
    activity_id='event_id',
    ts='occurred_at',
    customer='viewer_id',
    features=['post_id', 'creator_id', 'session_id'],
) }}
