-- Every source record (shop order, app user, spreadsheet contact) with the person the
-- headless CRM resolved it to: through any of the record's identifiers that resolved
-- (a record whose identifiers were all excluded as junk has no person).
select distinct
    identifiers.source,
    identifiers.row_id as record_id,
    resolved.person_id
from {{ ref('headless_crm_person_identifiers') }} as identifiers
join {{ ref('headless_crm_resolved_person_identifiers') }} as resolved
    on resolved.identifier_type = identifiers.identifier_type
   and resolved.identifier_value = identifiers.identifier_value
