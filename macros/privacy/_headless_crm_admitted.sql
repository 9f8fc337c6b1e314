{#- The rows of a CRM event-log union that may be taken in: with erasure on, none of an
    erased person's source records. A record (source, row_id) is erased when one of its
    person identifiers is on the suppression list; its identifiers and traits are left
    out, and so are the events it points at (event_id), and memberships whose person side
    is erased. Groups are not persons: their rows are kept. `log_rows` selects the union's
    rows with names normalised and nothing masked; this returns it, filtered when needed. -#}
{% macro _headless_crm_admitted(kind, log_rows) %}
  {%- if not activity_schema._erasure_enabled() or kind.startswith('group_') -%}
    {{ return(log_rows) }}
  {%- endif -%}
  {%- set erased_record_key = {
      'person_identifiers': "erased_records.source = log_row.source and erased_records.row_id = log_row.row_id",
      'person_traits': "erased_records.source = log_row.source and erased_records.row_id = log_row.row_id",
      'events': "erased_records.source = log_row.source and erased_records.event_id = log_row.id",
  } -%}
  {%- set sql -%}
select *
from (
    {{ log_rows }}
) as log_row
{%- if kind == 'membership_identifiers' %}
where not {{ activity_schema._headless_crm_identifier_erased('log_row.person_identifier_type', 'person_identifier',
    activity_schema.headless_crm_normalise_identifier('log_row.person_identifier_type', 'log_row.person_identifier')) }}
{%- else %}
where not exists (
    select 1
    from (
        {{ activity_schema._headless_crm_erased_records() }}
    ) as erased_records
    where {{ erased_record_key[kind] }}
)
{%- endif %}
  {%- endset -%}
  {{ return(sql) }}
{% endmacro %}

{#- (source, row_id, event_id) of every adapter record holding an erased person
    identifier, read from the person-identifier and membership adapters (the person side),
    identifiers normalised, in the form the unions store them (masked where masking is on)
    and as the sources give them (an erasure run where they are not masked). -#}
{% macro _headless_crm_erased_records() %}
  {%- set string_type = dbt.type_string() -%}
  {%- set selects = [] -%}
  {%- for kind, type_column, value_column, row_column in [
        ('person_identifiers', 'identifier_type', 'identifier_value', 'row_id'),
        ('membership_identifiers', 'person_identifier_type', 'person_identifier', none)] -%}
    {%- for provider in activity_schema._headless_crm_providers(kind) -%}
      {%- set identifier_type = activity_schema._headless_crm_normalised_name('adapter_model.' ~ type_column) -%}
      {%- set normalised_value = activity_schema.headless_crm_normalise_identifier(identifier_type, 'adapter_model.' ~ value_column) -%}
      {%- set erased = activity_schema._headless_crm_identifier_erased(identifier_type, value_column, normalised_value) -%}
      {%- do selects.append(
            "select cast(" ~ activity_schema.string_literal(provider.source) ~ " as " ~ string_type ~ ") as source, "
            ~ "cast(" ~ (('adapter_model.' ~ row_column) if row_column else 'null') ~ " as " ~ string_type ~ ") as row_id, "
            ~ "cast(adapter_model.event_id as " ~ string_type ~ ") as event_id "
            ~ "from " ~ provider.relation ~ " as adapter_model "
            ~ "where " ~ erased) -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- if not selects -%}
    {%- do selects.append("select cast(null as " ~ string_type ~ ") as source, cast(null as " ~ string_type ~ ") as row_id, cast(null as " ~ string_type ~ ") as event_id where 1 = 0") -%}
  {%- endif -%}
  {{ return(selects | join('\n    union all\n    ')) }}
{% endmacro %}

{#- Whether a normalised identifier of a type is on the suppression list, in the form the
    union stores it (masked where masking is on) or as the sources give it (an erasure run
    where it is not masked). `masked_column` names the column whose masking applies. -#}
{% macro _headless_crm_identifier_erased(identifier_type, masked_column, normalised_value) %}
  {%- set stored_value = activity_schema._masked(masked_column, normalised_value) -%}
  {%- set erased = "not " ~ activity_schema._not_suppressed('i', activity_schema._headless_crm_node_key(identifier_type, stored_value)) -%}
  {%- if stored_value != normalised_value -%}
    {%- set erased = erased ~ " or not " ~ activity_schema._not_suppressed('i', activity_schema._headless_crm_node_key(identifier_type, normalised_value)) -%}
  {%- endif -%}
  {{ return("(" ~ erased ~ ")") }}
{% endmacro %}
