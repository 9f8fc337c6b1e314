-- One row per event, with the versions of the viewer and the post that were current when
-- it happened. Incremental on the load time, not the event time: a late event (one that
-- happened before the last build but arrived after it) is picked up by the next build.
-- Rows at the last build's load time are read again; the upsert on event_id keeps one.
{{ config(materialized='incremental', unique_key='event_id', incremental_strategy='delete+insert') }}

with new_events as (
    select * from {{ ref('stg_events') }}
    {% if is_incremental() %}
    where loaded_at >= (select max(loaded_at) from {{ this }})
    {% endif %}
)

select
    new_events.event_id,
    new_events.event_type,
    new_events.occurred_at,
    cast(new_events.occurred_at as date) as activity_date,
    new_events.session_id,
    new_events.viewer_id,
    viewers.user_version_id as viewer_version_id,
    new_events.post_id,
    posts.post_version_id,
    posts.creator_id,
    new_events.loaded_at
from new_events
left join {{ ref('dim_users') }} as viewers
    on viewers.user_id = new_events.viewer_id
   and new_events.occurred_at >= viewers.valid_from
   and (new_events.occurred_at < viewers.valid_to or viewers.valid_to is null)
left join {{ ref('dim_posts') }} as posts
    on posts.post_id = new_events.post_id
   and new_events.occurred_at >= posts.valid_from
   and (new_events.occurred_at < posts.valid_to or posts.valid_to is null)
