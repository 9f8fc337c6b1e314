-- SBDK's activity stream: one row per account, event, session and order.
select * from {{ ref('stream_users') }}
union all
select * from {{ ref('stream_events') }}
union all
select * from {{ ref('stream_sessions') }}
union all
select * from {{ ref('stream_orders') }}
