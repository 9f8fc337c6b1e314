"""Hand-computed cases for the temporal join oracle."""

from collections.abc import Sequence

import pytest
from activity_rows import act, at, column

from activity_harness.reference import temporal
from activity_harness.reference.temporal import Activity


def visit_join(
    stream: Sequence[Activity],
    target_activity: str,
    join_type: str,
    cohort_filter: str | int = "all",
    columns: Sequence[str] | None = None,
    aggregation: str = "count",
) -> list[dict[str, object]]:
    """temporal_join with 'visit' as the cohort activity."""
    return temporal.temporal_join(
        stream, "visit", target_activity, join_type, cohort_filter, columns, aggregation
    )


# visits v1@10, v2@20; orders o1@10, o2@15, o3@20, o4@20, o5@30 (o3/o4 tie on ts).
VISITS_AND_ORDERS = [
    act("v2", 20, "visit"),
    act("o4", 20, "order"),
    act("o5", 30, "order"),
    act("v1", 10, "visit"),
    act("o1", 10, "order"),
    act("o3", 20, "order"),
    act("o2", 15, "order"),
]


@pytest.mark.parametrize(
    ("join_type", "expected_ids"),
    [
        ("first_ever", ["o1", "o1"]),
        ("last_ever", ["o5", "o5"]),
        ("first_before", [None, "o1"]),
        ("last_before", [None, "o2"]),
        ("first_after", ["o2", "o5"]),
        ("last_after", ["o5", "o5"]),
        ("first_in_between", ["o2", "o5"]),
        ("last_in_between", ["o4", "o5"]),
    ],
)
def test_first_and_last_pick_by_ts_then_activity_id(
    join_type: str, expected_ids: list[str | None]
) -> None:
    rows = visit_join(VISITS_AND_ORDERS, "order", join_type, columns=["activity_id"])
    assert column(rows, "activity_id") == ["v1", "v2"]
    assert column(rows, f"{join_type}_order_activity_id") == expected_ids


@pytest.mark.parametrize(
    ("join_type", "expected_counts"),
    [
        ("aggregate_all_ever", [5, 5]),
        ("aggregate_before", [0, 2]),
        ("aggregate_after", [4, 1]),
        ("aggregate_in_between", [3, 1]),
    ],
)
def test_counts_use_strict_inequalities_at_tied_ts(
    join_type: str, expected_counts: list[int]
) -> None:
    rows = visit_join(VISITS_AND_ORDERS, "order", join_type)
    assert column(rows, f"{join_type}_order_count") == expected_counts


def test_default_column_is_ts() -> None:
    rows = visit_join(VISITS_AND_ORDERS, "order", "first_after")
    assert column(rows, "first_after_order_ts") == [at(15), at(30)]


def test_first_among_equal_ts_is_smallest_activity_id() -> None:
    stream = [act("v", 5, "visit"), act("o_b", 10, "order"), act("o_a", 10, "order")]
    first = visit_join(stream, "order", "first_after", columns=["activity_id"])
    last = visit_join(stream, "order", "last_after", columns=["activity_id"])
    assert first[0]["first_after_order_activity_id"] == "o_a"
    assert last[0]["last_after_order_activity_id"] == "o_b"


# visits v1@10, v2@20, v3@20, v4@30: v2 and v3 tie on ts.
VISITS_ONLY = [
    act("v4", 30, "visit"),
    act("v3", 20, "visit"),
    act("v1", 10, "visit"),
    act("v2", 20, "visit"),
]


@pytest.mark.parametrize(
    ("join_type", "expected_counts"),
    [
        ("aggregate_all_ever", [4, 4, 4, 4]),
        ("aggregate_before", [0, 1, 1, 3]),
        ("aggregate_after", [3, 1, 1, 0]),
        ("aggregate_in_between", [2, 0, 1, 0]),
    ],
)
def test_target_equal_to_cohort_never_matches_itself(
    join_type: str, expected_counts: list[int]
) -> None:
    rows = visit_join(VISITS_ONLY, "visit", join_type)
    assert column(rows, "activity_id") == ["v1", "v2", "v3", "v4"]
    assert column(rows, f"{join_type}_visit_count") == expected_counts


def test_ever_includes_the_cohort_row_itself() -> None:
    rows = visit_join(VISITS_ONLY, "visit", "first_ever", columns=["activity_id"])
    assert column(rows, "first_ever_visit_activity_id") == ["v1", "v1", "v1", "v1"]


def test_in_between_is_empty_when_next_cohort_has_same_ts() -> None:
    rows = visit_join(VISITS_ONLY, "visit", "last_in_between", columns=["activity_id"])
    assert column(rows, "last_in_between_visit_activity_id") == ["v3", None, "v4", None]


def test_output_row_carries_cohort_fields_but_not_feature_json() -> None:
    stream = [
        act("v1", 10, "visit", anon="a9", revenue=1.5, link="https://x", features={"k": 1}),
        act("o1", 20, "order"),
    ]
    assert visit_join(stream, "order", "first_after") == [
        {
            "activity_id": "v1",
            "ts": at(10),
            "activity": "visit",
            "customer": "c1",
            "anonymous_customer_id": "a9",
            "revenue_impact": 1.5,
            "link": "https://x",
            "first_after_order_ts": at(20),
        }
    ]


def test_keys_anonymous_only_and_fully_null_rows() -> None:
    stream = [
        act("y1", 5, "visit", customer="c1", anon="a1"),
        act("x3", 15, "order", customer="c1", anon="a1"),
        act("x1", 10, "visit", customer=None, anon="a1"),
        act("x2", 20, "order", customer=None, anon="a1"),
        # Rows without any key: not cohorts, not targets, not an in-between bound.
        act("n1", 12, "visit", customer=None, anon=None),
        act("n2", 13, "order", customer=None, anon=None),
    ]
    rows = visit_join(stream, "order", "aggregate_in_between")
    assert [(r["activity_id"], r["customer"], r["anonymous_customer_id"]) for r in rows] == [
        ("x1", None, "a1"),
        ("y1", "c1", "a1"),
    ]
    assert column(rows, "aggregate_in_between_order_count") == [1, 1]
    firsts = visit_join(stream, "order", "first_after", columns=["activity_id"])
    assert column(firsts, "first_after_order_activity_id") == ["x2", "x3"]


def test_output_ordered_by_key_then_ts_then_activity_id() -> None:
    stream = [
        act("b1", 1, "visit", customer="kb"),
        act("v2", 10, "visit", customer="ka"),
        act("v1", 10, "visit", customer="ka"),
        act("v0", 20, "visit", customer="ka"),
    ]
    rows = visit_join(stream, "visit", "aggregate_before")
    assert column(rows, "activity_id") == ["v1", "v2", "v0", "b1"]
    first = visit_join(stream, "visit", "aggregate_before", cohort_filter="first")
    assert column(first, "activity_id") == ["v1", "b1"]


def test_cohort_without_targets() -> None:
    stream = [act("v1", 10, "visit")]
    (first,) = visit_join(stream, "order", "first_ever")
    assert first["first_ever_order_ts"] is None
    (counted,) = visit_join(stream, "order", "aggregate_all_ever")
    assert counted["aggregate_all_ever_order_count"] == 0
    expected = {"count_distinct": 0, "sum": None, "avg": None, "min": None, "max": None}
    for aggregation, value in expected.items():
        (row,) = visit_join(
            stream,
            "order",
            "aggregate_after",
            columns=["revenue_impact", "amount"],
            aggregation=aggregation,
        )
        assert row[f"aggregate_after_order_{aggregation}_revenue_impact"] == value
        assert row[f"aggregate_after_order_{aggregation}_amount"] == value


# c1 visits v1@10, v2@20, v3@30 with orders o1@15, o2@25; c2 has one visit w1@5.
FILTER_STREAM = [
    act("v1", 10, "visit"),
    act("v2", 20, "visit"),
    act("v3", 30, "visit"),
    act("o1", 15, "order"),
    act("o2", 25, "order"),
    act("w1", 5, "visit", customer="c2"),
]


@pytest.mark.parametrize(
    ("cohort_filter", "expected_ids"),
    [
        ("all", ["v1", "v2", "v3", "w1"]),
        ("first", ["v1", "w1"]),
        ("last", ["v3", "w1"]),
        (2, ["v2"]),
        (1, ["v1", "w1"]),
        (5, []),
    ],
)
def test_cohort_filter(cohort_filter: str | int, expected_ids: list[str]) -> None:
    rows = visit_join(FILTER_STREAM, "order", "aggregate_after", cohort_filter)
    assert column(rows, "activity_id") == expected_ids


def test_in_between_bound_ignores_cohort_filter() -> None:
    for cohort_filter in ("first", 1):
        rows = visit_join(FILTER_STREAM, "order", "aggregate_in_between", cohort_filter)
        assert column(rows, "aggregate_in_between_order_count") == [1, 0]
    last = visit_join(FILTER_STREAM, "order", "aggregate_in_between", "last")
    assert column(last, "aggregate_in_between_order_count") == [0, 0]


@pytest.mark.parametrize("cohort_filter", [0, -1, "middle", True, 1.0])
def test_invalid_cohort_filter_raises(cohort_filter: object) -> None:
    with pytest.raises(ValueError, match="cohort_filter"):
        visit_join(FILTER_STREAM, "order", "first_ever", cohort_filter)  # type: ignore[arg-type]


def test_invalid_join_type_and_aggregation_raise() -> None:
    with pytest.raises(ValueError, match="join_type"):
        visit_join(FILTER_STREAM, "order", "first_during")
    with pytest.raises(ValueError, match="aggregation"):
        visit_join(FILTER_STREAM, "order", "aggregate_after", columns=["ts"], aggregation="median")
    for columns in (None, []):
        with pytest.raises(ValueError, match="columns"):
            visit_join(
                FILTER_STREAM, "order", "aggregate_after", columns=columns, aggregation="sum"
            )


def test_feature_values_are_strings() -> None:
    features = {
        "plan": "pro",
        "paid": True,
        "trial": False,
        "qty": 3,
        "price": 3.0,
        "rate": 2.5,
        "gone": None,
    }
    stream = [
        act("v1", 10, "visit"),
        act("o1", 20, "order", revenue=9.5, link="L", features=features),
    ]
    expected = {
        "activity_id": "o1",
        "revenue_impact": 9.5,
        "link": "L",
        "plan": "pro",
        "paid": "true",
        "trial": "false",
        "qty": "3",
        "price": "3.0",
        "rate": "2.5",
        "gone": None,
        "absent": None,
    }
    (row,) = visit_join(stream, "order", "last_after", columns=list(expected))
    assert {name: row[f"last_after_order_{name}"] for name in expected} == expected


def test_feature_text_conversion() -> None:
    values = (None, True, False, 7, 3.0, 0.5, "x")
    expected = [None, "true", "false", "7", "3.0", "0.5", "x"]
    assert [temporal.feature_text(value) for value in values] == expected


# c1 visit v1@0 with orders: revenue 10, None, 30, 10; feature amount 1, 2.5, missing, 1.
AGG_STREAM = [
    act("v1", 0, "visit"),
    act("o1", 10, "order", revenue=10.0, features={"amount": 1}),
    act("o2", 20, "order", revenue=None, features={"amount": 2.5}),
    act("o3", 30, "order", revenue=30.0, features={}),
    act("o4", 40, "order", revenue=10.0, features={"amount": 1}),
]


@pytest.mark.parametrize(
    ("aggregation", "revenue", "amount", "ts"),
    [
        ("count_distinct", 2, 2, 4),
        ("sum", 50.0, 4.5, None),
        ("avg", 50.0 / 3, 1.5, None),
        ("min", 10.0, 1.0, at(10)),
        ("max", 30.0, 2.5, at(40)),
    ],
)
def test_aggregations_ignore_none(
    aggregation: str, revenue: object, amount: object, ts: object
) -> None:
    columns = ["revenue_impact", "amount"] + (["ts"] if ts is not None else [])
    (row,) = visit_join(
        AGG_STREAM, "order", "aggregate_after", columns=columns, aggregation=aggregation
    )
    prefix = f"aggregate_after_order_{aggregation}"
    assert row[f"{prefix}_revenue_impact"] == pytest.approx(revenue)
    assert row[f"{prefix}_amount"] == pytest.approx(amount)
    if ts is not None:
        assert row[f"{prefix}_ts"] == ts


def test_count_ignores_columns_and_counts_rows_with_none() -> None:
    (row,) = visit_join(AGG_STREAM, "order", "aggregate_after", columns=["revenue_impact"])
    appended = {k: v for k, v in row.items() if k not in temporal.STREAM_COLUMNS}
    assert appended == {"aggregate_after_order_count": 4}


def test_multi_temporal_analysis() -> None:
    stream = VISITS_AND_ORDERS + [
        act("s1", 25, "signup"),
        act("o6", 5, "order", revenue=7.0),
        act("o7", 40, "order", revenue=3.0),
    ]
    configs = [
        {
            "name": "prev_order",
            "target_activity": "order",
            "join_type": "last_before",
            "columns": ["ts", "activity_id"],
        },
        {"name": "orders_after", "target_activity": "order", "join_type": "aggregate_after"},
        {
            "name": "spend",
            "target_activity": "order",
            "join_type": "aggregate_all_ever",
            "aggregation": "sum",
            "columns": ["revenue_impact"],
        },
        {"name": "next_signup", "target_activity": "signup", "join_type": "first_after"},
    ]
    (row,) = temporal.multi_temporal_analysis(stream, "visit", configs, cohort_filter="last")
    assert row["activity_id"] == "v2"
    assert {k: v for k, v in row.items() if k not in temporal.STREAM_COLUMNS} == {
        "prev_order_ts": at(15),
        "prev_order_activity_id": "o2",
        "orders_after_count": 2,
        "spend_sum_revenue_impact": 10.0,
        "next_signup_ts": at(25),
    }
