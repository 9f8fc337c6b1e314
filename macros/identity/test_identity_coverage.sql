{#- The share of a relation's anonymous-only rows (no customer, an anonymous id; blank ids
    count as absent) that identity stitching resolves. Attach it to the relation before
    stitching; its columns are named by the arguments. Fails with one row of counts when
    the share is below min_coverage. -#}
{% test identity_coverage(model, min_coverage=0.9, customer='customer', anonymous_customer_id='anonymous_customer_id', ts='ts') %}
  {{ return(adapter.dispatch('test_identity_coverage', 'activity_schema')(model, min_coverage, customer, anonymous_customer_id, ts)) }}
{% endtest %}

{% macro default__test_identity_coverage(model, min_coverage, customer, anonymous_customer_id, ts) %}
  {%- set coverage_minimum = activity_schema._fraction('identity_coverage', 'min_coverage', min_coverage) -%}
  {%- set named = {'customer': customer, 'anonymous_customer_id': anonymous_customer_id, 'ts': ts} -%}
  {%- for argument, column in named.items() -%}
    {%- do activity_schema._require_identifier('identity_coverage', argument, column) -%}
  {%- endfor -%}
  {%- do activity_schema._require_columns(model, named.values() | list,
        "identity_coverage (name the columns with its arguments customer, anonymous_customer_id and ts)") -%}
  with anonymous_only as (
    select
        {{ activity_schema.quote_column(anonymous_customer_id) }} as anonymous_customer_id,
        {{ activity_schema.quote_column(ts) }} as ts,
        cast(null as {{ dbt.type_string() }}) as customer
    from {{ model }}
    where {{ activity_schema.nullif_blank(activity_schema.quote_column(customer)) }} is null
      and {{ activity_schema.id_present(activity_schema.quote_column(anonymous_customer_id)) }}
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
  select anonymous_only_rows, resolved_rows, coverage, {{ coverage_minimum }} as min_coverage
  from coverage
  where coverage < {{ coverage_minimum }}
{% endmacro %}

{#- A number from 0 to 1 (a numeric string, as YAML arguments rendered by Jinja are, too). -#}
{% macro _fraction(macro_name, argument, value) %}
  {%- set text = value | string | trim -%}
  {%- if value is sameas true or value is sameas false or not modules.re.match('^([0-9]+([.][0-9]*)?|[.][0-9]+)$', text) or text | float > 1 -%}
    {{ exceptions.raise_compiler_error(macro_name ~ ": invalid " ~ argument ~ " " ~ (value | tojson) ~ "; give a number from 0 to 1") }}
  {%- endif -%}
  {{ return(text | float) }}
{% endmacro %}
