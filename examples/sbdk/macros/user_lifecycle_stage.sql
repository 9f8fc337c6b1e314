{#- A user's stage from their event count, active days and days since their last event. -#}
{% macro user_lifecycle_stage(total_events, active_days, days_since_last_activity) %}
    case
        when coalesce({{ total_events }}, 0) = 0 then 'inactive'
        when {{ days_since_last_activity }} > 30 then 'dormant'
        when {{ total_events }} >= {{ var('active_user_min_events') }} and {{ active_days }} >= 3 then 'active'
        when {{ total_events }} >= 3 then 'engaged'
        else 'new'
    end
{%- endmacro %}
