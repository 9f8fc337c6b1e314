{{ activity_schema.build_activity(
    source=ref('viewer_sessions'),
    activity='started_session',
    activity_id='session_id',
    ts='started_at',
    customer='viewer_id',
    features=['session_id'],
) }}
