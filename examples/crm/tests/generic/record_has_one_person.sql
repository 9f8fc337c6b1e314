{#- A record's identifiers all resolve to the same person (they are on one source row, so
    they are linked): the records that reached two. -#}
{% test record_has_one_person(model) %}
select source, record_id, count(distinct person_id) as persons
from {{ model }}
group by 1, 2
having count(distinct person_id) > 1
{% endtest %}
