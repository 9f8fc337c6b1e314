{#- A user's buyer segment from their order count (null: no orders). -#}
{% macro buyer_segment(total_orders) %}
    case
        when coalesce({{ total_orders }}, 0) = 0 then 'non_buyer'
        when {{ total_orders }} = 1 then 'one_time_buyer'
        when {{ total_orders }} between 2 and 5 then 'repeat_buyer'
        else 'loyal_buyer'
    end
{%- endmacro %}
