{#- The rows of a mart and its activity-stream version that differ: a key on one side only,
    or a column that differs (exact columns as values, approx columns beyond a relative
    tolerance of 1e-9, since decimals and doubles round their last digits differently). -#}
{% macro rows_differ(mart, stream, key, exact=[], approx=[]) %}
select
    {% for column in key %}coalesce(mart.{{ column }}, stream.{{ column }}) as {{ column }},{% endfor %}
    case
        when mart.{{ key[0] }} is null then 'only in {{ stream.identifier }}'
        when stream.{{ key[0] }} is null then 'only in {{ mart.identifier }}'
        else 'values differ'
    end as difference
from {{ mart }} as mart
full outer join {{ stream }} as stream
    on {% for column in key %}mart.{{ column }} = stream.{{ column }}{% if not loop.last %} and {% endif %}{% endfor %}
where mart.{{ key[0] }} is null
   or stream.{{ key[0] }} is null
   {%- for column in exact %}
   or mart.{{ column }} is distinct from stream.{{ column }}
   {%- endfor %}
   {%- for column in approx %}
   or (mart.{{ column }} is null) <> (stream.{{ column }} is null)
   or abs(cast(mart.{{ column }} as double) - cast(stream.{{ column }} as double)) > 1e-9 * greatest(1, abs(cast(mart.{{ column }} as double)))
   {%- endfor %}
{% endmacro %}
