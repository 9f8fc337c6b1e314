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
    case
        when uo.total_orders > 0 and ua.pageviews > 0
        then uo.total_orders * 1.0 / ua.pageviews
        else 0
    end as overall_conversion_rate,

    case
        when ua.active_days > 0 and uo.total_revenue > 0
        then uo.total_revenue / ua.active_days
        else 0
    end as revenue_per_active_day,

    -- Customer lifetime metrics, up to the end of the data
    {{ dbt.datediff('ua.signup_date', 'data_end.as_of_date', 'day') }} as customer_age_days,

    case
        when {{ dbt.datediff('ua.signup_date', 'data_end.as_of_date', 'day') }} > 0
        then uo.total_revenue / {{ dbt.datediff('ua.signup_date', 'data_end.as_of_date', 'day') }}
        else 0
    end as daily_customer_value,

    -- User quality score (0-100)
    least(100,
        (ua.active_days * 2) +
        (uo.total_orders * 5) +
        (case when uo.total_revenue > 100 then 20 else 0 end) +
        (case when ua.user_lifecycle_stage = 'active' then 15 else 0 end)
    ) as user_quality_score

from {{ ref('int_user_activity') }} ua
left join {{ ref('int_user_orders') }} uo
    on ua.user_id = uo.user_id
cross join {{ ref('int_data_end') }} as data_end
