{#- The share of a relation's anonymous-only rows (customer null, anonymous_customer_id
    set) that identity stitching resolves. Attach it to the relation before stitching.
    Fails with one row of counts when the share is below min_coverage. -#}
{% test identity_coverage(model, min_coverage=0.9) %}
  {{ return(adapter.dispatch('test_identity_coverage', 'activity_schema')(model, min_coverage)) }}
{% endtest %}

{% macro default__test_identity_coverage(model, min_coverage) %}
  with anonymous_only as (
    select anonymous_customer_id, ts, customer
    from {{ model }}
    where customer is null and anonymous_customer_id is not null
  ),
  stitched as (
    {{ activity_schema._stitch_identity('anonymous_only', columns=['anonymous_customer_id', 'ts', 'customer']) }}
  ),
  coverage as (
    select
        count(*) as anonymous_only_rows,
        count(customer) as resolved_rows,
        case when count(*) = 0 then 1.0 else count(customer) * 1.0 / count(*) end as coverage
    from stitched
  )
  select anonymous_only_rows, resolved_rows, coverage, {{ min_coverage }} as min_coverage
  from coverage
  where coverage < {{ min_coverage }}
{% endmacro %}
