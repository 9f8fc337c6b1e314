-- One row per customer, from their first sign-up: how they were acquired (their first
-- session, anonymous until stitching gave it to them), how often they came back, what they
-- bought and what they were refunded.
with customers as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='signed_up',
        join_configs=[
            {'name': 'first_session', 'target_activity': 'started_session', 'join_type': 'first_ever', 'columns': ['ts', 'referrer', 'utm_source', 'device_type']},
            {'name': 'last_session', 'target_activity': 'started_session', 'join_type': 'last_ever', 'columns': ['ts']},
            {'name': 'sessions', 'target_activity': 'started_session', 'join_type': 'aggregate_all_ever'},
            {'name': 'devices', 'target_activity': 'started_session', 'join_type': 'aggregate_all_ever', 'aggregation': 'count_distinct', 'columns': ['anonymous_customer_id']},
            {'name': 'first_purchase', 'target_activity': 'made_purchase', 'join_type': 'first_ever', 'columns': ['ts', 'product_category']},
            {'name': 'orders', 'target_activity': 'made_purchase', 'join_type': 'aggregate_all_ever'},
            {'name': 'gross', 'target_activity': 'made_purchase', 'join_type': 'aggregate_all_ever', 'aggregation': 'sum', 'columns': ['revenue_impact']},
            {'name': 'refunds', 'target_activity': 'refunded_order', 'join_type': 'aggregate_all_ever', 'aggregation': 'sum', 'columns': ['revenue_impact']},
        ],
        cohort_filter='first',
    ) }}
),

data_end as (
    select max(ts) as as_of from {{ ref('customer_stream') }}
)

select
    customers.customer,
    customers.ts as signed_up_at,
    {{ activity_schema.json_extract_string('customers.feature_json', 'plan') }} as plan,
    {{ activity_schema.json_extract_string('customers.feature_json', 'country') }} as country,
    customers.first_session_ts as first_seen_at,
    customers.first_session_referrer as acquisition_referrer,
    customers.first_session_utm_source as acquisition_utm_source,
    customers.first_session_device_type as first_device_type,
    customers.last_session_ts as last_seen_at,
    customers.sessions_count as sessions,
    customers.devices_count_distinct_anonymous_customer_id as devices,
    customers.first_purchase_ts as first_purchase_at,
    customers.first_purchase_product_category as first_purchase_category,
    customers.orders_count as orders,
    coalesce(customers.gross_sum_revenue_impact, 0) as gross_revenue,
    coalesce(customers.refunds_sum_revenue_impact, 0) as refunded_revenue,
    coalesce(customers.gross_sum_revenue_impact, 0) + coalesce(customers.refunds_sum_revenue_impact, 0) as net_revenue,
    {{ dbt.datediff('customers.last_session_ts', 'data_end.as_of', 'day') }} > {{ var('web_activity')['churn_days'] }} as is_churned
from customers
cross join data_end
