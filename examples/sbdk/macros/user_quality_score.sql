{#- A user's quality score, 0 to 100. -#}
{% macro user_quality_score(active_days, total_orders, total_revenue, user_lifecycle_stage) %}
    least(100,
        ({{ active_days }} * 2) +
        ({{ total_orders }} * 5) +
        (case when {{ total_revenue }} > 100 then 20 else 0 end) +
        (case when {{ user_lifecycle_stage }} = 'active' then 15 else 0 end)
    )
{%- endmacro %}
