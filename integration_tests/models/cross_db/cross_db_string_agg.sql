-- string_agg over each group of cross_db_string_agg_input: by (sort_key, tie_break), and
-- by the value compared with binary_order (code points: 'B' < 'Z' < '_' < 'a' < 'b' < 'é',
-- where the Postgres test database's linguistic collation says 'a' < 'B'). Delimiters
-- with a quote and a backslash go through string_literal. The last row aggregates no rows
-- at all.
select
    group_key,
    {{ activity_schema.string_agg('value', '; ', ['sort_key', 'tie_break']) }} as by_sort_key,
    {{ activity_schema.string_agg('value', "'\\", activity_schema.binary_order('value')) }} as by_code_point,
    min({{ activity_schema.binary_order('value') }}) as smallest_by_code_point
from {{ ref('cross_db_string_agg_input') }}
group by group_key

union all

select
    'empty_input' as group_key,
    {{ activity_schema.string_agg('value', '; ', ['sort_key', 'tie_break']) }} as by_sort_key,
    {{ activity_schema.string_agg('value', "'\\", activity_schema.binary_order('value')) }} as by_code_point,
    min({{ activity_schema.binary_order('value') }}) as smallest_by_code_point
from {{ ref('cross_db_string_agg_input') }}
where 1 = 0
