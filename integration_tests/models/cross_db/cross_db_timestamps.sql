-- epoch_microseconds (exact to the microsecond, negative before 1970) and
-- sortable_timestamp_text (fixed width, microseconds always written) over cross_db_time_input.
select
    case_id,
    {{ activity_schema.epoch_microseconds('ts') }} as epoch_microseconds,
    {{ activity_schema.sortable_timestamp_text('ts') }} as sortable_text
from {{ ref('cross_db_time_input') }}
