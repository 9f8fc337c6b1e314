-- window_ignore_nulls: first_value, last_value, lead and lag skipping nulls, over
-- cross_db_string_agg_input ordered by (sort_key, tie_break).
{%- set whole = "partition by group_key order by sort_key, tie_break rows between unbounded preceding and unbounded following" %}
{%- set ordered = "partition by group_key order by sort_key, tie_break" %}
select
    group_key,
    sort_key,
    tie_break,
    {{ activity_schema.window_ignore_nulls('first_value', 'value', whole) }} as first_value,
    {{ activity_schema.window_ignore_nulls('last_value', 'value', whole) }} as last_value,
    {{ activity_schema.window_ignore_nulls('lead', 'value', ordered) }} as next_value,
    {{ activity_schema.window_ignore_nulls('lag', 'value', ordered) }} as previous_value
from {{ ref('cross_db_string_agg_input') }}
where group_key in ('with_nulls', 'all_nulls', 'ties')
