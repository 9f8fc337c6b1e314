{% call activity_schema.resolve_identity() %}
select activity_id, ts, customer, anonymous_customer_id
from {{ ref('identity_golden_events') }}
{% endcall %}
