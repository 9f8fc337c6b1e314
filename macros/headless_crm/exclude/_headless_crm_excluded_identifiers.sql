{#- The identifiers of one entity kept out of resolution, one row per raw value, with why:
    'blank' (none given: a membership record without this side's identifier), 'invalid'
    (nothing usable after normalisation), 'blocklisted' (the package's seed,
    unless use_default_blocklist is false, plus var headless_crm.blocklist) or
    'over_linked' (sharing source rows with more than max_linked_identifiers distinct
    other identifiers: a shared inbox, a placeholder, a bug; merging through it would
    glue strangers together). linked_identifier_count counts the distinct valid,
    non-blocklisted identifiers seen on the same source rows. -#}
{% macro _headless_crm_excluded_identifiers(entity) %}
  {%- set max_linked = activity_schema._headless_crm_link_limit(entity, 'max_linked_identifiers') -%}
    with {{ activity_schema._headless_crm_link_ctes(entity) }},

    classified as (
        select
            occurrences.identifier_type,
            occurrences.identifier_value,
            occurrences.raw_identifier_value,
            occurrences.occurred_at,
            case
                when not coalesce({{ activity_schema.id_present('occurrences.raw_identifier_value') }}, false) then 'blank'
                when occurrences.identifier_value is null then 'invalid'
                when blocked.identifier_value is not null then 'blocklisted'
                when linked.linked_identifier_count > {{ max_linked }} then 'over_linked'
            end as exclusion_reason,
            coalesce(linked.linked_identifier_count, 0) as linked_identifier_count
        from occurrences
        left join blocked
          on blocked.identifier_type = occurrences.identifier_type
         and blocked.identifier_value = occurrences.identifier_value
        left join linked
          on linked.identifier_type = occurrences.identifier_type
         and linked.identifier_value = occurrences.identifier_value
    )

    select
        {{ activity_schema.string_literal(entity) }} as entity_type,
        identifier_type,
        identifier_value,
        raw_identifier_value,
        exclusion_reason,
        linked_identifier_count,
        count(*) as occurrence_count,
        min(occurred_at) as first_seen_at,
        max(occurred_at) as last_seen_at
    from classified
    where exclusion_reason is not null
    group by identifier_type, identifier_value, raw_identifier_value, exclusion_reason, linked_identifier_count
{% endmacro %}
