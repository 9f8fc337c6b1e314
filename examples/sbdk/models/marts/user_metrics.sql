-- Final user metrics mart combining all user dimensions
select
    ua.user_id,
    ua.created_at,
    ua.country_code,
    ua.referrer_source,
    ua.signup_date,

    -- Activity metrics
    ua.total_events,
    ua.active_days,
    ua.pageviews,
    ua.purchase_events,
    ua.login_events,
    ua.total_sessions,
    ua.avg_events_per_active_day,
    ua.avg_events_per_session,
    ua.user_lifecycle_stage,
    ua.days_since_last_activity,
    ua.first_event_at,
    ua.last_event_at,

    -- Purchase metrics
    uo.total_orders,
    uo.total_revenue,
    uo.avg_order_value,
    uo.customer_value_segment,
    uo.buyer_segment,
    uo.preferred_product_category,

    -- Combined metrics
    {{ safe_ratio('uo.total_orders', 'ua.pageviews') }} as overall_conversion_rate,
    {{ safe_ratio('uo.total_revenue', 'ua.active_days') }} as revenue_per_active_day,

    -- Customer lifetime metrics, up to the end of the data
    {{ dbt.datediff('ua.signup_date', 'data_end.as_of_date', 'day') }} as customer_age_days,
    {{ safe_ratio('uo.total_revenue', dbt.datediff('ua.signup_date', 'data_end.as_of_date', 'day')) }} as daily_customer_value,

    -- User quality score (0-100)
    {{ user_quality_score('ua.active_days', 'uo.total_orders', 'uo.total_revenue', 'ua.user_lifecycle_stage') }} as user_quality_score

from {{ ref('int_user_activity') }} ua
left join {{ ref('int_user_orders') }} uo
    on ua.user_id = uo.user_id
cross join {{ ref('int_data_end') }} as data_end
