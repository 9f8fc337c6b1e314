{#- Trait rows from a wide source row: one row per non-null trait column, sharing the
    source row's row_id (the same row_id as its identifiers: that is how a trait finds
    its entity):
      {{ activity_schema.headless_crm_unpivot_traits('storefront', ref('orders'),
             traits={'first_name': 'first_name', 'plan': 'upper(plan)'},
             row_id='order_id', event_id='order_id', occurred_at='ordered_at') }}
    `traits` maps trait names to SQL expressions (cast to text); a list of column names
    uses each column's name. The id of each row is a hash of (event_id, row_id, name). -#}
{% macro headless_crm_unpivot_traits(source_name, relation, traits, row_id, event_id, occurred_at, ingested_at=none, where=none) %}
  {{ return(adapter.dispatch('headless_crm_unpivot_traits', 'activity_schema')(
      source_name, relation, traits, row_id, event_id, occurred_at, ingested_at, where)) }}
{% endmacro %}

{% macro default__headless_crm_unpivot_traits(source_name, relation, traits, row_id, event_id, occurred_at, ingested_at, where) %}
  {{ activity_schema._headless_crm_unpivot(source_name, relation, traits, row_id, event_id, occurred_at, ingested_at, where,
                                           'trait_name', 'trait_value', skip_blank=false) }}
{% endmacro %}
