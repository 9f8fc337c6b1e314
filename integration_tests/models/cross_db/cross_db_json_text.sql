-- json_text_is_object over cross_db_json_text_input: objects (empty, nested, with a brace
-- inside a string) against arrays, scalars, unclosed and non-JSON text, never an error.
select
    case_id,
    case when {{ activity_schema.json_text_is_object('json_text') }} then true else false end as spells_object
from {{ ref('cross_db_json_text_input') }}
