-- Intermediate model for session analysis. The first and last event types are picked by
-- window functions over the events first, then the session is aggregated: the original
-- put the windows in the GROUP BY query itself, where they would run over the groups, not
-- over the events (and event_type is not grouped), so it could not compile.
with ordered_events as (
    select
        user_id,
        session_id,
        event_type,
        event_timestamp,
        row_number() over (partition by user_id, session_id order by event_timestamp, event_id) as position_from_start,
        row_number() over (partition by user_id, session_id order by event_timestamp desc, event_id desc) as position_from_end
    from {{ ref('stg_events') }}
    where data_quality_flag = 'valid'
)

select
    user_id,
    session_id,
    min(event_timestamp) as session_start,
    max(event_timestamp) as session_end,
    count(*) as events_in_session,
    count(distinct event_type) as unique_event_types,

    -- Session duration in minutes
    {{ dbt.datediff('min(event_timestamp)', 'max(event_timestamp)', 'second') }} / 60.0 as session_duration_minutes,

    -- Event type analysis
    count(*) filter (where event_type = 'pageview') as pageviews_in_session,
    count(*) filter (where event_type = 'purchase') as purchases_in_session,

    -- Session outcome
    case
        when count(*) filter (where event_type = 'purchase') > 0 then 'converted'
        when count(*) >= 5 then 'engaged'
        when count(*) >= 2 then 'browsed'
        else 'bounced'
    end as session_outcome,

    -- First and last events
    max(case when position_from_start = 1 then event_type end) as first_event_type,
    max(case when position_from_end = 1 then event_type end) as last_event_type

from ordered_events
group by user_id, session_id
