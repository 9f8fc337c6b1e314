{#- The rows of a mart and its activity-stream version that differ, one per key, naming the
    columns that differ: a key on one side only, or any column of the mart whose value
    differs in the stream version (which must have every column of the mart). Whole
    numbers, text, dates and times compare exactly; decimals and doubles within a relative
    1e-9, since the two round their last digits differently. -#}
{% macro rows_differ(mart, stream, key) %}
{%- set columns = adapter.get_columns_in_relation(mart) if execute else [] %}
{%- set compared = columns | rejectattr('name', 'in', key) | list %}
with compared as (
    select
        {% for column in key %}coalesce(mart.{{ column }}, stream.{{ column }}) as {{ column }},{% endfor %}
        case
            when mart.{{ key[0] }} is null then 'only in {{ stream.identifier }}'
            when stream.{{ key[0] }} is null then 'only in {{ mart.identifier }}'
        end as missing,
        concat_ws(', '
        {%- for column in compared %}
        {%- set name = adapter.quote(column.name) %}
            , case when
            {%- if column.is_float() or column.is_numeric() or (column.dtype | lower)[:7] in ('decimal', 'numeric') %}
                (mart.{{ name }} is null) <> (stream.{{ name }} is null)
                or abs(cast(mart.{{ name }} as double) - cast(stream.{{ name }} as double)) > 1e-9 * greatest(1, abs(cast(mart.{{ name }} as double)))
            {%- else %}
                mart.{{ name }} is distinct from stream.{{ name }}
            {%- endif %}
            then {{ activity_schema.string_literal(column.name) }} end
        {%- endfor %}
        ) as differing_columns
    from {{ mart }} as mart
    full outer join {{ stream }} as stream
        on {% for column in key %}mart.{{ column }} = stream.{{ column }}{% if not loop.last %} and {% endif %}{% endfor %}
)

select {% for column in key %}{{ column }}, {% endfor %}coalesce(missing, 'values differ: ' || differing_columns) as difference
from compared
where missing is not null or differing_columns <> ''
{% endmacro %}
