-- JSON built per group of cross_db_string_agg_input and read back by key (key order and
-- spacing differ by warehouse; the values do not). json_object_agg makes {value:
-- sort_key} from to_json_value, with keys differing only in case ('b', 'B') and a
-- non-ASCII one ('é'); json_object makes an object whose keys need escaping and whose
-- null member must be kept (seen in its json_to_string text).
with aggregated as (
    select
        group_key,
        count(*) as value_count,
        {{ activity_schema.json_object_agg('value', activity_schema.to_json_value('sort_key')) }} as by_value
    from {{ ref('cross_db_string_agg_input') }}
    where value is not null
    group by group_key
),

built as (
    select
        group_key,
        by_value,
        {{ activity_schema.json_object({
            'group': 'group_key',
            'a.b': "'dotted'",
            "it's": "'quoted'",
            'count': 'value_count',
            'nothing': 'cast(null as ' ~ dbt.type_string() ~ ')',
        }) }} as members
    from aggregated
)

select
    group_key,
    case when {{ activity_schema.json_is_object('by_value') }} then true else false end as by_value_is_object,
    {{ activity_schema.json_extract_string('by_value', 'x') }} as by_value_x,
    {{ activity_schema.json_extract_string('by_value', 'p') }} as by_value_p,
    {{ activity_schema.json_extract_string('by_value', 'b') }} as by_value_b,
    {{ activity_schema.json_extract_string('by_value', 'B') }} as by_value_upper_b,
    {{ activity_schema.json_extract_string('by_value', 'é') }} as by_value_e_acute,
    case when {{ activity_schema.json_is_object('members') }} then true else false end as members_is_object,
    {{ activity_schema.json_extract_string('members', 'group') }} as members_group,
    {{ activity_schema.json_extract_string('members', 'a.b') }} as members_dotted,
    {{ activity_schema.json_extract_string('members', "it's") }} as members_quoted,
    {{ activity_schema.json_extract_string('members', 'count') }} as members_count,
    case when {{ activity_schema.regexp_full_match(activity_schema.json_to_string('members'), '^.*"nothing": ?null.*$') }} then true else false end as members_keeps_null
from built
