{#- A daily fact has one row per day and entity: the duplicated keys, if any. -#}
{% test daily_grain_is_unique(model, columns) %}
select {{ columns | join(', ') }}, count(*) as rows_for_key
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
