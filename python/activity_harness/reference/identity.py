"""Reference oracle for identity stitching of anonymous activity rows."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any


@dataclass(frozen=True)
class Identification:
    """A moment an anonymous visitor revealed which customer they are."""

    anonymous_customer_id: str | None
    customer: str | None
    ts: datetime | None


@dataclass(frozen=True)
class IdentityWindow:
    """Half-open interval [valid_from, valid_to) during which an anonymous id maps to a customer.

    None bounds are open (unbounded) on that side.
    """

    anonymous_customer_id: str
    customer: str
    valid_from: datetime | None
    valid_to: datetime | None

    def covers(self, ts: datetime) -> bool:
        """Whether ts falls inside the window (from inclusive, to exclusive)."""
        after_start = self.valid_from is None or self.valid_from <= ts
        before_end = self.valid_to is None or ts < self.valid_to
        return after_start and before_end


def _has_both_ids(row: Identification) -> bool:
    return row.anonymous_customer_id is not None and row.customer is not None


def null_ts_identifications(rows: Iterable[Identification]) -> list[Identification]:
    """Identifications with both ids present but no timestamp, in input order (never mapped)."""
    return [row for row in rows if _has_both_ids(row) and row.ts is None]


def identity_windows(
    identifications: Iterable[Identification], buffer: timedelta = timedelta(0)
) -> list[IdentityWindow]:
    """Identity windows sorted by anonymous id, then by the order of customer changes."""
    events_by_anon: dict[str, set[tuple[datetime, str]]] = {}
    for row in identifications:
        if row.anonymous_customer_id is None or row.customer is None or row.ts is None:
            continue
        # A set makes exact duplicates count once.
        events_by_anon.setdefault(row.anonymous_customer_id, set()).add((row.ts, row.customer))

    windows: list[IdentityWindow] = []
    for anon in sorted(events_by_anon):
        changes: list[tuple[datetime, str]] = []
        for ts, customer in sorted(events_by_anon[anon]):
            if not changes or changes[-1][1] != customer:
                changes.append((ts, customer))
        for index, (ts, customer) in enumerate(changes):
            valid_from = None if index == 0 else ts - buffer
            valid_to = changes[index + 1][0] - buffer if index + 1 < len(changes) else None
            windows.append(IdentityWindow(anon, customer, valid_from, valid_to))
    return windows


def _resolver(
    identifications: Iterable[Identification], buffer: timedelta
) -> dict[str, list[IdentityWindow]]:
    windows_by_anon: dict[str, list[IdentityWindow]] = {}
    for window in identity_windows(identifications, buffer):
        windows_by_anon.setdefault(window.anonymous_customer_id, []).append(window)
    return windows_by_anon


def _stitched_customer(
    row: Mapping[str, Any], windows_by_anon: Mapping[str, list[IdentityWindow]]
) -> Any:
    customer = row["customer"]
    anon = row["anonymous_customer_id"]
    ts = row["ts"]
    if customer is not None or anon is None or ts is None:
        return customer
    for window in windows_by_anon.get(anon, []):
        if window.covers(ts):
            return window.customer
    return None


def stitch(
    rows: Sequence[Mapping[str, Any]],
    identifications: Iterable[Identification],
    buffer: timedelta = timedelta(0),
) -> list[dict[str, Any]]:
    """Copies of rows with a missing customer filled from the covering identity window."""
    windows_by_anon = _resolver(identifications, buffer)
    return [{**row, "customer": _stitched_customer(row, windows_by_anon)} for row in rows]


def identity_coverage(
    rows: Sequence[Mapping[str, Any]],
    identifications: Iterable[Identification],
    buffer: timedelta = timedelta(0),
) -> tuple[int, int]:
    """(anonymous-only rows, how many of them stitch() resolves to a customer)."""
    windows_by_anon = _resolver(identifications, buffer)
    anonymous_only = [
        row for row in rows if row["customer"] is None and row["anonymous_customer_id"] is not None
    ]
    resolved = sum(
        1 for row in anonymous_only if _stitched_customer(row, windows_by_anon) is not None
    )
    return len(anonymous_only), resolved
