-- Staging model for events - cleaning, categorisation and sessions.
-- A session is a user's run of events with no gap longer than session_timeout_minutes
-- (the original took clock half-hours shared by every user as session ids).
with events as (
    select
        cast(event_id as integer) as event_id,
        cast(user_id as integer) as user_id,
        lower(event_type) as event_type,
        cast("timestamp" as timestamp) as event_timestamp,
        lower(utm_source) as utm_source
    from {{ source('raw', 'raw_events') }}
    where event_id is not null and user_id is not null
),

gaps as (
    select
        *,
        case
            when lag(event_timestamp) over (partition by user_id order by event_timestamp, event_id) is null then 1
            when {{ dbt.datediff('lag(event_timestamp) over (partition by user_id order by event_timestamp, event_id)', 'event_timestamp', 'minute') }}
                 > {{ var('session_timeout_minutes') }} then 1
            else 0
        end as starts_session
    from events
)

select
    event_id,
    user_id,
    event_type,
    event_timestamp,
    utm_source,

    -- Event categorization
    case
        when event_type in ('signup', 'login') then 'authentication'
        when event_type in ('pageview', 'click') then 'engagement'
        when event_type in ('purchase', 'add_to_cart') then 'conversion'
        else 'other'
    end as event_category,

    -- Time dimensions
    cast(event_timestamp as date) as event_date,
    date_part('hour', event_timestamp) as event_hour,
    date_part('dow', event_timestamp) as day_of_week,

    -- The user's session: their n-th run of events
    user_id || '-' || sum(starts_session) over (partition by user_id order by event_timestamp, event_id rows unbounded preceding) as session_id,

    -- Data quality
    case
        when event_id is null then 'missing_id'
        when user_id is null then 'missing_user_id'
        when event_timestamp is null then 'missing_timestamp'
        else 'valid'
    end as data_quality_flag

from gaps
