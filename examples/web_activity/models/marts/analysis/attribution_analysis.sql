-- Every purchase credited to the visit that first brought the customer (first touch) and
-- to the last visit before it (last touch), with their channels.
with purchases as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='made_purchase',
        join_configs=[
            {'name': 'first_touch', 'target_activity': 'started_session', 'join_type': 'first_before', 'columns': ['ts', 'referrer', 'utm_source']},
            {'name': 'last_touch', 'target_activity': 'started_session', 'join_type': 'last_before', 'columns': ['ts', 'referrer', 'utm_source']},
            {'name': 'sessions_before', 'target_activity': 'started_session', 'join_type': 'aggregate_before'},
            {'name': 'earlier_purchases', 'target_activity': 'made_purchase', 'join_type': 'aggregate_before'},
        ],
    ) }}
)

select
    {{ activity_schema.json_extract_string('feature_json', 'order_id') }} as order_id,
    customer,
    ts as purchased_at,
    revenue_impact as revenue,
    {{ activity_schema.json_extract_string('feature_json', 'product_category') }} as product_category,
    first_touch_ts as first_touch_at,
    first_touch_referrer,
    first_touch_utm_source,
    last_touch_ts as last_touch_at,
    last_touch_referrer,
    last_touch_utm_source,
    sessions_before_count as sessions_before_purchase,
    earlier_purchases_count = 0 as is_first_purchase
from purchases
