-- cohort_summary's size, buyer and revenue figures, from stream_user_metrics.
select
    date_trunc('month', signed_up_at) as cohort_month,
    count(*) as cohort_size,
    count(case when total_orders > 0 then 1 end) as buyers_in_cohort,
    sum(total_revenue) as cohort_revenue,
    avg(total_revenue) as avg_revenue_per_user,
    count(case when total_orders > 0 then 1 end) * 100.0 / count(*) as buyer_conversion_rate_pct
from {{ ref('stream_user_metrics') }}
group by 1
