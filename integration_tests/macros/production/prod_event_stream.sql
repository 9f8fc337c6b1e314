{#- The production feature's events as an incremental stream, with or without identity
    stitching: the two streams differ in that alone. -#}
{% macro prod_event_stream(stitch_identity) %}
{{ config(**activity_schema.stream_table_config(incremental=true)) }}
{{ activity_schema.build_activity(
    source=ref('prod_events_source'),
    activity_column='event_type',
    source_key=['event_id'],
    ts='occurred_at',
    customer='user_id',
    anonymous_customer_id='anonymous_id',
    features=['event_id', 'email'],
    revenue_impact='revenue',
    link='page_url',
    stitch_identity=stitch_identity,
) }}
{% endmacro %}
