{{ config(enabled=activity_schema._identity_enabled()) }}
{#- Every moment a person revealed who they are, from the configured identity sources.
    Rows lacking either id (null, empty or only spaces: a blank string is no id) are not
    identifications; rows with a null ts are kept here so that the not_null test counts
    them, and the change detector leaves them out. Erased ids (the suppression list) are
    not taken in again. -#}
{%- set string_type = dbt.type_string() -%}
{%- for source_name in activity_schema._identity_sources() %}
{%- set relation = activity_schema._identity_source_ref(source_name) %}
{%- do activity_schema._require_columns(relation, ['anonymous_customer_id', 'customer', 'ts'], "identity source '" ~ source_name ~ "'") %}
select
    cast(anonymous_customer_id as {{ string_type }}) as anonymous_customer_id,
    cast(customer as {{ string_type }}) as customer,
    cast(ts as {{ activity_schema.type_timestamp() }}) as ts,
    cast({{ activity_schema.string_literal(source_name) }} as {{ string_type }}) as source_relation
from {{ relation }}
where {{ activity_schema.id_present('anonymous_customer_id') }}
  and {{ activity_schema.id_present('customer') }}
{%- if activity_schema._erasure_enabled() %}
  and {{ activity_schema._not_suppressed('c', 'customer') }}
  and {{ activity_schema._not_suppressed('a', 'anonymous_customer_id') }}
{%- endif %}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
