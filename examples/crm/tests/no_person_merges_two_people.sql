-- Resolution never glues two real people together: every resolved person's records belong
-- to one person of the generator's answer key. Junk shared by strangers (test@test.com,
-- 000-000-0000, gmail.com as a company website) is what would glue them.
select
    records.person_id,
    count(distinct truth.person_id) as real_people,
    min(truth.person_id) as one_of_them,
    max(truth.person_id) as another
from {{ ref('crm_record_persons') }} as records
join {{ source('raw', 'crm_truth') }} as truth
    on truth.source = records.source and truth.record_id = records.record_id
group by 1
having count(distinct truth.person_id) > 1
