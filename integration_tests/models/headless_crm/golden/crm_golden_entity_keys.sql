{{ config(enabled=var('headless_crm', none) is not none) }}
-- Each entity with an identifier from a golden source, named by its smallest identifier
-- ('<type> <value>'): the expected seeds are written by hand against these names.
{%- for entity in ['person', 'group'] %}
select
    '{{ entity }}' as entity_type,
    {{ entity }}_id as entity_id,
    min(identifier_type || ' ' || identifier_value) as smallest_identifier
from {{ ref('headless_crm_resolved_' ~ entity ~ '_identifiers') }}
group by {{ entity }}_id
having sum(case when source in ('storefront', 'app_database', 'manual_list') then 1 else 0 end) > 0
{% if not loop.last %}union all{% endif %}
{%- endfor %}
