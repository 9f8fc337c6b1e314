"""Simulated time: the span, loads, seasonality and arrivals.

Times are whole seconds since START (a Monday) held in int64 arrays. A first load holds
what arrived in the first BASE_DAYS; each incremental load the next INCREMENT_DAYS. A
simulation only ever looks at entity keys, never at how far it runs, so a longer
simulation contains a shorter one: what was loaded before a cut stays the same.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from . import seeding
from .seeding import F64, I64, U64

START = np.datetime64("2024-01-01T00:00:00", "s")
DAY = 86_400
WEEK = 7 * DAY
BASE_DAYS = 182  # 26 weeks in the first load
INCREMENT_DAYS = 7  # one week per incremental load
# Relative traffic by weekday (Monday first) and by hour of the day.
WEEKDAY_WEIGHTS = np.array([1.0, 1.06, 1.05, 1.0, 0.88, 0.58, 0.52])
HOUR_WEIGHTS = np.array([
    0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.6, 0.9, 1.0, 1.05, 1.1,
    1.0, 1.0, 1.05, 1.0, 0.95, 0.9, 0.95, 1.05, 1.1, 1.0, 0.75, 0.45,
])
GROWTH_PER_BASE_SPAN = 0.6  # daily arrivals grow by 60% over the first load's span


def cut(batch: int) -> int:
    """End (exclusive, seconds since START) of what the loads up to `batch` hold (batch 0 = the first load)."""
    return (BASE_DAYS + INCREMENT_DAYS * batch) * DAY


def horizon_days(batch: int) -> int:
    return BASE_DAYS + INCREMENT_DAYS * batch


def to_datetime(seconds: I64) -> npt.NDArray[np.datetime64]:
    return START + seconds.astype("timedelta64[s]")


def weekday(seconds: I64) -> I64:
    return (seconds // DAY) % 7


def daily_arrivals(per_base_span: float, days: int) -> I64:
    """Newcomers per day: growing, fewer at weekends, summing to about `per_base_span` over BASE_DAYS."""
    def shape(day: I64) -> F64:
        return (1.0 + GROWTH_PER_BASE_SPAN * day / BASE_DAYS) * WEEKDAY_WEIGHTS[day % 7]

    expected = shape(np.arange(days)) * per_base_span / shape(np.arange(BASE_DAYS)).sum()
    # Whole newcomers: fractions carry over to the following days (deterministic).
    running = np.floor(np.cumsum(expected))
    return np.diff(running, prepend=0.0).astype(np.int64)


def time_of_day(keys: U64, field: str) -> I64:
    """Seconds into a day, following the hourly traffic curve."""
    hour = seeding.choice(keys, f"{field}/hour", HOUR_WEIGHTS)
    return hour * 3600 + np.floor(seeding.uniform(keys, f"{field}/second") * 3600).astype(np.int64)


def on_a_busy_day(keys: U64, field: str, seconds: I64) -> npt.NDArray[np.bool_]:
    """Keep a draw with the probability of its weekday's traffic (weekends are quieter)."""
    keep: F64 = WEEKDAY_WEIGHTS[weekday(seconds)] / WEEKDAY_WEIGHTS.max()
    return seeding.uniform(keys, field) < keep
