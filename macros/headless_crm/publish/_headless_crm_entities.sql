{#- One row per entity: its id, the latest-seen value of each identifier type (greatest
    last_seen_at, then smallest value), its latest trait values, how many distinct
    identifiers it has and when it was first and last seen. The identifier types and
    trait names pivoted to columns come from var headless_crm.<entity>_identifier_columns
    and <entity>_trait_columns, or are discovered from the data at compile time. -#}
{% macro _headless_crm_entities(entity) %}
  {%- set entity_id = entity ~ '_id' -%}
  {%- set columns = activity_schema._headless_crm_pivot_columns(entity) -%}
  {%- set identifier_columns = columns | selectattr('kind', 'equalto', 'identifier') | list -%}
  {%- set trait_columns = columns | selectattr('kind', 'equalto', 'trait') | list -%}
    with identifiers as (
        select {{ entity_id }}, identifier_type, identifier_value, first_seen_at, last_seen_at
        from {{ ref('headless_crm_resolved_' ~ entity ~ '_identifiers') }}
    ),

    entities as (
        select
            {{ entity_id }},
            count(distinct {{ activity_schema._headless_crm_node_key('identifier_type', 'identifier_value') }}) as identifier_count,
            min(first_seen_at) as first_seen_at,
            max(last_seen_at) as last_seen_at
        from identifiers
        group by {{ entity_id }}
    ),

    latest_identifiers as (
        select
            {{ entity_id }},
            identifier_type,
            identifier_value,
            row_number() over (
                partition by {{ entity_id }}, identifier_type
                order by last_seen_at desc nulls last, {{ activity_schema.binary_order('identifier_value') }}
            ) as recency
        from (
            select {{ entity_id }}, identifier_type, identifier_value, max(last_seen_at) as last_seen_at
            from identifiers
            group by {{ entity_id }}, identifier_type, identifier_value
        ) as distinct_identifiers
    ),

    identifier_pivot as (
        select
            {{ entity_id }}
            {%- for column in identifier_columns %},
            max(case when identifier_type = {{ activity_schema.string_literal(column.name) }} then identifier_value end) as {{ column.column }}
            {%- endfor %}
        from latest_identifiers
        where recency = 1
        group by {{ entity_id }}
    ),

    trait_pivot as (
        select
            {{ entity_id }}
            {%- for column in trait_columns %},
            max(case when trait_name = {{ activity_schema.string_literal(column.name) }} then trait_value end) as {{ column.column }}
            {%- endfor %}
        from {{ ref('headless_crm_resolved_' ~ entity ~ '_traits') }}
        group by {{ entity_id }}
    )

    select
        entities.{{ entity_id }},
        {%- for column in columns %}
        {{ 'identifier_pivot' if column.kind == 'identifier' else 'trait_pivot' }}.{{ column.column }},
        {%- endfor %}
        entities.identifier_count,
        entities.first_seen_at,
        entities.last_seen_at
    from entities
    left join identifier_pivot on identifier_pivot.{{ entity_id }} = entities.{{ entity_id }}
    left join trait_pivot on trait_pivot.{{ entity_id }} = entities.{{ entity_id }}
{% endmacro %}

{#- The pivoted columns, identifiers first, each {kind, name, column}. A name that is an SQL
    reserved word, starts with a digit or is already taken gets the prefix identifier_ or
    trait_, so a trait 'email' beside the identifier type 'email' becomes trait_email. -#}
{% macro _headless_crm_pivot_columns(entity) %}
  {%- set reserved = activity_schema._sql_reserved_words() -%}
  {%- set taken = [entity ~ '_id', 'identifier_count', 'first_seen_at', 'last_seen_at'] -%}
  {%- set columns = [] -%}
  {%- for kind in ['identifier', 'trait'] -%}
    {%- for name in activity_schema._headless_crm_pivot_names(entity, kind) -%}
      {%- set column = name -%}
      {%- if column in taken or column in reserved or modules.re.match('^[0-9]', column) -%}
        {%- set column = kind ~ '_' ~ name -%}
      {%- endif -%}
      {%- if column in taken -%}
        {{ exceptions.raise_compiler_error("headless_crm_" ~ entity ~ "s: the " ~ kind ~ " '" ~ name ~ "' and another pivoted name both become column " ~ column ~ "; list the columns you want in var headless_crm." ~ entity ~ "_" ~ kind ~ "_columns") }}
      {%- endif -%}
      {%- do taken.append(column) -%}
      {%- do columns.append({'kind': kind, 'name': name, 'column': column}) -%}
    {%- endfor -%}
  {%- endfor -%}
  {{ return(columns) }}
{% endmacro %}

{#- The identifier types or trait names to pivot: the var's list, else the distinct values
    found in the resolved table (none while parsing, or before it is first built). -#}
{% macro _headless_crm_pivot_names(entity, kind) %}
  {%- set setting_key = entity ~ '_' ~ kind ~ '_columns' -%}
  {%- set configured = activity_schema._headless_crm_setting(setting_key) -%}
  {%- if configured is not none -%}
    {%- if configured is string or configured is mapping -%}
      {{ exceptions.raise_compiler_error("var headless_crm." ~ setting_key ~ " must be a list of names, got " ~ (configured | tojson)) }}
    {%- endif -%}
    {%- for name in configured if name is not string or not modules.re.match('^[a-z0-9_]+$', name) -%}
      {{ exceptions.raise_compiler_error("var headless_crm." ~ setting_key ~ ": " ~ (name | tojson) ~ " is not a normalised (lowercase snake case) " ~ kind ~ " name") }}
    {%- endfor -%}
    {{ return(configured | list) }}
  {%- endif -%}
  {%- if not execute -%}{{ return([]) }}{%- endif -%}
  {%- set relation = load_relation(ref('headless_crm_resolved_' ~ entity ~ ('_identifiers' if kind == 'identifier' else '_traits'))) -%}
  {%- if relation is none -%}{{ return([]) }}{%- endif -%}
  {%- set name_column = 'identifier_type' if kind == 'identifier' else 'trait_name' -%}
  {%- set names = run_query("select " ~ name_column ~ " from " ~ relation ~ " where " ~ name_column ~ " is not null group by " ~ name_column ~ " order by " ~ activity_schema.binary_order(name_column)) -%}
  {{ return(names.columns[0].values() | list) }}
{% endmacro %}
