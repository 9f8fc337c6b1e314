"""Hand-computed cases for per-period datasets (a time spine per person)."""

from datetime import datetime, timedelta, timezone

import pytest

from activity_harness.reference import periods, temporal
from activity_harness.reference.temporal import Activity


def row(
    activity_id: str, ts: datetime, activity: str, customer: str | None, anon: str | None = None
) -> Activity:
    return Activity(activity_id, ts, activity, customer, anon)


@pytest.mark.parametrize(
    ("interval", "start", "next_start"),
    [
        ("day", datetime(2024, 5, 15), datetime(2024, 5, 16)),
        # 2024-05-15 is a Wednesday; its week starts on Monday the 13th.
        ("week", datetime(2024, 5, 13), datetime(2024, 5, 20)),
        ("month", datetime(2024, 5, 1), datetime(2024, 6, 1)),
        ("quarter", datetime(2024, 4, 1), datetime(2024, 7, 1)),
        ("year", datetime(2024, 1, 1), datetime(2025, 1, 1)),
    ],
)
def test_period_of_a_timestamp(interval: str, start: datetime, next_start: datetime) -> None:
    assert periods.period_start(datetime(2024, 5, 15, 13, 45), interval) == start
    assert periods.next_period_start(start, interval) == next_start


@pytest.mark.parametrize(
    ("ts", "interval", "start", "next_start"),
    [
        # Sunday belongs to the week of the Monday before; Monday midnight starts a week.
        (datetime(2024, 5, 19, 23, 59), "week", datetime(2024, 5, 13), datetime(2024, 5, 20)),
        (datetime(2024, 5, 20), "week", datetime(2024, 5, 20), datetime(2024, 5, 27)),
        # Weeks and periods cross the year end.
        (datetime(2025, 1, 1), "week", datetime(2024, 12, 30), datetime(2025, 1, 6)),
        (datetime(2024, 12, 10), "month", datetime(2024, 12, 1), datetime(2025, 1, 1)),
        (datetime(2024, 11, 30), "quarter", datetime(2024, 10, 1), datetime(2025, 1, 1)),
    ],
)
def test_period_edges(ts: datetime, interval: str, start: datetime, next_start: datetime) -> None:
    assert periods.period_start(ts, interval) == start
    assert periods.next_period_start(start, interval) == next_start


# c1 signs up in January, orders on Jan 31 23:59 and at exactly Feb 1 00:00, then churns.
# Anonymous a2 signs up in March and orders then. c9 orders without ever signing up.
# The stream's latest row, in May, belongs to no person.
SPINE = [
    row("s1", datetime(2024, 1, 15, 10), "signup", "c1"),
    row("o1", datetime(2024, 1, 31, 23, 59), "order", "c1"),
    row("o2", datetime(2024, 2, 1), "order", "c1"),
    row("s2", datetime(2024, 3, 10), "signup", None, "a2"),
    row("o3", datetime(2024, 3, 20), "order", None, "a2"),
    row("o4", datetime(2024, 4, 1), "order", "c9"),
    row("n1", datetime(2024, 5, 2), "page_view", "", " "),
]
ORDER_JOINS = [
    {"name": "orders", "target_activity": "order", "join_type": "aggregate_in_between"},
    {"name": "earlier", "target_activity": "order", "join_type": "aggregate_before"},
    {"name": "later", "target_activity": "order", "join_type": "aggregate_after"},
    {
        "name": "first",
        "target_activity": "order",
        "join_type": "first_in_between",
        "columns": ["activity_id"],
    },
]


def spine(end: str, **options: object) -> dict[tuple[object, ...], tuple[object, ...]]:
    """Monthly rows keyed (customer, anonymous id, start), valued (end, joins...)."""
    rows = temporal.period_dataset(SPINE, "signup", "month", end, ORDER_JOINS, **options)  # type: ignore[arg-type]
    return {
        (r["customer"], r["anonymous_customer_id"], r["period_start"].month): (  # type: ignore[attr-defined]
            r["period_end"].month,  # type: ignore[attr-defined]
            r["orders_count"],
            r["earlier_count"],
            r["later_count"],
            r["first_activity_id"],
        )
        for r in rows
    }


def test_end_max_gives_churned_people_their_empty_periods() -> None:
    # Every person runs to May, the month of the stream's latest row (which has no person).
    # o2 at exactly Feb 1 00:00 is in February, and after January, not before February.
    assert spine("max") == {
        (None, "a2", 3): (4, 1, 0, 0, "o3"),
        (None, "a2", 4): (5, 0, 1, 0, None),
        (None, "a2", 5): (6, 0, 1, 0, None),
        ("c1", None, 1): (2, 1, 0, 1, "o1"),
        ("c1", None, 2): (3, 1, 1, 0, "o2"),
        ("c1", None, 3): (4, 0, 2, 0, None),
        ("c1", None, 4): (5, 0, 2, 0, None),
        ("c1", None, 5): (6, 0, 2, 0, None),
    }


def test_end_entity_max_stops_at_the_persons_last_entity_row() -> None:
    assert spine("entity_max") == {
        (None, "a2", 3): (4, 1, 0, 0, "o3"),
        ("c1", None, 1): (2, 1, 0, 1, "o1"),
    }


@pytest.mark.parametrize(
    ("now", "last_month"),
    [
        (datetime(2024, 6, 5), 6),
        # 23:30 at UTC-2 on June 30 is already July 1 in UTC.
        (datetime(2024, 6, 30, 23, 30, tzinfo=timezone(timedelta(hours=-2))), 7),
    ],
)
def test_end_current_runs_to_now(now: datetime, last_month: int) -> None:
    keys = spine("current", now=now)
    assert sorted(month for customer, _, month in keys if customer == "c1") == list(
        range(1, last_month + 1)
    )
    assert sorted(month for _, anon, month in keys if anon == "a2") == list(
        range(3, last_month + 1)
    )


def test_no_rows_for_a_person_whose_first_period_is_after_the_last() -> None:
    # Now is in February: a2, who signs up in March, gets no row.
    assert set(spine("current", now=datetime(2024, 2, 10))) == {
        ("c1", None, 1),
        ("c1", None, 2),
    }


def test_output_columns_and_period_bounds() -> None:
    rows = temporal.period_dataset(SPINE, "signup", "month", "entity_max", ORDER_JOINS[:1])
    assert rows[1] == {
        "customer": "c1",
        "anonymous_customer_id": None,
        "period_start": datetime(2024, 1, 1),
        "period_end": datetime(2024, 2, 1),
        "orders_count": 1,
    }


def test_weekly_spine_starts_on_monday() -> None:
    # Signup on Sunday May 19; an order at exactly Monday May 20 00:00; a second signup on May 21.
    stream = [
        row("s1", datetime(2024, 5, 19, 12), "signup", "c1"),
        row("o1", datetime(2024, 5, 20), "order", "c1"),
        row("s2", datetime(2024, 5, 21), "signup", "c1"),
    ]
    rows = temporal.period_dataset(stream, "signup", "week", "entity_max", ORDER_JOINS[:2])
    assert [(r["period_start"], r["orders_count"], r["earlier_count"]) for r in rows] == [
        (datetime(2024, 5, 13), 0, 0),
        (datetime(2024, 5, 20), 1, 0),
    ]


@pytest.mark.parametrize(
    ("interval", "starts"),
    [
        ("quarter", [datetime(2023, 10, 1), datetime(2024, 1, 1)]),
        ("year", [datetime(2023, 1, 1), datetime(2024, 1, 1)]),
        ("day", [datetime(2023, 12, 31), datetime(2024, 1, 1)]),
    ],
)
def test_quarter_year_and_day_spines(interval: str, starts: list[datetime]) -> None:
    stream = [
        row("s1", datetime(2023, 12, 31, 22), "signup", "c1"),
        row("v1", datetime(2024, 1, 1, 9), "visit", "c1"),
    ]
    rows = temporal.period_dataset(stream, ["signup", "visit"], interval, "entity_max", [])
    assert [r["period_start"] for r in rows] == starts


def test_period_joins_take_where_nth_and_aggregations() -> None:
    stream = [
        row("s1", datetime(2024, 1, 1), "signup", "c1"),
        Activity("o1", datetime(2024, 1, 2), "order", "c1", None, 5.0),
        Activity("o2", datetime(2024, 1, 3), "order", "c1", None, 7.0),
        Activity("o3", datetime(2024, 1, 3, 12), "order", "c1", None, 1.0),
    ]
    joins = [
        {
            "name": "big",
            "target_activity": "order",
            "join_type": "aggregate_in_between",
            "aggregation": "sum",
            "columns": ["revenue_impact"],
            "zero_fill": True,
            "where": [{"column": "revenue_impact", "op": ">", "value": 2}],
        },
        {
            "name": "second",
            "target_activity": "order",
            "join_type": "nth_ever",
            "nth": 2,
            "columns": ["activity_id"],
        },
        {
            "name": "last",
            "target_activity": "order",
            "join_type": "nth_before",
            "nth": 1,
            "nth_from_last": True,
            "columns": ["activity_id"],
        },
    ]
    rows = temporal.period_dataset(stream, "signup", "day", "max", joins)
    # Days Jan 1..3: big orders (> 2) o1 on the 2nd and o2 on the 3rd; the latest order before
    # each day's start: none, none, o1.
    assert [
        (r["big_sum_revenue_impact"], r["second_activity_id"], r["last_activity_id"]) for r in rows
    ] == [(0.0, "o2", None), (5.0, "o2", None), (7.0, "o2", "o1")]


@pytest.mark.parametrize(
    ("arguments", "argument"),
    [
        ({"interval": "fortnight"}, "interval"),
        ({"end": "latest"}, "end"),
        ({"entity_activity": []}, "entity_activity"),
        ({"join": {"match": ["product"]}}, "match"),
        ({"join": {"within": {"days": 1}}}, "within"),
        ({"join": {"at_least": {"days": 1}}}, "at_least"),
        (
            {"join": {"name": "period", "columns": ["start"], "join_type": "first_after"}},
            "collides",
        ),
        ({"join": {"name": None}}, "name"),
    ],
)
def test_invalid_period_arguments_raise(arguments: dict[str, object], argument: str) -> None:
    join = {"name": "orders", "target_activity": "order", "join_type": "aggregate_in_between"}
    join |= arguments.pop("join", {})  # type: ignore[arg-type]
    call = {"entity_activity": "signup", "interval": "month", "end": "max"} | arguments
    with pytest.raises(ValueError, match=argument):
        temporal.period_dataset(SPINE, join_configs=[join], **call)  # type: ignore[arg-type]
