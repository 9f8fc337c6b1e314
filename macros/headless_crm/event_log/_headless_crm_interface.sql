{#- The adapter interface per kind: the columns an adapter model provides, in output
    order. `required: false` columns may be absent (they become null). `normalise` says how the union cleans a column:
    'name' (lowercase snake case) or 'identifier' (headless_crm_normalise_identifier,
    by the type in `type_column`, the value as given kept in `raw_column`). -#}
{% macro _headless_crm_interface(kind) %}
  {%- set identifiers = [
      {'name': 'id', 'type': 'string'},
      {'name': 'event_id', 'type': 'string'},
      {'name': 'row_id', 'type': 'string'},
      {'name': 'identifier_type', 'type': 'string', 'normalise': 'name'},
      {'name': 'identifier_value', 'type': 'string', 'normalise': 'identifier', 'type_column': 'identifier_type', 'raw_column': 'raw_identifier_value'},
      {'name': 'source', 'type': 'string'},
      {'name': 'occurred_at', 'type': 'timestamp'},
      {'name': '_ingested_at', 'type': 'timestamp'},
  ] -%}
  {%- set traits = [
      {'name': 'id', 'type': 'string'},
      {'name': 'event_id', 'type': 'string'},
      {'name': 'row_id', 'type': 'string'},
      {'name': 'trait_name', 'type': 'string', 'normalise': 'name'},
      {'name': 'trait_value', 'type': 'string'},
      {'name': 'source', 'type': 'string'},
      {'name': 'occurred_at', 'type': 'timestamp'},
      {'name': '_ingested_at', 'type': 'timestamp'},
  ] -%}
  {%- set interfaces = {
      'events': [
          {'name': 'id', 'type': 'string'},
          {'name': 'occurred_at', 'type': 'timestamp'},
          {'name': 'event_name', 'type': 'string'},
          {'name': 'event_description', 'type': 'string'},
          {'name': 'value', 'type': 'float', 'required': false},
          {'name': 'value_unit', 'type': 'string', 'required': false},
          {'name': 'event_type', 'type': 'string'},
          {'name': 'source', 'type': 'string'},
          {'name': '_ingested_at', 'type': 'timestamp'},
      ],
      'person_identifiers': identifiers,
      'group_identifiers': identifiers,
      'person_traits': traits,
      'group_traits': traits,
      'membership_identifiers': [
          {'name': 'id', 'type': 'string'},
          {'name': 'event_id', 'type': 'string'},
          {'name': 'person_identifier', 'type': 'string', 'normalise': 'identifier', 'type_column': 'person_identifier_type', 'raw_column': 'raw_person_identifier'},
          {'name': 'person_identifier_type', 'type': 'string', 'normalise': 'name'},
          {'name': 'group_identifier', 'type': 'string', 'normalise': 'identifier', 'type_column': 'group_identifier_type', 'raw_column': 'raw_group_identifier'},
          {'name': 'group_identifier_type', 'type': 'string', 'normalise': 'name'},
          {'name': 'role', 'type': 'string', 'required': false},
          {'name': 'source', 'type': 'string'},
          {'name': 'occurred_at', 'type': 'timestamp'},
          {'name': '_ingested_at', 'type': 'timestamp'},
      ],
  } -%}
  {{ return(interfaces[kind]) }}
{% endmacro %}

{% macro _headless_crm_sql_type(type) %}
  {%- set types = {'string': dbt.type_string(), 'timestamp': activity_schema.type_timestamp(), 'float': activity_schema.type_float()} -%}
  {{ return(types[type]) }}
{% endmacro %}
