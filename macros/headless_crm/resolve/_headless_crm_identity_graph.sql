{#- The input of connected_components for one entity: every usable sighting of an
    identifier (not invalid, not excluded) as (node_key, link_key). Sightings sharing a
    link_key (a source row) are linked; a null link_key adds the node alone. -#}
{% macro _headless_crm_identity_graph(entity) %}
    with occurrences as (
        {{ activity_schema._headless_crm_identifier_occurrences(entity) }}
    )

    select
        {{ activity_schema._headless_crm_node_key('occurrences.identifier_type', 'occurrences.identifier_value') }} as node_key,
        occurrences.link_key
    from occurrences
    where occurrences.identifier_value is not null
      and not exists (
          select 1
          from {{ ref('headless_crm_excluded_identifiers') }} as excluded
          where excluded.entity_type = {{ activity_schema.string_literal(entity) }}
            and excluded.identifier_type = occurrences.identifier_type
            and excluded.identifier_value = occurrences.identifier_value
      )
{% endmacro %}
