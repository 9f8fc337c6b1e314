-- Paths: how often each activity is followed by each next one, per person in stream order
-- (ties broken by activity_id, as the package orders a stream).
with ordered as (
    select
        activity,
        lead(activity) over (
            partition by coalesce(customer, anonymous_customer_id)
            order by ts, {{ activity_schema.binary_order('activity_id') }}
        ) as next_activity
    from {{ ref('customer_stream') }}
)

select
    activity,
    coalesce(next_activity, '(left)') as next_activity,
    count(*) as transitions,
    count(*) * 1.0 / sum(count(*)) over (partition by activity) as share_of_activity
from ordered
group by 1, 2
