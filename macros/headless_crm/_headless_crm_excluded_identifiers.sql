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

{#- The blocklist entries that apply to one entity: the package seed and the client's
    var entries, each (identifier_type or 'any', match_type 'exact' or 'like', value). -#}
{% macro _headless_crm_blocklist(entity) %}
  {%- set settings = activity_schema._headless_crm_settings() -%}
  {%- set string_type = dbt.type_string() -%}
  {%- set selects = [] -%}
  {%- if settings.use_default_blocklist -%}
    {%- do selects.append("select identifier_type, match_type, identifier_value from " ~ ref('headless_crm_identifier_blocklist') ~ " where entity_type in (" ~ activity_schema.string_literal(entity) ~ ", 'any')") -%}
  {%- endif -%}
  {%- for entry in activity_schema._headless_crm_client_blocklist() if entry.entity_type in (entity, 'any') -%}
    {%- set literals = [] -%}
    {%- for column in ['identifier_type', 'match_type', 'identifier_value'] -%}
      {%- do literals.append("cast(" ~ activity_schema.string_literal(entry[column]) ~ " as " ~ string_type ~ ") as " ~ column) -%}
    {%- endfor -%}
    {%- do selects.append("select " ~ literals | join(", ")) -%}
  {%- endfor -%}
  {%- if not selects -%}
    {%- do selects.append("select cast(null as " ~ string_type ~ ") as identifier_type, cast(null as " ~ string_type ~ ") as match_type, cast(null as " ~ string_type ~ ") as identifier_value where 1 = 0") -%}
  {%- endif -%}
  {{ return(selects | join('\n        union all\n        ')) }}
{% endmacro %}

{#- var headless_crm.blocklist: each entry a normalised value (blocked for every type and
    entity) or {identifier_value, match_type: exact|like, identifier_type, entity_type}. -#}
{% macro _headless_crm_client_blocklist() %}
  {%- set entries = [] -%}
  {%- for given in activity_schema._headless_crm_setting('blocklist') -%}
    {%- set entry = {'identifier_type': 'any', 'match_type': 'exact', 'entity_type': 'any'} -%}
    {%- if given is string -%}
      {%- do entry.update({'identifier_value': given}) -%}
    {%- elif given is mapping and given.get('identifier_value') is string -%}
      {%- do entry.update(given) -%}
    {%- endif -%}
    {%- if entry.get('identifier_value') is not string
          or entry.match_type not in ('exact', 'like')
          or entry.entity_type not in ('person', 'group', 'any')
          or entry.keys() | reject('in', ['identifier_value', 'identifier_type', 'match_type', 'entity_type']) | list
          or not modules.re.match('^[a-z0-9_]+$', entry.identifier_type | string) -%}
      {{ exceptions.raise_compiler_error("var headless_crm.blocklist[" ~ loop.index0 ~ "] must be a normalised value or {identifier_value: ..., match_type: exact|like, identifier_type: <snake_case type>|any, entity_type: person|group|any}, got " ~ (given | tojson)) }}
    {%- endif -%}
    {%- do entries.append(entry) -%}
  {%- endfor -%}
  {{ return(entries) }}
{% endmacro %}

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
