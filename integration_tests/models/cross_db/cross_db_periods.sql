-- period_start, add_periods (n from a column, negative too) and periods_between (from the
-- period of ts to the period of other_ts) for every interval, over cross_db_time_input:
-- a leap day, a month's last microsecond, a Sunday (weeks start on Monday), a time before
-- 1970 with a fraction of a second, and a year's last hour.
{% for interval in ['day', 'week', 'month', 'quarter', 'year'] %}
select
    case_id,
    '{{ interval }}' as period,
    {{ activity_schema.period_start('ts', interval) }} as period_start,
    {{ activity_schema.add_periods('ts', 'n', interval) }} as moved,
    {{ activity_schema.periods_between(activity_schema.period_start('ts', interval), activity_schema.period_start('other_ts', interval), interval) }} as periods_between
from {{ ref('cross_db_time_input') }}
{% if not loop.last %}union all{% endif %}
{% endfor %}
