-- Text primitives over cross_db_text_input. The seed writes each text in brackets, as seed
-- loaders read an empty or blank cell as null; the brackets come off here and go back on
-- the text results, so that empty, blank and tab-only texts survive both seeds.
with input as (
    select
        case_id,
        {{ unbracketed('value') }} as value,
        {{ unbracketed('other') }} as other
    from {{ ref('cross_db_text_input') }}
)

select
    case_id,
    case when {{ activity_schema.id_present('value') }} then true else false end as id_present,
    '[' || {{ activity_schema.nullif_blank('value') }} || ']' as nullif_blank,
    {{ activity_schema.hash('value') }} as md5_hex,
    {{ activity_schema.sha256('value') }} as sha256_hex,
    {{ activity_schema.surrogate_key(['value', 'other']) }} as surrogate_key,
    case when {{ activity_schema.regexp_full_match('value', '^[a-z]+$') }} then true else false end as is_lower_word,
    '[' || {{ activity_schema.regexp_replace('value', '[.|]', '_') }} || ']' as dots_and_pipes_replaced,
    '[' || {{ activity_schema.trim_spaces('value') }} || ']' as trim_spaces
from input
