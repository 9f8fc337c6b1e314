-- The funnel from each person's first visit: product view, add to cart, sign-up, purchase,
-- each after the first visit (first_after). A person reaches a step when they also
-- reached every earlier one.
{%- set steps = ['viewed_product', 'added_to_cart', 'signed_up', 'made_purchase'] %}
{%- set join_configs = [] %}
{%- for step in steps %}
{%- do join_configs.append({'name': step, 'target_activity': step, 'join_type': 'first_after'}) %}
{%- endfor %}
with first_visits as (
    {{ activity_schema.multi_temporal_analysis(
        primary_cohort_activity='started_session',
        join_configs=join_configs,
        cohort_filter='first',
    ) }}
),

reached as (
    select
        1 as reached_started_session
        {%- for step in steps %}
        , case when {% for earlier in steps[:loop.index] %}{{ earlier }}_ts is not null{% if not loop.last %} and {% endif %}{% endfor %} then 1 else 0 end as reached_{{ step }}
        {%- endfor %}
    from first_visits
),

counts as (
    {%- for step in ['started_session'] + steps %}
    select {{ loop.index }} as step_number, '{{ step }}' as step, sum(reached_{{ step }}) as people from reached
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
)

select
    step_number,
    step,
    people,
    people * 1.0 / max(people) over () as share_of_first_visits,
    people * 1.0 / lag(people) over (order by step_number) as share_of_previous_step
from counts
