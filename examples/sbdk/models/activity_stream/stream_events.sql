-- The events as activities: sign-ups, page views, logins and purchases. The event's day
-- is a feature, so that a distinct count of it over a user's events gives their active days.
{{ activity_schema.build_activity(
    source=ref('stg_events'),
    activity_column="case event_type when 'signup' then 'signed_up' when 'pageview' then 'viewed_page' when 'login' then 'logged_in' when 'purchase' then 'made_purchase' end",
    source_key=['event_id'],
    ts='event_timestamp',
    customer='cast(user_id as varchar)',
    features=['session_id', 'utm_source', 'event_date'],
    where="data_quality_flag = 'valid'",
) }}
