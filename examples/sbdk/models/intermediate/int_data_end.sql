-- The end of the data: "days since" metrics count up to it instead of current_date, so
-- the same data always gives the same marts.
select
    max(event_timestamp) as as_of,
    cast(max(event_timestamp) as date) as as_of_date
from {{ ref('stg_events') }}
