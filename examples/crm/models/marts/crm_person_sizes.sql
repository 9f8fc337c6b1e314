-- How big each resolved person is: identifiers, source systems and records behind it.
select
    persons.person_id,
    persons.identifier_count as identifiers,
    count(distinct records.source) as sources,
    count(distinct records.source || '/' || records.record_id) as records
from {{ ref('headless_crm_persons') }} as persons
left join {{ ref('crm_record_persons') }} as records on records.person_id = persons.person_id
group by 1, 2
