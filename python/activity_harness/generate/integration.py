"""The integration project's generated seeds: the web product at a small scale, flattened
into one raw event table and one table of identify calls, plus the CRM identifier graphs.

Timestamps are cut to the minute, so ties between a person's events are common; devices
shared by a household, devices never identified and server-side purchases (no anonymous
id) come from the web simulation itself.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from . import crm_graphs, simulate, web
from .tables import Dataset, Stage, TableSpec, load_query, write

# About 25,000 events: enough for every hard case, small enough for the warehouse matrix.
SCALE = 1.0
# A test product: more returning visitors, sign-ups and shared devices than a real one,
# so that every hard case of identity stitching shows up many times in few events.
SHAPE = web.Shape(
    behaviour=replace(web.SHAPE.behaviour, one_visit_share=0.3, shared_device_share=0.3, max_visits=60),
    signup_one_visit=0.4, signup_returning=0.85, signup_shared_household=0.9,
)
TABLES = (
    TableSpec("generated_raw_events", order_by=("occurred_at", "event_id"), loaded_at="_loaded_at", publish_loaded_at=False),
    TableSpec("generated_identifies", order_by=("identified_at", "anonymous_id", "user_id"), loaded_at="_loaded_at", publish_loaded_at=False),
)
EVENT_COLUMNS = ("event_id", "occurred_at", "event_type", "user_id", "anonymous_id", "revenue", "page_url", "product_category", "referrer")
IDENTIFY_COLUMNS = ("anonymous_id", "user_id", "identified_at")


def derive(stage: Stage) -> None:
    """Every event carries the referrer of its visit, as web analytics tools attach it to
    each hit: page events their own session's, purchases and sign-ups the latest visit of
    their browser (server-side purchases have none). A visit that lands on a product page
    carries its category."""
    stage.derive("generated_raw_events", """
        select session_id as event_id, date_trunc('minute', started_at) as occurred_at, 'started_session' as event_type,
               user_id, anonymous_id, null::double as revenue, landing_page as page_url,
               nullif(regexp_extract(landing_page, '/products/([a-z]+)/', 1), '') as product_category, referrer, _loaded_at
        from stage_sessions
        union all
        select events.event_id, date_trunc('minute', events.occurred_at),
               case events.event_type when 'add_to_cart' then 'added_to_cart' else 'viewed_page' end,
               events.user_id, events.anonymous_id, null, events.page_url, events.product_category, sessions.referrer, events._loaded_at
        from stage_web_events as events join stage_sessions as sessions using (session_id)
        union all
        select orders.order_id, date_trunc('minute', orders.ordered_at), 'made_purchase', orders.user_id, orders.anonymous_id,
               orders.amount, null, orders.product_category, sessions.referrer, orders._loaded_at
        from stage_orders as orders
        asof left join stage_sessions as sessions
            on sessions.anonymous_id = orders.anonymous_id and sessions.started_at <= orders.ordered_at
        union all
        select 'sgn_' || substr(signups.user_id, 5), date_trunc('minute', signups.signed_up_at), 'signed_up', signups.user_id,
               signups.anonymous_id, null, null, null, sessions.referrer, signups._loaded_at
        from stage_signups as signups
        asof left join stage_sessions as sessions
            on sessions.anonymous_id = signups.anonymous_id and sessions.started_at <= signups.signed_up_at
    """)
    stage.derive("generated_identifies", """
        select anonymous_id, user_id, date_trunc('minute', signed_up_at) as identified_at, _loaded_at from stage_signups
        union all
        select anonymous_id, user_id, date_trunc('minute', logged_in_at), _loaded_at from stage_logins
    """)


DATASET = Dataset(
    name="integration",
    description="the integration project's generated seeds: the web product flattened, timestamps cut to the minute",
    tables=TABLES,
    simulate=partial(web.simulate, shape=SHAPE),
    people_per_scale=web.VISITORS_PER_SCALE,
    derive=derive,
    activity_tables=("generated_raw_events",),
)


@dataclass(frozen=True)
class GeneratedData:
    """The seeds' rows as Python values, for tests that recompute results from the data."""

    events: list[dict[str, object]]
    identifies: list[dict[str, object]]


def write_seeds(seed: int, directory: Path) -> GeneratedData:
    """Write every generated seed of the integration project. Files are written aside and
    moved into place, so a concurrent run never reads half a file."""
    stage = simulate(DATASET, seed, SCALE, batch=0)
    partial = directory / f".partial-{os.getpid()}"
    write(stage, TABLES, partial, "csv", 0, "first", DATASET.name, {"dataset": DATASET.name, "seed": seed, "scale": SCALE})
    crm_graphs.write_seeds(seed, partial)
    for path in sorted(partial.glob("*.csv")):
        path.replace(directory / path.name)
    shutil.rmtree(partial)
    return GeneratedData(events=_rows(stage, TABLES[0], EVENT_COLUMNS), identifies=_rows(stage, TABLES[1], IDENTIFY_COLUMNS))


def _rows(stage: Stage, spec: TableSpec, columns: tuple[str, ...]) -> list[dict[str, object]]:
    cursor = stage.connection.execute(load_query(spec, 0))
    names = [d[0] for d in cursor.description]
    assert tuple(names) == columns, names
    return [dict(zip(names, row)) for row in cursor.fetchall()]
