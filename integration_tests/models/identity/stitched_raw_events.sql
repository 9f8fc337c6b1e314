-- resolve_identity as a call block around a plain select: every column is kept.
{% call activity_schema.resolve_identity() %}
select
    event_id as activity_id,
    occurred_at as ts,
    user_id as customer,
    anonymous_id as anonymous_customer_id,
    event_type,
    revenue
from {{ ref('generated_raw_events') }}
{% endcall %}
