-- A stream breaking each contract rule once; built only in the bad-input run.
{{ config(enabled=var('bad_input', false)) }}
select
    activity_id, ts, activity, customer, anonymous_customer_id,
    {{ activity_schema.json_from_string("feature_json") }} as feature_json,
    revenue_impact, link
from {{ ref('bad_stream') }}
