"""Hand-computed cases for the dataset builder's join features: person key, activity lists,
filters, match, time windows, nth picks, output names."""

from dataclasses import replace

import pytest
from activity_rows import act, at, column

from activity_harness.reference import temporal


def appended(row: dict[str, object]) -> dict[str, object]:
    """The columns a join appended to an output row."""
    return {k: v for k, v in row.items() if k not in temporal.STREAM_COLUMNS}


def test_api_lists_every_join_type_and_aggregation() -> None:
    assert temporal.JOIN_TYPES[12:] == ("nth_ever", "nth_before", "nth_after", "nth_in_between")
    assert len(temporal.JOIN_TYPES) == 16
    assert temporal.AGGREGATIONS == (
        "count",
        "count_distinct",
        "sum",
        "avg",
        "min",
        "max",
        "first_value",
        "last_value",
        "listagg",
        "listagg_distinct",
        "stddev",
        "exists",
        "sum_bool",
    )


# --- Person key ----------------------------------------------------------------------------

# Customer 'x' and anonymous visitor 'x' are two people; blank ids are no ids.
PERSONS = [
    act("v1", 10, "visit", customer="x"),
    act("o1", 20, "order", customer=None, anon="x"),
    act("v2", 10, "visit", customer=None, anon="x"),
    # A blank customer falls back to the anonymous id: this is anonymous 'x'.
    act("v4", 15, "visit", customer=" ", anon="x"),
    # No person at all: neither a cohort row nor a target.
    act("o2", 30, "order", customer="", anon=None),
    act("v3", 5, "visit", customer="  ", anon="  "),
    act("o3", 40, "order", customer="", anon=""),
]


def test_anonymous_id_equal_to_a_customer_id_is_another_person() -> None:
    rows = temporal.temporal_join(PERSONS, "visit", "order", "first_after", columns=["activity_id"])
    # Anonymous x: v2@10 and v4@15 both see o1@20. Customer x (v1) has no order: o1 is not
    # theirs, and o2/o3 belong to nobody. Persons sort ('anonymous', id) < ('customer', id).
    assert column(rows, "activity_id") == ["v2", "v4", "v1"]
    assert column(rows, "first_after_order_activity_id") == ["o1", "o1", None]
    # Native columns are copied as they are, blank customer included.
    assert column(rows, "customer") == [None, " ", "x"]


def test_blank_ids_take_no_part() -> None:
    rows = temporal.temporal_join(PERSONS, "visit", "order", "aggregate_all_ever")
    # v3 (ids '  ') is no cohort row; o2 ('') and o3 ('', '') count for nobody.
    assert {r["activity_id"]: r["aggregate_all_ever_order_count"] for r in rows} == {
        "v2": 1,
        "v4": 1,
        "v1": 0,
    }


# --- Lists of activities -------------------------------------------------------------------

# c1: signup s1@0, visit v1@10, order o1@20, refund r1@30, visit v2@40, order o2@50.
LISTS = [
    act("s1", 0, "signup"),
    act("v1", 10, "visit"),
    act("o1", 20, "order"),
    act("r1", 30, "refund"),
    act("v2", 40, "visit"),
    act("o2", 50, "order"),
]


def test_lists_of_activities_in_both_slots() -> None:
    rows = temporal.temporal_join(
        LISTS, ["signup", "visit"], ["order", "refund"], "aggregate_in_between"
    )
    # Cohort rows s1@0, v1@10, v2@40 bound each other's segments:
    # s1 (0, 10] none; v1 (10, 40] o1, r1; v2 (40, end) o2.
    assert column(rows, "activity_id") == ["s1", "v1", "v2"]
    assert column(rows, "aggregate_in_between_order_or_refund_count") == [0, 2, 1]


@pytest.mark.parametrize(("cohort_filter", "expected"), [("first", ["s1"]), (2, ["v1"])])
def test_cohort_filter_counts_a_list_of_activities_together(
    cohort_filter: str | int, expected: list[str]
) -> None:
    rows = temporal.temporal_join(LISTS, ["signup", "visit"], "order", "first_after", cohort_filter)
    assert column(rows, "activity_id") == expected


def test_a_row_can_be_cohort_and_target() -> None:
    rows = temporal.temporal_join(
        LISTS, ["signup", "visit"], ["visit", "order"], "last_before", columns=["activity_id"]
    )
    # s1@0: nothing before; v1@10: s1 is no target; v2@40: v1@10, o1@20 -> o1.
    assert column(rows, "last_before_visit_or_order_activity_id") == [None, None, "o1"]


# --- Filters -------------------------------------------------------------------------------

# c1 visit v@0, then four orders. plan: 'pro', 'free', JSON null, absent.
ORDERS = [
    act("v", 0, "visit"),
    act("o1", 10, "order", revenue=10.0, features={"plan": "pro", "qty": 3, "paid": True}),
    act("o2", 20, "order", features={"plan": "free", "qty": "12", "paid": False}),
    act("o3", 30, "order", revenue=5.0, features={"plan": None, "qty": 2.5}),
    act("o4", 40, "order", revenue=20.0, link="L", features={}),
]


def admitted(stream: list[temporal.Activity], **join: object) -> list[str]:
    """Ids of the orders admitted for the first cohort row's aggregate_all_ever."""
    (row, *_) = temporal.temporal_join(
        stream,
        "visit",
        "order",
        "aggregate_all_ever",
        columns=["activity_id"],
        aggregation="listagg",
        delimiter=" ",
        **join,  # type: ignore[arg-type]
    )
    ids = row["aggregate_all_ever_order_listagg_activity_id"]
    return [] if ids is None else str(ids).split(" ")


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"column": "plan", "op": "=", "value": "pro"}, ["o1"]),
        # A null never compares, not even with != or not_in.
        ({"column": "plan", "op": "!=", "value": "pro"}, ["o2"]),
        ({"column": "plan", "op": "in", "value": ["pro", "free"]}, ["o1", "o2"]),
        ({"column": "plan", "op": "not_in", "value": ["pro"]}, ["o2"]),
        # JSON null and an absent key are both null.
        ({"column": "plan", "op": "is_null"}, ["o3", "o4"]),
        ({"column": "plan", "op": "not_null"}, ["o1", "o2"]),
        # A number compares as a number: '3', '12' > 2.5; '2.5' is not.
        ({"column": "qty", "op": ">", "value": 2.5}, ["o1", "o2"]),
        # A string compares as text: '3' > '2.5' but '12' < '2.5'.
        ({"column": "qty", "op": ">", "value": "2.5"}, ["o1"]),
        ({"column": "qty", "op": "=", "value": 3}, ["o1"]),
        ({"column": "qty", "op": "in", "value": [12, 2.5]}, ["o2", "o3"]),
        # A bool compares with the feature text 'true' / 'false'.
        ({"column": "paid", "op": "=", "value": True}, ["o1"]),
        ({"column": "paid", "op": "!=", "value": True}, ["o2"]),
        ({"column": "revenue_impact", "op": ">=", "value": 10}, ["o1", "o4"]),
        ({"column": "revenue_impact", "op": "!=", "value": 5}, ["o1", "o4"]),
        ({"column": "revenue_impact", "op": "in", "value": [5, 20.0]}, ["o3", "o4"]),
        # A string against ts is a timestamp; o2 at exactly 00:20 is not later.
        ({"column": "ts", "op": ">", "value": "2024-01-01 00:20"}, ["o3", "o4"]),
        ({"column": "ts", "op": "<=", "value": "2024-01-01 00:20:00"}, ["o1", "o2"]),
        ({"column": "ts", "op": ">=", "value": "2024-01-02"}, []),
        ({"column": "activity_id", "op": "in", "value": ["o1", "o4"]}, ["o1", "o4"]),
        ({"column": "link", "op": "is_null"}, ["o1", "o2", "o3"]),
    ],
)
def test_where_condition(condition: dict[str, object], expected: list[str]) -> None:
    assert admitted(ORDERS, where=[condition]) == expected


def test_where_conditions_are_anded() -> None:
    where = [
        {"column": "plan", "op": "not_null"},
        {"column": "revenue_impact", "op": ">", "value": 0},
    ]
    # o1 and o2 have a plan; o2 has no revenue.
    assert admitted(ORDERS, where=where) == ["o1"]


def test_where_reads_occurrence_and_repeated_at() -> None:
    # Orders numbered 1..4; each repeated at the next order's ts, the last never.
    orders = [row for row in ORDERS if row.activity == "order"]
    numbered = [
        replace(row, activity_occurrence=n, activity_repeated_at=after.ts if after else None)
        for n, (row, after) in enumerate(zip(orders, [*orders[1:], None], strict=True), 1)
    ]
    stream = [ORDERS[0], *numbered]
    assert admitted(stream, where=[{"column": "activity_occurrence", "op": ">", "value": 2}]) == [
        "o3",
        "o4",
    ]
    # o1 repeats at 00:20, o2 at 00:30 (not before 00:30), o4 never (null).
    repeated = {"column": "activity_repeated_at", "op": "<", "value": "2024-01-01 00:30"}
    assert admitted(stream, where=[repeated]) == ["o1"]


def test_where_filters_before_the_pick() -> None:
    rows = temporal.temporal_join(
        ORDERS,
        "visit",
        "order",
        "first_after",
        columns=["activity_id"],
        where=[{"column": "plan", "op": "=", "value": "free"}],
    )
    assert column(rows, "first_after_order_activity_id") == ["o2"]


def test_number_against_a_non_numeric_feature_is_an_error() -> None:
    # 'pro' cannot be cast to a number, as a SQL cast could not.
    with pytest.raises(ValueError, match="plan"):
        admitted(ORDERS, where=[{"column": "plan", "op": ">", "value": 3}])


@pytest.mark.parametrize(
    "condition",
    [
        {"column": "plan", "op": "like", "value": "p%"},
        {"column": "plan", "op": "in", "value": "pro"},
        {"column": "plan", "op": "in", "value": []},
        {"column": "plan", "op": "=", "value": None},
        {"column": "plan", "op": "is_null", "value": "x"},
        {"column": "plan", "op": "=", "value": ["pro"]},
        {"column": "activity_id", "op": ">", "value": 3},
        {"column": "revenue_impact", "op": "=", "value": "10"},
        {"column": "revenue_impact", "op": "=", "value": True},
        {"column": "ts", "op": ">", "value": "yesterday"},
        {"column": "ts", "op": ">", "value": "2024-01-01T00:20"},
        {"column": "ts", "op": ">", "value": "2024-02-30"},
        {"column": "", "op": "is_null"},
        {"column": "plan", "value": "pro"},
        {"column": "plan", "op": "=", "value": "pro", "extra": 1},
    ],
)
def test_invalid_where_condition_raises(condition: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="where"):
        admitted(ORDERS, where=[condition])


def test_where_must_be_a_list_and_raw_sql_is_not_evaluated() -> None:
    with pytest.raises(ValueError, match="where"):
        admitted(ORDERS, where={"column": "plan", "op": "is_null"})
    with pytest.raises(NotImplementedError):
        admitted(ORDERS, where=[{"sql": "plan = 'pro'"}])
    with pytest.raises(ValueError, match="cohort_where"):
        admitted(ORDERS, cohort_where=[{"column": "plan", "op": "~"}])


# --- A filtered cohort is a subclass -------------------------------------------------------

# c1: ad visits v1@0, v3@20; an seo visit v2@10 between them; orders o1@5, o2@15, o3@25.
SOURCES = [
    act("v1", 0, "visit", features={"src": "ad"}),
    act("o1", 5, "order"),
    act("v2", 10, "visit", features={"src": "seo"}),
    act("o2", 15, "order"),
    act("v3", 20, "visit", features={"src": "ad"}),
    act("o3", 25, "order"),
]
AD_VISITS = [{"column": "src", "op": "=", "value": "ad"}]


@pytest.mark.parametrize(
    ("cohort_filter", "expected"),
    [
        # v1's segment runs to the next ad visit v3@20, not to v2@10: o1 and o2.
        ("all", {"v1": 2, "v3": 1}),
        ("first", {"v1": 2}),
        # The second ad visit is v3, not v2 (the second visit).
        (2, {"v3": 1}),
        ("last", {"v3": 1}),
        (3, {}),
    ],
)
def test_cohort_where_bounds_in_between_and_numbers_occurrences(
    cohort_filter: str | int, expected: dict[str, int]
) -> None:
    rows = temporal.temporal_join(
        SOURCES, "visit", "order", "aggregate_in_between", cohort_filter, cohort_where=AD_VISITS
    )
    assert {r["activity_id"]: r["aggregate_in_between_order_count"] for r in rows} == expected


def test_cohort_where_over_a_list_of_activities() -> None:
    stream = [*SOURCES, act("s1", 12, "signup", features={"src": "ad"})]
    rows = temporal.temporal_join(
        stream, ["visit", "signup"], "order", "aggregate_in_between", cohort_where=AD_VISITS
    )
    # Ad rows v1@0, s1@12, v3@20: (0, 12] o1; (12, 20] o2; (20, end) o3.
    assert column(rows, "activity_id") == ["v1", "s1", "v3"]
    assert column(rows, "aggregate_in_between_order_count") == [1, 1, 1]
    second = temporal.temporal_join(
        stream, ["visit", "signup"], "order", "first_after", 2, cohort_where=AD_VISITS
    )
    assert column(second, "activity_id") == ["s1"]


# --- Match ---------------------------------------------------------------------------------

# c1 views products A, B, null, absent; purchases of skus B, A, null, A.
VIEWS = [
    act("v1", 0, "view", features={"product": "A", "ref": "p4"}),
    act("p1", 5, "purchase", link="A", features={"sku": "B", "product": "B"}),
    act("v2", 10, "view", link="A", features={"product": "B"}),
    act("p2", 15, "purchase", features={"sku": "A", "product": "A"}),
    act("v3", 20, "view", features={"product": None}),
    act("v4", 25, "view", features={}),
    act("p3", 30, "purchase", features={"sku": None, "product": None}),
    act("p4", 35, "purchase", features={"sku": "A", "product": "A"}),
]


def view_join(join_type: str, match: list[object], **join: object) -> dict[str, object]:
    """The appended value per view for a join from view to purchase."""
    rows = temporal.temporal_join(
        VIEWS,
        "view",
        "purchase",
        join_type,
        match=match,
        name="j",
        **join,  # type: ignore[arg-type]
    )
    return {str(r["activity_id"]): next(iter(appended(r).values())) for r in rows}


def test_match_pair_on_first_after() -> None:
    # v1 (A): p2 is the first A after it. v2 (B): p1 (B) is before it. v3/v4: null never matches,
    # not even p3's null sku.
    firsts = view_join(
        "first_after", [{"cohort": "product", "target": "sku"}], columns=["activity_id"]
    )
    assert firsts == {"v1": "p2", "v2": None, "v3": None, "v4": None}


def test_match_by_name_counts_every_matching_target() -> None:
    # A: p2, p4; B: p1; null and absent: nothing.
    assert view_join("aggregate_all_ever", ["product"]) == {"v1": 2, "v2": 1, "v3": 0, "v4": 0}


def test_match_entries_are_anded_and_read_stream_columns() -> None:
    # v2 (B, link A) needs a purchase with product B and link A: p1.
    assert view_join("aggregate_all_ever", ["product", "link"]) == {
        "v1": 0,
        "v2": 1,
        "v3": 0,
        "v4": 0,
    }
    # A feature of the cohort against a stream column of the target: v1's ref is p4.
    refs = view_join("first_ever", [{"cohort": "ref", "target": "activity_id"}])
    assert refs == {"v1": at(35), "v2": None, "v3": None, "v4": None}


@pytest.mark.parametrize(
    "match",
    [
        [{"cohort": "product", "target": "revenue_impact"}],
        [{"cohort": "product"}],
        [3],
        [""],
        "product",
    ],
)
def test_invalid_match_raises(match: object) -> None:
    with pytest.raises(ValueError, match="match"):
        view_join("first_after", match)  # type: ignore[arg-type]


# --- Time windows --------------------------------------------------------------------------

# c1 visits v1@0, v2@120; orders o1@30, o2@60, o3@61, o4@120 (tied with v2), o5@180.
WINDOWS = [
    act("v1", 0, "visit"),
    act("o1", 30, "order"),
    act("o2", 60, "order"),
    act("o3", 61, "order"),
    act("o4", 120, "order"),
    act("v2", 120, "visit"),
    act("o5", 180, "order"),
]
HOUR = {"minutes": 60}


@pytest.mark.parametrize(
    ("join_type", "window", "expected"),
    [
        # v1: (0, 60] holds o1 and o2 (exactly at +1h); v2: (120, 180] holds o5 (exactly +1h).
        ("aggregate_after", {"within": HOUR}, [2, 1]),
        # v1: [60, end) holds o2 (exactly at +1h), o3, o4, o5; v2: [180, end) o5.
        ("aggregate_after", {"at_least": HOUR}, [4, 1]),
        # Both: exactly one hour after.
        ("aggregate_after", {"within": HOUR, "at_least": HOUR}, [1, 1]),
        # v1's segment (0, 120] cut at 60: o1, o2; v2's (120, end) cut at 180: o5.
        ("aggregate_in_between", {"within": HOUR}, [2, 1]),
        # v1: [60, 120]: o2, o3, o4 (o4 ties with v2, the segment's closed end); v2: [180, end).
        ("aggregate_in_between", {"at_least": HOUR}, [3, 1]),
        # v2: [60, 120) holds o2 (exactly at -1h) and o3; o4 ties with v2 so is not before.
        ("aggregate_before", {"within": HOUR}, [0, 2]),
        # v2: (start, 60] holds o1 and o2 (exactly at -1h).
        ("aggregate_before", {"at_least": HOUR}, [0, 2]),
        # v2: [0, 120) and (start, 59]: o1 only (o2 is just 60 minutes before).
        ("aggregate_before", {"within": {"hours": 2}, "at_least": {"minutes": 61}}, [0, 1]),
    ],
)
def test_time_window(join_type: str, window: dict[str, object], expected: list[int]) -> None:
    rows = temporal.temporal_join(WINDOWS, "visit", "order", join_type, **window)  # type: ignore[arg-type]
    assert column(rows, f"{join_type}_order_count") == expected


@pytest.mark.parametrize(
    ("within", "expected"),
    [({"days": 1}, 1), ({"hours": 24}, 1), ({"minutes": 1440}, 1), ({"minutes": 1439}, 0)],
)
def test_window_units(within: dict[str, int], expected: int) -> None:
    # One order exactly a day after the visit, one a minute later.
    stream = [act("v", 0, "visit"), act("o1", 1440, "order"), act("o2", 1441, "order")]
    (row,) = temporal.temporal_join(stream, "visit", "order", "aggregate_after", within=within)
    assert row["aggregate_after_order_count"] == expected


@pytest.mark.parametrize(
    ("join_type", "window"),
    [
        ("first_ever", {"within": HOUR}),
        ("aggregate_all_ever", {"at_least": HOUR}),
        ("nth_ever", {"within": HOUR, "nth": 1}),
    ],
)
def test_window_on_an_ever_join_raises(join_type: str, window: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="within|at_least"):
        temporal.temporal_join(WINDOWS, "visit", "order", join_type, **window)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "within",
    [
        {"hours": 0},
        {"hours": -1},
        {"hours": 1.5},
        {"hours": True},
        {"weeks": 1},
        {},
        60,
        {"hours": 1, "days": 1},
    ],
)
def test_invalid_window_raises(within: object) -> None:
    with pytest.raises(ValueError, match="within"):
        temporal.temporal_join(WINDOWS, "visit", "order", "first_after", within=within)  # type: ignore[arg-type]


# --- nth picks -----------------------------------------------------------------------------

# c1 visit v@0; orders o1@10, o2@20, o3@20 (o2 < o3 by activity_id), o4@30; visit w@25.
NTH = [
    act("v", 0, "visit"),
    act("o1", 10, "order"),
    act("o3", 20, "order"),
    act("o2", 20, "order"),
    act("w", 25, "visit"),
    act("o4", 30, "order"),
]


@pytest.mark.parametrize(
    ("join_type", "nth", "from_last", "expected"),
    [
        ("nth_after", 1, False, ["o1", "o4"]),
        ("nth_after", 2, False, ["o2", None]),
        ("nth_after", 3, False, ["o3", None]),
        ("nth_after", 5, False, [None, None]),
        ("nth_after", 1, True, ["o4", "o4"]),
        ("nth_after", 2, True, ["o3", None]),
        ("nth_after", 4, True, ["o1", None]),
        ("nth_after", 5, True, [None, None]),
        ("nth_ever", 2, False, ["o2", "o2"]),
        ("nth_ever", 2, True, ["o3", "o3"]),
        # w@25: before it o1, o2, o3.
        ("nth_before", 3, False, [None, "o3"]),
        ("nth_before", 3, True, [None, "o1"]),
        # v's segment (0, 25]: o1, o2, o3; w's (25, end): o4.
        ("nth_in_between", 3, False, ["o3", None]),
        ("nth_in_between", 1, True, ["o3", "o4"]),
    ],
)
def test_nth_pick(join_type: str, nth: int, from_last: bool, expected: list[str | None]) -> None:
    rows = temporal.temporal_join(
        NTH,
        "visit",
        "order",
        join_type,
        columns=["activity_id", "ts"],
        nth=nth,
        nth_from_last=from_last,
    )
    assert column(rows, "activity_id") == ["v", "w"]
    assert column(rows, f"{join_type}_order_activity_id") == expected
    # Every column of a pick comes from the same row.
    times = {"o1": at(10), "o2": at(20), "o3": at(20), "o4": at(30), None: None}
    assert column(rows, f"{join_type}_order_ts") == [times[i] for i in expected]  # type: ignore[index]


# c1 views v1@0, v2@100 of product A; purchases, A unless said, status ok unless said.
COMBINED = [
    act("v1", 0, "view", features={"product": "A"}),
    act("p1", 10, "purchase", features={"product": "A", "status": "ok"}),
    act("p2", 20, "purchase", features={"product": "B", "status": "ok"}),
    act("p3", 30, "purchase", features={"product": "A", "status": "void"}),
    act("p4", 40, "purchase", features={"product": "A", "status": "ok"}),
    act("p5", 70, "purchase", features={"product": "A", "status": "ok"}),
    act("p6", 100, "purchase", features={"product": "A", "status": "ok"}),
    act("v2", 100, "view", features={"product": "A"}),
    act("p7", 110, "purchase", features={"product": "A", "status": "ok"}),
]


@pytest.mark.parametrize(
    ("nth", "from_last", "expected"),
    [
        # v1: segment (0, 100] cut at +60 leaves p1..p4; status ok drops p3; product A drops
        # p2: admitted p1, p4. v2: (100, end) cut at 160: p7.
        (1, False, ["p1", "p7"]),
        (2, False, ["p4", None]),
        (2, True, ["p1", None]),
        (3, False, [None, None]),
    ],
)
def test_where_match_and_within_on_an_nth_in_between_pick(
    nth: int, from_last: bool, expected: list[str | None]
) -> None:
    rows = temporal.temporal_join(
        COMBINED,
        "view",
        "purchase",
        "nth_in_between",
        columns={"purchase_id": "activity_id"},
        where=[{"column": "status", "op": "=", "value": "ok"}],
        match=["product"],
        within=HOUR,
        nth=nth,
        nth_from_last=from_last,
    )
    assert column(rows, "purchase_id") == expected


@pytest.mark.parametrize(
    ("join_type", "options", "argument"),
    [
        ("first_after", {"nth": 1}, "nth"),
        ("aggregate_after", {"nth": 2}, "nth"),
        ("last_after", {"nth_from_last": True}, "nth_from_last"),
        ("nth_after", {}, "nth"),
        ("nth_after", {"nth": 0}, "nth"),
        ("nth_after", {"nth": True}, "nth"),
        ("nth_after", {"nth": 1, "nth_from_last": "yes"}, "nth_from_last"),
    ],
)
def test_invalid_nth_raises(join_type: str, options: dict[str, object], argument: str) -> None:
    with pytest.raises(ValueError, match=argument):
        temporal.temporal_join(NTH, "visit", "order", join_type, **options)  # type: ignore[arg-type]


# --- Output names --------------------------------------------------------------------------


def test_aliases_and_cohort_columns() -> None:
    stream = [
        act("v", 0, "visit", link="L", features={"src": "ad", "utm.campaign": 3}),
        act("o", 10, "order", revenue=2.5),
    ]
    (row,) = temporal.temporal_join(
        stream,
        "visit",
        "order",
        "first_after",
        columns={"order_time": "ts", "order_id": "activity_id"},
        cohort_columns=["src", "utm.campaign", "gone"],
    )
    # Cohort columns follow the stream columns, then the join's; values are text.
    assert list(row)[len(row) - 5 :] == ["src", "utm_campaign", "gone", "order_time", "order_id"]
    assert appended(row) == {
        "src": "ad",
        "utm_campaign": "3",
        "gone": None,
        "order_time": at(10),
        "order_id": "o",
    }
    (aliased,) = temporal.temporal_join(
        stream,
        "visit",
        "order",
        "aggregate_after",
        columns={"spend": "revenue_impact"},
        aggregation="sum",
        cohort_columns={"source": "src"},
    )
    assert appended(aliased) == {"source": "ad", "spend": 2.5}


def test_names_explicit_default_and_sanitized() -> None:
    stream = [act("v", 0, "visit"), act("o", 10, "o'brien signed-up", features={"utm.src": "x"})]
    (default,) = temporal.temporal_join(
        stream, "visit", ["o'brien signed-up", "refund"], "last_after", columns=["utm.src"]
    )
    assert appended(default) == {"last_after_o_brien_signed_up_or_refund_utm_src": "x"}
    (named,) = temporal.temporal_join(
        stream, "visit", "o'brien signed-up", "aggregate_after", name="signups"
    )
    assert appended(named) == {"signups_count": 1}
    configs = [
        {"name": "next", "target_activity": "o'brien signed-up", "join_type": "first_after"},
        {
            "name": "n",
            "target_activity": "o'brien signed-up",
            "join_type": "aggregate_after",
            "aggregation": "exists",
        },
    ]
    (multi,) = temporal.multi_temporal_analysis(stream, "visit", configs)
    assert appended(multi) == {"next_ts": at(10), "n_exists": True}


def test_multi_temporal_analysis_with_every_new_key() -> None:
    configs = [
        {
            "name": "second_ok",
            "target_activity": "purchase",
            "join_type": "nth_in_between",
            "nth": 2,
            "columns": ["activity_id"],
            "where": [{"column": "status", "op": "=", "value": "ok"}],
            "match": ["product"],
            "within": HOUR,
        },
        {
            "name": "late",
            "target_activity": "purchase",
            "join_type": "aggregate_after",
            "at_least": {"minutes": 100},
            "aggregation": "listagg",
            "columns": ["product"],
            "delimiter": "/",
        },
    ]
    rows = temporal.multi_temporal_analysis(
        COMBINED, "view", configs, cohort_where=[{"column": "product", "op": "=", "value": "A"}]
    )
    # second_ok as in the combination case; late: v1 [100, end) p6, p7; v2 [200, end) none.
    assert [appended(r) for r in rows] == [
        {"second_ok_activity_id": "p4", "late_listagg_product": "A/A"},
        {"second_ok_activity_id": None, "late_listagg_product": None},
    ]


@pytest.mark.parametrize(
    ("join", "cohort_columns"),
    [
        # 'activity' + 'occurrence' would shadow the stream column activity_occurrence.
        ({"name": "activity", "columns": ["occurrence"]}, None),
        ({"columns": ["ts", "ts"]}, None),
        ({"columns": {"TS": "ts"}}, None),
        ({}, ["link"]),
        ({"name": "x"}, {"x_ts": "src"}),
    ],
)
def test_colliding_output_names_raise(join: dict[str, object], cohort_columns: object) -> None:
    with pytest.raises(ValueError, match="collides"):
        temporal.temporal_join(
            ORDERS,
            "visit",
            "order",
            "first_after",
            cohort_columns=cohort_columns,
            **join,  # type: ignore[arg-type]
        )


@pytest.mark.parametrize(
    ("configs", "argument"),
    [
        ([{"target_activity": "order", "join_type": "first_after"}], "name"),
        ([{"name": "a", "target_activity": "order", "join_type": "first_after"}] * 2, "duplicate"),
        (
            [{"name": "a", "target_activity": "order", "join_type": "first_after", "nht": 2}],
            "unknown",
        ),
        ([{"name": "a", "target_activity": [], "join_type": "first_after"}], "target_activity"),
        (
            [
                {
                    "name": "a",
                    "target_activity": "order",
                    "join_type": "aggregate_after",
                    "aggregation": "sum",
                    "columns": ["activity_id"],
                }
            ],
            "aggregation",
        ),
        (
            [
                {
                    "name": "a_b",
                    "target_activity": "order",
                    "join_type": "first_after",
                    "columns": ["c"],
                },
                {
                    "name": "a",
                    "target_activity": "order",
                    "join_type": "first_after",
                    "columns": ["b_c"],
                },
            ],
            "collides",
        ),
    ],
)
def test_invalid_join_configs_raise(configs: list[dict[str, object]], argument: str) -> None:
    with pytest.raises(ValueError, match=argument):
        temporal.multi_temporal_analysis(ORDERS, "visit", configs)


def test_invalid_cohort_activity_raises() -> None:
    with pytest.raises(ValueError, match="primary_cohort_activity"):
        temporal.multi_temporal_analysis(ORDERS, [], [])
    with pytest.raises(ValueError, match="cohort_activity"):
        temporal.temporal_join(ORDERS, ["visit", 3], "order", "first_after")  # type: ignore[list-item]
