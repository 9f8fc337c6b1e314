select
    event_id,
    user_id as viewer_id,
    post_id,
    event_type,
    session_id,
    occurred_at,
    _loaded_at as loaded_at
from {{ source('raw', 'events') }}
