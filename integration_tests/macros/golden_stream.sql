{#- A hand-written golden stream seed (text columns) cast into the stream contract's types.
    activity_occurrence is carried over as is, so a seed can make it deliberately stale. -#}
{% macro golden_stream(raw) %}
select
    cast(activity_id as {{ dbt.type_string() }}) as activity_id,
    cast(ts as {{ activity_schema.type_timestamp() }}) as ts,
    cast(activity as {{ dbt.type_string() }}) as activity,
    cast(customer as {{ dbt.type_string() }}) as customer,
    cast(anonymous_customer_id as {{ dbt.type_string() }}) as anonymous_customer_id,
    {{ activity_schema.json_from_string("feature_json") }} as feature_json,
    cast(revenue_impact as {{ dbt.type_float() }}) as revenue_impact,
    cast(link as {{ dbt.type_string() }}) as link,
    cast(activity_occurrence as {{ dbt.type_int() }}) as activity_occurrence,
    cast(activity_repeated_at as {{ activity_schema.type_timestamp() }}) as activity_repeated_at
from {{ raw }}
{% endmacro %}
