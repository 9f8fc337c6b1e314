{#- cohort_summary's figures from a relation shaped like user_metrics: the mart reads
    user_metrics, its stream version stream_user_metrics. -#}
{% macro summarise_cohorts(user_metrics) %}
    with cohort_base as (
        select
            date_trunc('month', signup_date) as cohort_month,
            user_id,
            total_revenue,
            total_orders,
            user_lifecycle_stage,
            customer_age_days
        from {{ user_metrics }}
    ),

    cohort_metrics as (
        select
            cohort_month,
            count(distinct user_id) as cohort_size,
            count(distinct case when total_orders > 0 then user_id end) as buyers_in_cohort,
            sum(total_revenue) as cohort_revenue,
            avg(total_revenue) as avg_revenue_per_user,

            -- Retention by lifecycle stage
            count(distinct case when user_lifecycle_stage = 'active' then user_id end) as active_users,
            count(distinct case when user_lifecycle_stage = 'engaged' then user_id end) as engaged_users,
            count(distinct case when user_lifecycle_stage = 'dormant' then user_id end) as dormant_users,

            -- Age cohort analysis
            avg(customer_age_days) as avg_customer_age_days,
            percentile_cont(0.5) within group (order by customer_age_days) as median_customer_age_days

        from cohort_base
        group by cohort_month
    )

    select
        cohort_month,
        cohort_size,
        buyers_in_cohort,
        cohort_revenue,
        avg_revenue_per_user,

        -- Conversion rates
        case
            when cohort_size > 0 then buyers_in_cohort * 100.0 / cohort_size
            else 0
        end as buyer_conversion_rate_pct,

        -- Retention rates
        case
            when cohort_size > 0 then active_users * 100.0 / cohort_size
            else 0
        end as active_retention_rate_pct,

        case
            when cohort_size > 0 then (active_users + engaged_users) * 100.0 / cohort_size
            else 0
        end as engaged_retention_rate_pct,

        -- Revenue metrics
        case
            when buyers_in_cohort > 0 then cohort_revenue / buyers_in_cohort
            else 0
        end as avg_revenue_per_buyer,

        avg_customer_age_days,
        median_customer_age_days

    from cohort_metrics
{%- endmacro %}
