"""Small builders for hand-written activity streams (timestamps are minutes after T0)."""

from collections.abc import Mapping
from datetime import datetime, timedelta

from activity_harness.reference.temporal import Activity

T0 = datetime(2024, 1, 1)


def at(minute: int) -> datetime:
    """Timestamp `minute` minutes after T0."""
    return T0 + timedelta(minutes=minute)


def act(
    activity_id: str,
    minute: int,
    activity: str,
    customer: str | None = "c1",
    anon: str | None = None,
    revenue: float | None = None,
    link: str | None = None,
    features: Mapping[str, object] | None = None,
) -> Activity:
    """A stream row; customer defaults to c1."""
    return Activity(activity_id, at(minute), activity, customer, anon, revenue, link, features)


def column(rows: list[dict[str, object]], name: str) -> list[object]:
    """One output column, in output order."""
    return [r[name] for r in rows]
