-- Intermediate model combining user data with activity metrics
with user_events as (
    select
        user_id,
        count(*) as total_events,
        count(distinct event_date) as active_days,
        count(*) filter (where event_type = 'pageview') as pageviews,
        count(*) filter (where event_type = 'purchase') as purchase_events,
        count(*) filter (where event_type = 'login') as login_events,
        count(*) filter (where event_type = 'signup') as signup_events,
        min(event_timestamp) as first_event_at,
        max(event_timestamp) as last_event_at,
        count(distinct session_id) as total_sessions
    from {{ ref('stg_events') }}
    group by user_id
),

user_base as (
    select * from {{ ref('stg_users') }}
    where data_quality_flag = 'valid'
),

with_recency as (
    select
        user_base.*,
        user_events.total_events,
        user_events.active_days,
        user_events.pageviews,
        user_events.purchase_events,
        user_events.login_events,
        user_events.total_sessions,
        user_events.first_event_at,
        user_events.last_event_at,
        {{ dbt.datediff('cast(user_events.last_event_at as date)', 'data_end.as_of_date', 'day') }} as days_since_last_activity
    from user_base
    left join user_events on user_base.user_id = user_events.user_id
    cross join {{ ref('int_data_end') }} as data_end
)

select
    user_id,
    created_at,
    country_code,
    referrer_source,
    signup_date,

    -- Activity metrics (with nulls handled)
    coalesce(total_events, 0) as total_events,
    coalesce(active_days, 0) as active_days,
    coalesce(pageviews, 0) as pageviews,
    coalesce(purchase_events, 0) as purchase_events,
    coalesce(login_events, 0) as login_events,
    coalesce(total_sessions, 0) as total_sessions,

    -- Engagement calculations
    {{ safe_ratio('total_events', 'active_days') }} as avg_events_per_active_day,
    {{ safe_ratio('total_events', 'total_sessions') }} as avg_events_per_session,

    -- Conversion metrics
    {{ safe_ratio('purchase_events', 'pageviews') }} as purchase_conversion_rate,

    -- Lifecycle metrics
    first_event_at,
    last_event_at,
    days_since_last_activity,

    -- User lifecycle stage
    {{ user_lifecycle_stage('total_events', 'active_days', 'days_since_last_activity') }} as user_lifecycle_stage

from with_recency
