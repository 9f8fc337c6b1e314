{#- The entity of each source row (link_key): the usable identifiers of a row are linked,
    so they all resolve to one entity. Rows whose identifiers were all excluded have none. -#}
{% macro _headless_crm_row_entities(entity) %}
    select distinct
        {{ activity_schema._headless_crm_link_key('identifiers') }} as link_key,
        {{ activity_schema._headless_crm_entity_id('components.component_key') }} as entity_id
    from {{ ref('headless_crm_' ~ entity ~ '_identifiers') }} as identifiers
    join {{ ref('headless_crm_' ~ entity ~ '_components') }} as components
      on components.node_key = {{ activity_schema._headless_crm_node_key('identifiers.identifier_type', 'identifiers.identifier_value') }}
{% endmacro %}
