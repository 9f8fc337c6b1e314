{#- A user's value segment from their revenue (null: no orders). -#}
{% macro customer_value_segment(total_revenue) %}
    case
        when coalesce({{ total_revenue }}, 0) > {{ var('high_value_customer_threshold') }} then 'high_value'
        when coalesce({{ total_revenue }}, 0) > 300 then 'medium_value'
        when coalesce({{ total_revenue }}, 0) > 0 then 'low_value'
        else 'no_purchases'
    end
{%- endmacro %}
