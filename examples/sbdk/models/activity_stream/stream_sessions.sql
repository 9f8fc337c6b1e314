{{ activity_schema.build_activity(
    source=ref('int_event_sessions'),
    activity='started_session',
    source_key=['session_id'],
    ts='session_start',
    customer='cast(user_id as varchar)',
    features=['session_id'],
) }}
