-- The dataset builder's hand-made golden stream (seed dataset_stream_raw) cast into the stream
-- contract. A seed loader reads '' and '  ' as null, so the seed spells blank ids (blank) and
-- (spaces); they are turned back into an empty and a two-space string here.
with typed as (
{{ golden_stream(ref('dataset_stream_raw')) }}
)
select
    activity_id,
    ts,
    activity,
    {%- for id_column in ['customer', 'anonymous_customer_id'] %}
    case {{ id_column }} when '(blank)' then '' when '(spaces)' then '  ' else {{ id_column }} end as {{ id_column }},
    {%- endfor %}
    feature_json,
    revenue_impact,
    link,
    activity_occurrence,
    activity_repeated_at
from typed
