-- utc_timestamp of instants with a UTC offset (converted to UTC, whatever the session's
-- zone) and of text (cast, its wall clock kept); current_utc_timestamp against the UTC
-- time of the dbt process when it compiled this model (the build takes minutes, a zone's
-- offset is at least an hour off).
{%- set instants = {
    'india': '2024-03-10 12:00:00+05:30',
    'pacific': '2024-03-10 01:30:00-08:00',
    'utc': '2024-02-29 23:59:59.5+00:00',
} %}
{%- set compiled_at = modules.datetime.datetime.now(modules.pytz.utc).strftime('%Y-%m-%d %H:%M:%S') %}
{% for case_id, text in instants.items() %}
{%- set zoned = cross_db_zoned_timestamp(text) %}
select '{{ case_id }}' as case_id, {{ activity_schema.utc_timestamp(zoned.sql, zoned.data_type) }} as utc_ts
union all
{% endfor %}
select 'text' as case_id, {{ activity_schema.utc_timestamp("'2024-03-10 12:00:00'") }} as utc_ts
union all
select
    'current_within_an_hour' as case_id,
    case
        when {{ activity_schema.epoch_microseconds(activity_schema.current_utc_timestamp()) }}
            between {{ activity_schema.epoch_microseconds(activity_schema.utc_timestamp("'" ~ compiled_at ~ "'")) }} - 3600000000
            and {{ activity_schema.epoch_microseconds(activity_schema.utc_timestamp("'" ~ compiled_at ~ "'")) }} + 3600000000
        then cast('2000-01-01 00:00:00' as {{ activity_schema.type_timestamp() }})
    end as utc_ts
