"""Hand-computed cases for the aggregations the dataset builder adds."""

import math

import pytest
from activity_rows import act, at

from activity_harness.reference import temporal

# c1 visit v@0, then four orders (features: amount, tag, paid):
#   o1@10 revenue 10  amount 1    tag JSON null  paid true
#   o2@20 revenue --  amount 2.5  tag 'b'        paid false
#   o3@30 revenue 30  amount --   tag 'a'        paid 'yes'
#   o4@40 revenue 10  amount 4    tag 'b'        paid true
# c2 has a visit and no order.
ORDERS = [
    act("v", 0, "visit"),
    act("o1", 10, "order", revenue=10.0, features={"amount": 1, "tag": None, "paid": True}),
    act("o2", 20, "order", features={"amount": 2.5, "tag": "b", "paid": False}),
    act("o3", 30, "order", revenue=30.0, features={"tag": "a", "paid": "yes"}),
    act("o4", 40, "order", revenue=10.0, features={"amount": 4, "tag": "b", "paid": True}),
    act("w", 0, "visit", customer="c2"),
]


def aggregated(aggregation: str, column: str | None, **join: object) -> list[object]:
    """The aggregate of `column` over each visit's later orders: [c1's v, c2's w]."""
    rows = temporal.temporal_join(
        ORDERS,
        "visit",
        "order",
        "aggregate_after",
        columns=None if column is None else [column],
        aggregation=aggregation,
        name="j",
        **join,  # type: ignore[arg-type]
    )
    assert [r["activity_id"] for r in rows] == ["v", "w"]
    (name,) = [k for k in rows[0] if k.startswith("j_")]
    return [r[name] for r in rows]


@pytest.mark.parametrize(
    ("aggregation", "column", "expected"),
    [
        ("count", None, [4, 0]),
        ("exists", None, [True, False]),
        ("count_distinct", "tag", [2, 0]),
        ("count_distinct", "revenue_impact", [2, 0]),
        # The first row's value even when it is null: o1's tag.
        ("first_value", "tag", [None, None]),
        ("first_value", "amount", ["1", None]),
        ("first_value", "ts", [at(10), None]),
        ("last_value", "tag", ["b", None]),
        ("last_value", "revenue_impact", [10.0, None]),
        ("listagg", "tag", ["b,a,b", None]),
        ("listagg", "activity_id", ["o1,o2,o3,o4", None]),
        # By first occurrence (b@20, a@30), not alphabetically.
        ("listagg_distinct", "tag", ["b,a", None]),
        # Amounts 1, 2.5, 4: mean 2.5, squared deviations 2.25 + 0 + 2.25 over n - 1 = 2.
        ("stddev", "amount", [1.5, None]),
        # Revenues 10, 30, 10: mean 50/3, squares 400/9 + 1600/9 + 400/9 = 2400/9, / 2 = 400/3.
        ("stddev", "revenue_impact", [math.sqrt(400 / 3), None]),
        # 'true' twice; 'false' and 'yes' are not true.
        ("sum_bool", "paid", [2, None]),
        # No stream column holds booleans: nothing is true, but the values are there.
        ("sum_bool", "ts", [0, None]),
        ("sum", "amount", [7.5, None]),
    ],
)
def test_aggregation(aggregation: str, column: str | None, expected: list[object]) -> None:
    # A square root is only approximately what the hand computation gives.
    assert aggregated(aggregation, column) == (
        pytest.approx(expected) if aggregation == "stddev" else expected
    )


def test_first_value_keeps_a_null_held_by_the_first_row() -> None:
    after_o1 = [{"column": "activity_id", "op": "!=", "value": "o1"}]
    # Orders o2, o3, o4: o2 has no revenue, so the first value is null although others are not.
    assert aggregated("first_value", "revenue_impact", where=after_o1) == [None, None]
    assert aggregated("min", "revenue_impact", where=after_o1) == [10.0, None]


def test_listagg_delimiter() -> None:
    assert aggregated("listagg", "tag", delimiter=" | ") == ["b | a | b", None]
    assert aggregated("listagg_distinct", "tag", delimiter="") == ["ba", None]


@pytest.mark.parametrize(
    ("aggregation", "column", "where", "expected"),
    [
        # Only nulls: None, or 0 with zero_fill.
        ("sum", "missing", None, [0.0, 0.0]),
        ("sum_bool", "missing", None, [0, 0]),
        # zero_fill leaves a real total alone.
        ("sum", "amount", None, [7.5, 0.0]),
        # Values present but none true: 0 either way.
        ("sum_bool", "paid", [{"column": "activity_id", "op": "=", "value": "o2"}], [0, 0]),
    ],
)
def test_zero_fill(aggregation: str, column: str, where: object, expected: list[object]) -> None:
    assert aggregated(aggregation, column, where=where, zero_fill=True) == expected
    if column == "missing":
        assert aggregated(aggregation, column, where=where) == [None, None]


def test_stddev_and_listagg_of_too_few_values() -> None:
    only_o4 = [{"column": "activity_id", "op": "=", "value": "o4"}]
    assert aggregated("stddev", "amount", where=only_o4) == [None, None]
    assert aggregated("listagg", "missing") == [None, None]


def test_result_types() -> None:
    (count,), (exists,), (total,), (bools,) = (
        aggregated(name, column)[:1]
        for name, column in (
            ("count", None),
            ("exists", None),
            ("sum", "amount"),
            ("sum_bool", "paid"),
        )
    )
    assert (type(count), type(exists), type(total), type(bools)) == (int, bool, float, int)


def test_row_aggregations_ignore_columns() -> None:
    (row,) = temporal.temporal_join(
        ORDERS[:5], "visit", "order", "aggregate_after", columns=["tag"], aggregation="exists"
    )
    assert row["aggregate_after_order_exists"] is True
    assert "aggregate_after_order_exists_tag" not in row


@pytest.mark.parametrize(
    ("aggregation", "columns", "options", "argument"),
    [
        ("avg", ["amount"], {"zero_fill": True}, "zero_fill"),
        ("sum", ["amount"], {"delimiter": ";"}, "delimiter"),
        ("listagg", ["tag"], {"delimiter": 1}, "delimiter"),
        ("sum", ["activity_id"], {}, "aggregation"),
        ("stddev", ["ts"], {}, "aggregation"),
        ("listagg", None, {}, "columns"),
        ("median", ["amount"], {}, "aggregation"),
    ],
)
def test_invalid_aggregation_options_raise(
    aggregation: str, columns: list[str] | None, options: dict[str, object], argument: str
) -> None:
    with pytest.raises(ValueError, match=argument):
        temporal.temporal_join(
            ORDERS,
            "visit",
            "order",
            "aggregate_after",
            columns=columns,
            aggregation=aggregation,
            **options,  # type: ignore[arg-type]
        )


def test_pick_options_do_not_apply_to_picks() -> None:
    with pytest.raises(ValueError, match="zero_fill"):
        temporal.temporal_join(ORDERS, "visit", "order", "first_after", zero_fill=True)
