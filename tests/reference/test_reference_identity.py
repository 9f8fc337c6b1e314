"""Hand-computed cases for the identity stitching oracle."""

from datetime import datetime, timedelta
from typing import Any

from activity_harness.reference import identity
from activity_harness.reference.identity import Identification, IdentityWindow

T0 = datetime(2024, 1, 1)


def at(minute: float) -> datetime:
    """Timestamp `minute` minutes after T0."""
    return T0 + timedelta(minutes=minute)


def row(
    activity_id: str, minute: float | None, customer: str | None, anon: str | None
) -> dict[str, Any]:
    """A stream row with an extra column that stitching must carry through."""
    return {
        "activity_id": activity_id,
        "ts": None if minute is None else at(minute),
        "customer": customer,
        "anonymous_customer_id": anon,
        "extra": f"extra-{activity_id}",
    }


def test_single_identification_owns_all_time() -> None:
    windows = identity.identity_windows([Identification("a1", "alice", at(10))])
    assert windows == [IdentityWindow("a1", "alice", None, None)]


def test_tie_at_equal_ts_orders_by_customer() -> None:
    ids = [Identification("a1", "bob", at(10)), Identification("a1", "alice", at(10))]
    assert identity.identity_windows(ids) == [
        IdentityWindow("a1", "alice", None, at(10)),
        IdentityWindow("a1", "bob", at(10), None),
    ]
    stitched = identity.stitch([row("r1", 9, None, "a1"), row("r2", 10, None, "a1")], ids)
    assert [r["customer"] for r in stitched] == ["alice", "bob"]


def test_tie_after_earlier_change_keeps_empty_window() -> None:
    ids = [
        Identification("a1", "xavier", at(5)),
        Identification("a1", "bob", at(10)),
        Identification("a1", "alice", at(10)),
    ]
    assert identity.identity_windows(ids) == [
        IdentityWindow("a1", "xavier", None, at(10)),
        IdentityWindow("a1", "alice", at(10), at(10)),
        IdentityWindow("a1", "bob", at(10), None),
    ]
    stitched = identity.stitch([row("r1", 9, None, "a1"), row("r2", 10, None, "a1")], ids)
    assert [r["customer"] for r in stitched] == ["xavier", "bob"]


def test_repeated_identification_a_b_a() -> None:
    ids = [
        Identification("a1", "alice", at(1)),
        Identification("a1", "bob", at(2)),
        Identification("a1", "alice", at(3)),
    ]
    assert identity.identity_windows(ids) == [
        IdentityWindow("a1", "alice", None, at(2)),
        IdentityWindow("a1", "bob", at(2), at(3)),
        IdentityWindow("a1", "alice", at(3), None),
    ]
    rows = [row(f"r{minute}", minute, None, "a1") for minute in (0, 2, 2.5, 3)]
    assert [r["customer"] for r in identity.stitch(rows, ids)] == ["alice", "bob", "bob", "alice"]


def test_same_customer_again_is_not_a_change() -> None:
    ids = [
        Identification("a1", "alice", at(1)),
        Identification("a1", "alice", at(2)),
        Identification("a1", "bob", at(3)),
    ]
    assert identity.identity_windows(ids) == [
        IdentityWindow("a1", "alice", None, at(3)),
        IdentityWindow("a1", "bob", at(3), None),
    ]


def test_exact_duplicates_count_once() -> None:
    ids = [
        Identification("a1", "alice", at(1)),
        Identification("a1", "alice", at(1)),
        Identification("a1", "bob", at(2)),
    ]
    assert identity.identity_windows(ids) == [
        IdentityWindow("a1", "alice", None, at(2)),
        IdentityWindow("a1", "bob", at(2), None),
    ]


def test_rows_missing_an_id_are_not_identifications() -> None:
    ids = [
        Identification(None, "alice", at(1)),
        Identification("a1", None, at(1)),
        Identification(None, None, None),
        Identification("a1", "bob", at(5)),
    ]
    assert identity.identity_windows(ids) == [IdentityWindow("a1", "bob", None, None)]
    assert identity.null_ts_identifications(ids) == []


def test_null_ts_identifications_are_excluded() -> None:
    ids = [
        Identification("a1", "alice", None),
        Identification("a1", "bob", at(5)),
        Identification("a2", "carol", None),
        Identification(None, "dave", None),
    ]
    assert identity.null_ts_identifications(ids) == [
        Identification("a1", "alice", None),
        Identification("a2", "carol", None),
    ]
    assert identity.identity_windows(ids) == [IdentityWindow("a1", "bob", None, None)]
    stitched = identity.stitch([row("r1", 0, None, "a1"), row("r2", 0, None, "a2")], ids)
    assert [r["customer"] for r in stitched] == ["bob", None]


def test_buffer_shifts_boundaries_earlier() -> None:
    ids = [Identification("a1", "alice", at(10)), Identification("a1", "bob", at(20))]
    buffer = timedelta(minutes=5)
    assert identity.identity_windows(ids, buffer) == [
        IdentityWindow("a1", "alice", None, at(15)),
        IdentityWindow("a1", "bob", at(15), None),
    ]
    rows = [row("r1", 14, None, "a1"), row("r2", 15, None, "a1"), row("r3", 19, None, "a1")]
    assert [r["customer"] for r in identity.stitch(rows, ids, buffer)] == ["alice", "bob", "bob"]
    assert [r["customer"] for r in identity.stitch(rows, ids)] == ["alice", "alice", "alice"]


def test_windows_sorted_by_anonymous_id() -> None:
    ids = [Identification("b2", "bob", at(1)), Identification("a1", "alice", at(2))]
    assert [w.anonymous_customer_id for w in identity.identity_windows(ids)] == ["a1", "b2"]


def test_stitch_keeps_rows_order_and_other_keys() -> None:
    ids = [Identification("a1", "alice", at(10))]
    rows = [
        row("r1", 20, None, "a1"),
        row("r2", 20, "zed", "a1"),
        row("r3", 20, None, None),
        row("r4", None, None, "a1"),
        row("r5", 20, None, "unknown"),
        row("r1", 20, None, "a1"),
    ]
    stitched = identity.stitch(rows, ids)
    assert [r["customer"] for r in stitched] == ["alice", "zed", None, None, None, "alice"]
    for before, after in zip(rows, stitched, strict=True):
        assert {k: v for k, v in after.items() if k != "customer"} == {
            k: v for k, v in before.items() if k != "customer"
        }
    assert rows[0]["customer"] is None


def test_identity_coverage_counts_anonymous_only_rows() -> None:
    ids = [Identification("a1", "alice", at(10))]
    rows = [
        row("r1", 20, None, "a1"),
        row("r2", 20, None, "unknown"),
        row("r3", None, None, "a1"),
        row("r4", 20, "zed", "a1"),
        row("r5", 20, None, None),
    ]
    assert identity.identity_coverage(rows, ids) == (3, 1)
