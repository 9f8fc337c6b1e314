-- JSON parsed from cross_db_json_input, then read: json_is_object, and json_extract_string
-- for keys that each warehouse's path syntax treats specially (a dot, a space, quotes, a
-- backslash, JSON-pointer and JSONPath characters), scalars, a JSON null and an absent
-- key. The last column reads a key back after json_to_string and json_from_string.
{%- set keys = {
    'plain': 'plain',
    'dotted': 'a.b',
    'spaced': 'with space',
    'single_quoted': "it's",
    'double_quoted': 'say "hi"',
    'backslashed': 'back\\slash',
    'pointer': 'a/b~c',
    'path_syntax': '$[0]',
    'number': 'number',
    'flag': 'flag',
    'json_null': 'nothing',
    'text': 'text',
    'missing': 'missing',
} %}
with parsed as (
    select case_id, {{ activity_schema.json_from_string('json_text') }} as doc
    from {{ ref('cross_db_json_input') }}
)

select
    case_id,
    case when {{ activity_schema.json_is_object('doc') }} then true else false end as is_object,
    {%- for column, key in keys.items() %}
    {{ activity_schema.json_extract_string('doc', key) }} as {{ column }},
    {%- endfor %}
    {{ activity_schema.json_extract_string(activity_schema.json_from_string(activity_schema.json_to_string('doc')), 'text') }} as text_round_trip
from parsed
