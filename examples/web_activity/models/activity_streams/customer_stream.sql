-- The one customer stream: every person stream, unioned. Occurrences are counted per
-- activity, so each person stream's activity_occurrence stays right in the union.
{%- set person_streams = ['started_session', 'viewed_page', 'viewed_product', 'added_to_cart', 'signed_up', 'made_purchase', 'refunded_order'] %}
{% for activity in person_streams %}
select * from {{ ref('person_stream_' ~ activity) }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
