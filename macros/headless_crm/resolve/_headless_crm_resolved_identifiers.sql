{#- One row per (entity, normalised identifier, raw value, source) with when it was first
    and last seen. Every usable identifier belongs to exactly one entity. -#}
{% macro _headless_crm_resolved_identifiers(entity) %}
    with occurrences as (
        {{ activity_schema._headless_crm_identifier_occurrences(entity) }}
    )

    select
        {{ activity_schema._headless_crm_entity_id('components.component_key') }} as {{ entity }}_id,
        occurrences.identifier_type,
        occurrences.identifier_value,
        occurrences.raw_identifier_value,
        occurrences.source,
        min(occurrences.occurred_at) as first_seen_at,
        max(occurrences.occurred_at) as last_seen_at
    from occurrences
    join {{ ref('headless_crm_' ~ entity ~ '_components') }} as components
      on components.node_key = {{ activity_schema._headless_crm_node_key('occurrences.identifier_type', 'occurrences.identifier_value') }}
    group by 1, 2, 3, 4, 5
{% endmacro %}
