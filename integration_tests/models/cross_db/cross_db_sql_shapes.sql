-- The primitives that shape SQL rather than compute values. quote_column: columns named
-- in mixed case, with a leading digit and as a reserved word, the first read back without
-- quotes. star_except: the union with a two-column row fails unless the excluded column
-- is gone. cte_not_materialized: a CTE read twice. type_float: a third that a 4-byte float
-- would round differently. type_family: type names every warehouse reads alike.
{%- set query = "select 'kept' as kept_text, 'gone' as dropped, 2 as kept_number" %}
with named as {{ activity_schema.cte_not_materialized() }}(
    select
        'mixed' as {{ activity_schema.quote_column('MixedCase') }},
        'digit' as {{ activity_schema.quote_column('2nd') }},
        'reserved' as {{ activity_schema.quote_column('group') }}
),

starred as (
    select {{ activity_schema.star_except('source_relation', ['dropped'], query) }}
    from ({{ query }}) as source_relation
    union all
    select 'added' as kept_text, 3 as kept_number
)

select
    first_read.mixedcase as mixed_case,
    first_read.{{ activity_schema.quote_column('2nd') }} as leading_digit,
    second_read.{{ activity_schema.quote_column('group') }} as reserved_word,
    (select count(*) from starred) as star_except_rows,
    cast(1 as {{ activity_schema.type_float() }}) / cast(3 as {{ activity_schema.type_float() }}) as one_third,
    {%- for data_type in ['TIMESTAMP WITH TIME ZONE', 'timestamp_ntz', 'JSONB', 'character varying(40)', 'DOUBLE PRECISION', 'GEOGRAPHY'] %}
    {{ activity_schema.string_literal(activity_schema.type_family(data_type)) }} as type_family_{{ loop.index }}{{ ',' if not loop.last }}
    {%- endfor %}
from named as first_read
cross join named as second_read
