{{ config(
    materialized='incremental',
    unique_key='customer_id',
    incremental_strategy=activity_schema.upsert_incremental_strategy(),
    enabled=activity_schema._context_cache_enabled(),
) }}
{#- Each customer's atoms as one JSON object {metric: {subject: value}}. A run writes only
    the customers whose context changed (by context_hash, a fingerprint of their atoms'
    metrics, subjects and values; a value fingerprints as dbt's numeric type, so that
    every warehouse writes it as the same text): their version rises by one and updated_at moves;
    unchanged customers keep both. A customer whose atoms are all gone gets the empty
    object, once. -#}
{%- set subject_key = "coalesce(subject, '')" -%}
with atoms as (
    select customer_id, metric, {{ subject_key }} as subject, value
    from {{ ref('insight_atoms') }}
    where customer_id is not null
),

per_metric as (
    select
        customer_id,
        metric,
        {{ activity_schema.json_object_agg('subject', activity_schema.to_json_value('value')) }} as subjects,
        {{ activity_schema.string_agg(activity_schema.surrogate_key(['metric', 'subject', 'cast(value as ' ~ dbt.type_numeric() ~ ')']), ',', ['subject']) }} as fingerprint
    from atoms
    group by customer_id, metric
),

contexts as (
    select
        customer_id,
        {{ activity_schema.json_object_agg('metric', 'subjects') }} as context,
        {{ activity_schema.hash(activity_schema.string_agg('fingerprint', ',', ['metric'])) }} as context_hash
    from per_metric
    group by customer_id
)

{%- if is_incremental() %}
{%- set empty_hash = activity_schema.hash("''") %}

select
    coalesce(contexts.customer_id, previous.customer_id) as customer_id,
    coalesce(contexts.context, {{ activity_schema.json_from_string("'{}'") }}) as context,
    {{ activity_schema.current_utc_timestamp() }} as updated_at,
    coalesce(previous.version, 0) + 1 as version,
    coalesce(contexts.context_hash, {{ empty_hash }}) as context_hash
from contexts
full outer join {{ this }} as previous
  on previous.customer_id = contexts.customer_id
where previous.customer_id is null
   or coalesce(contexts.context_hash, {{ empty_hash }}) <> previous.context_hash
{%- else %}

select
    customer_id,
    context,
    {{ activity_schema.current_utc_timestamp() }} as updated_at,
    cast(1 as {{ dbt.type_bigint() }}) as version,
    context_hash
from contexts
{%- endif %}
