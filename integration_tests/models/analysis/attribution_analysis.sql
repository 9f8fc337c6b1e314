-- Purchase attribution, a typical client analysis: every purchase on the default
-- stream credited to the person's first session ever before it (first touch) and the last
-- session before it (last touch), with the referrer each session came from.
with purchases as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='made_purchase',
        join_configs=[
            {'name': 'first_touch', 'target_activity': 'started_session', 'join_type': 'first_before', 'columns': ['ts', 'activity_id', 'referrer']},
            {'name': 'last_touch', 'target_activity': 'started_session', 'join_type': 'last_before', 'columns': ['ts', 'activity_id', 'referrer']},
            {'name': 'sessions_before', 'target_activity': 'started_session', 'join_type': 'aggregate_before'},
            {'name': 'earlier_purchases', 'target_activity': 'made_purchase', 'join_type': 'aggregate_before'},
        ],
        cohort_filter='all',
    ) }}
)

select
    activity_id,
    coalesce(customer, anonymous_customer_id) as person,
    ts as purchased_at,
    revenue_impact as revenue,
    {{ activity_schema.json_extract_string('feature_json', 'product_category') }} as product_category,
    first_touch_ts as first_touch_session_at,
    first_touch_activity_id as first_touch_session_id,
    first_touch_referrer,
    last_touch_ts as last_touch_session_at,
    last_touch_activity_id as last_touch_session_id,
    last_touch_referrer,
    {{ dbt.datediff('last_touch_ts', 'ts', 'minute') }} as minutes_since_last_touch,
    sessions_before_count as sessions_before_purchase,
    earlier_purchases_count as earlier_purchases,
    earlier_purchases_count = 0 as is_first_purchase
from purchases
