"""The SBDK.dev demo's raw layer (raw_users, raw_events, raw_orders): the web product's
signed-up users seen by a system that only knows them, with integer ids.

Events are the users' sign-ups, logged-in page views, logins and purchases; anonymous
browsing never reaches this system. Ids are numbered in time order, so loading more weeks
keeps every id already given.
"""

from __future__ import annotations

from . import web
from .tables import Dataset, Stage, TableSpec

TABLES = (
    TableSpec("raw_users", order_by=("user_id",), loaded_at="_loaded_at"),
    TableSpec("raw_events", order_by=("event_id",), loaded_at="_loaded_at"),
    TableSpec("raw_orders", order_by=("order_id",), loaded_at="_loaded_at"),
)

USER_IDS = """
    select user_id as web_user_id, row_number() over (order by signed_up_at, user_id) as user_id
    from stage_signups
"""


def derive(stage: Stage) -> None:
    stage.derive("raw_users", f"""
        with first_device_session as (
            select anonymous_id, arg_min(coalesce(referrer, 'direct'), (started_at, session_id)) as referrer
            from stage_sessions group by anonymous_id
        )
        select ids.user_id, signups.signed_up_at as created_at, signups.country,
               first_device_session.referrer, signups.email, signups._loaded_at
        from stage_signups as signups
        join ({USER_IDS}) as ids on ids.web_user_id = signups.user_id
        left join first_device_session using (anonymous_id)
    """)
    stage.derive("raw_events", f"""
        with events as (
            select user_id, 'signup' as event_type, signed_up_at as ts, null as utm_source, user_id as source_id, _loaded_at from stage_signups
            union all
            select events.user_id, 'pageview', events.occurred_at, sessions.utm_source, events.event_id, events._loaded_at
            from stage_web_events as events join stage_sessions as sessions using (session_id)
            where events.user_id is not null and events.event_type <> 'add_to_cart'
            union all
            select user_id, 'login', logged_in_at, null, login_id, _loaded_at from stage_logins
            union all
            select user_id, 'purchase', ordered_at, null, order_id, _loaded_at from stage_orders
        )
        select row_number() over (order by events.ts, events.event_type, events.source_id) as event_id,
               ids.user_id, events.event_type, events.ts as "timestamp", events.utm_source, events._loaded_at
        from events join ({USER_IDS}) as ids on ids.web_user_id = events.user_id
    """)
    stage.derive("raw_orders", f"""
        select row_number() over (order by orders.ordered_at, orders.order_id) as order_id, ids.user_id,
               orders.amount, orders.product_category, orders.payment_method, orders.ordered_at as created_at, orders._loaded_at
        from stage_orders as orders join ({USER_IDS}) as ids on ids.web_user_id = orders.user_id
    """)


DATASET = Dataset(
    name="sbdk",
    description="SBDK.dev's raw users, events and orders: the web product's signed-up users",
    tables=TABLES,
    simulate=web.simulate,
    people_per_scale=web.VISITORS_PER_SCALE,
    derive=derive,
    activity_tables=("raw_users", "raw_events", "raw_orders"),
)
