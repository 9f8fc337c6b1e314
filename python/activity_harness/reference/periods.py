"""Calendar periods of a time spine: half-open [start, next start), weeks starting on Monday."""

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

INTERVALS = ("day", "week", "month", "quarter", "year")
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def validate_interval(interval: str) -> None:
    """An unknown interval is an argument error."""
    if interval not in INTERVALS:
        raise ValueError(f"invalid interval {interval!r}: expected one of {INTERVALS}")


def period_start(ts: datetime, interval: str) -> datetime:
    """The start of the period that contains ts."""
    day = ts.replace(hour=0, minute=0, second=0, microsecond=0)
    if interval == "day":
        return day
    if interval == "week":
        return day - timedelta(days=day.weekday())
    months = _MONTHS[interval]
    return day.replace(month=(day.month - 1) // months * months + 1, day=1)


def next_period_start(start: datetime, interval: str) -> datetime:
    """The start of the period after the one starting at `start`."""
    if interval == "day":
        return start + timedelta(days=1)
    if interval == "week":
        return start + timedelta(weeks=1)
    year, month_index = divmod(start.month - 1 + _MONTHS[interval], 12)
    return start.replace(year=start.year + year, month=month_index + 1)


def periods(first: datetime, last: datetime, interval: str) -> Iterator[tuple[datetime, datetime]]:
    """(start, end) of every period from the one containing `first` to the one containing `last`."""
    start, stop = period_start(first, interval), period_start(last, interval)
    while start <= stop:
        end = next_period_start(start, interval)
        yield start, end
        start = end


def utc_naive(moment: datetime | None) -> datetime:
    """`moment` (default: now) as a naive UTC datetime, like the stream's ts; naive means UTC."""
    if moment is None:
        moment = datetime.now(timezone.utc)
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(timezone.utc).replace(tzinfo=None)
