-- Sign-up to purchase: each customer's first sign-up, the first purchase after it and
-- what they spent afterwards (net of refunds), and how many visits led up to it.
with signups as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='signed_up',
        join_configs=[
            {'name': 'first_purchase', 'target_activity': 'made_purchase', 'join_type': 'first_after', 'columns': ['ts', 'revenue_impact', 'product_category']},
            {'name': 'purchases_after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after'},
            {'name': 'revenue_after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after', 'aggregation': 'sum', 'columns': ['revenue_impact']},
            {'name': 'refunds_after', 'target_activity': 'refunded_order', 'join_type': 'aggregate_after', 'aggregation': 'sum', 'columns': ['revenue_impact']},
            {'name': 'sessions_before', 'target_activity': 'started_session', 'join_type': 'aggregate_before'},
        ],
        cohort_filter='first',
    ) }}
)

select
    customer,
    ts as signed_up_at,
    first_purchase_ts as first_purchase_at,
    first_purchase_revenue_impact as first_purchase_revenue,
    first_purchase_product_category,
    first_purchase_ts is not null as converted,
    {{ dbt.datediff('ts', 'first_purchase_ts', 'minute') }} / 60.0 as hours_to_convert,
    purchases_after_count as purchases_after_signup,
    coalesce(revenue_after_sum_revenue_impact, 0) + coalesce(refunds_after_sum_revenue_impact, 0) as net_revenue_after_signup,
    sessions_before_count as sessions_before_signup
from signups
