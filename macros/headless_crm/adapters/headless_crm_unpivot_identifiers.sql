{#- Identifier rows from a wide source row: one row per non-blank identifier column, all
    sharing the source row's row_id (which is what links them in resolution):
      {{ activity_schema.headless_crm_unpivot_identifiers('storefront', ref('orders'),
             identifiers={'email': 'customer_email', 'phone': 'billing_phone'},
             row_id='order_id', event_id='order_id', occurred_at='ordered_at') }}
    `identifiers` maps identifier types to SQL expressions; a list of column names uses
    each column's name as its type. The id of each row is a hash of (event_id, row_id,
    type). It is a whole person or group identifiers adapter in one call. -#}
{% macro headless_crm_unpivot_identifiers(source_name, relation, identifiers, row_id, event_id, occurred_at, ingested_at=none, where=none) %}
  {{ return(adapter.dispatch('headless_crm_unpivot_identifiers', 'activity_schema')(
      source_name, relation, identifiers, row_id, event_id, occurred_at, ingested_at, where)) }}
{% endmacro %}

{% macro default__headless_crm_unpivot_identifiers(source_name, relation, identifiers, row_id, event_id, occurred_at, ingested_at, where) %}
  {{ activity_schema._headless_crm_unpivot(source_name, relation, identifiers, row_id, event_id, occurred_at, ingested_at, where,
                                           'identifier_type', 'identifier_value', skip_blank=true) }}
{% endmacro %}
