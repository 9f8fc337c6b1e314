-- Session durations are reasonable (under max_session_duration_hours).
select *
from {{ ref('int_event_sessions') }}
where session_duration_minutes > {{ var('max_session_duration_hours') * 60 }}
