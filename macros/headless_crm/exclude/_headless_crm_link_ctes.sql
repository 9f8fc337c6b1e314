{#- The CTEs that count, for each valid identifier of one entity, the distinct valid,
    non-blocklisted identifiers seen on its source rows: occurrences, blocklist, blocked
    (the identifiers the blocklist matches) and linked (identifier_type, identifier_value,
    is_blocked, linked_identifier_count), written after a `with`. -#}
{% macro _headless_crm_link_ctes(entity) %}
    occurrences as (
        {{ activity_schema._headless_crm_identifier_occurrences(entity) }}
    ),

    blocklist as (
        {{ activity_schema._headless_crm_blocklist(entity) }}
    ),

    candidates as (
        select distinct identifier_type, identifier_value
        from occurrences
        where identifier_value is not null
    ),

    -- exact entries by an equi-join, patterns by LIKE: one OR-ed join would compare every
    -- identifier with every entry
    blocked as (
        select distinct identifier_type, identifier_value
        from (
            select candidates.identifier_type, candidates.identifier_value
            from candidates
            join blocklist
              on blocklist.match_type = 'exact'
             and blocklist.identifier_value = candidates.identifier_value
             and blocklist.identifier_type in (candidates.identifier_type, 'any')
            union all
            select candidates.identifier_type, candidates.identifier_value
            from candidates
            join blocklist
              on blocklist.match_type = 'like'
             and candidates.identifier_value like blocklist.identifier_value
             and blocklist.identifier_type in (candidates.identifier_type, 'any')
        ) as matches
    ),

    linkable as (
        select distinct occurrences.link_key, occurrences.identifier_type, occurrences.identifier_value,
               blocked.identifier_value is not null as is_blocked
        from occurrences
        left join blocked
          on blocked.identifier_type = occurrences.identifier_type
         and blocked.identifier_value = occurrences.identifier_value
        where occurrences.identifier_value is not null and occurrences.link_key is not null
    ),

    linked as (
        select identifier.identifier_type, identifier.identifier_value, identifier.is_blocked,
               count(distinct {{ activity_schema._headless_crm_node_key('neighbour.identifier_type', 'neighbour.identifier_value') }}) as linked_identifier_count
        from linkable as identifier
        join linkable as neighbour
          on neighbour.link_key = identifier.link_key
         and not neighbour.is_blocked
         and (neighbour.identifier_type <> identifier.identifier_type or neighbour.identifier_value <> identifier.identifier_value)
        group by identifier.identifier_type, identifier.identifier_value, identifier.is_blocked
    )
{% endmacro %}
