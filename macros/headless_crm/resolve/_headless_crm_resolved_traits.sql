{#- Per entity and trait, the latest non-null value: greatest occurred_at (nulls last),
    then greatest id, then greatest source, so ties resolve the same way on every run.
    A trait reaches its entity through its source row (source, row_id): the entity of
    that row's identifiers. -#}
{% macro _headless_crm_resolved_traits(entity) %}
    with row_entities as (
        {{ activity_schema._headless_crm_row_entities(entity) }}
    ),

    attributed as (
        select
            row_entities.entity_id,
            traits.trait_name,
            traits.trait_value,
            traits.source,
            traits.occurred_at,
            traits.event_id,
            traits.id,
            row_number() over (
                partition by row_entities.entity_id, traits.trait_name
                order by traits.occurred_at desc nulls last, {{ activity_schema.binary_order('traits.id') }} desc, {{ activity_schema.binary_order('traits.source') }} desc
            ) as recency
        from {{ ref('headless_crm_' ~ entity ~ '_traits') }} as traits
        join row_entities on row_entities.link_key = {{ activity_schema._headless_crm_link_key('traits') }}
        where traits.trait_name is not null and traits.trait_value is not null
    )

    select
        entity_id as {{ entity }}_id,
        trait_name,
        trait_value,
        source,
        occurred_at,
        event_id,
        id as trait_id
    from attributed
    where recency = 1
{% endmacro %}
