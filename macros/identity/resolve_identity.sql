{#- {% call activity_schema.resolve_identity() %} select ... {% endcall %}
    Returns every column of the select unchanged, except a null customer filled from the
    identity window covering the row's ts. The select needs activity_id, ts, customer and
    anonymous_customer_id. -#}
{% macro resolve_identity() %}
  {{ return(adapter.dispatch('resolve_identity', 'activity_schema')(caller())) }}
{% endmacro %}

{% macro default__resolve_identity(query) %}
  with activity_schema_unresolved as (
    {{ query }}
  )
  {{ activity_schema._stitch_identity('activity_schema_unresolved', query=query) }}
{% endmacro %}
