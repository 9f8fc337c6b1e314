-- Signup-to-purchase conversion, a typical client analysis: each person's FIRST
-- signup on the default stream, the first purchase after it, and what happened around it.
with signups as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='signed_up',
        join_configs=[
            {'name': 'first_purchase', 'target_activity': 'made_purchase', 'join_type': 'first_after', 'columns': ['ts', 'revenue_impact', 'product_category']},
            {'name': 'purchases_after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after'},
            {'name': 'revenue_after', 'target_activity': 'made_purchase', 'join_type': 'aggregate_after', 'aggregation': 'sum', 'columns': ['revenue_impact']},
            {'name': 'sessions_before', 'target_activity': 'started_session', 'join_type': 'aggregate_before'},
        ],
        cohort_filter='first',
    ) }}
)

select
    activity_id,
    coalesce(customer, anonymous_customer_id) as person,
    customer,
    anonymous_customer_id,
    ts as signed_up_at,
    first_purchase_ts as first_purchase_at,
    first_purchase_revenue_impact as first_purchase_revenue,
    first_purchase_product_category as first_purchase_product_category,
    first_purchase_ts is not null as converted,
    {{ dbt.datediff('ts', 'first_purchase_ts', 'minute') }} as minutes_to_convert,
    purchases_after_count as purchases_after_signup,
    coalesce(revenue_after_sum_revenue_impact, 0) as revenue_after_signup,
    sessions_before_count as sessions_before_signup
from signups
