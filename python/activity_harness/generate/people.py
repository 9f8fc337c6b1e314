"""People arriving day by day, and their visits: the behaviour every dataset shares.

A person is keyed by (arrival day, number within the day), so a bigger scale adds people
to each day without changing the ones already there. People come in pairs (households);
some households share a device. Each person has a heavy-tailed visit rate and a lifetime
after which they churn; visits follow the weekly and daily traffic curves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from . import calendar, seeding
from .seeding import F64, I64, U64

Bools = npt.NDArray[np.bool_]


def expand(counts: I64) -> tuple[I64, I64]:
    """For children counted per parent: each child's parent index and its number within the parent."""
    parents = np.repeat(np.arange(len(counts)), counts)
    starts = np.cumsum(counts) - counts
    return parents, np.arange(int(counts.sum())) - np.repeat(starts, counts)


@dataclass(frozen=True)
class Behaviour:
    """How a population visits: the shares and distributions of one product's users."""

    one_visit_share: float  # people who come once and never again
    visits_per_week_median: float
    visits_per_week_sigma: float  # heavy tail of busy people
    lifetime_weeks_mean: float  # churn: visits stop after an exponential lifetime
    loyal_share: float  # people whose lifetime is four times longer
    max_visits: int
    shared_device_share: float  # households whose first person's main device the second uses too


@dataclass(frozen=True)
class People:
    keys: U64
    arrival: I64  # seconds since START
    day: I64
    number: I64  # within the arrival day
    partner: I64  # index of the other person of the household, -1 when alone
    shares_device: Bools  # the household shares the first person's main device
    is_second: Bools  # the household's second person (uses the first one's device)

    def __len__(self) -> int:
        return len(self.keys)


def arrive(seed: int, kind: str, per_base_span: float, days: range, behaviour: Behaviour) -> People:
    """The people of one kind who arrive on the given days."""
    counts = calendar.daily_arrivals(per_base_span, days.stop)[days.start:days.stop]
    day_of, number = expand(counts)
    day = day_of + days.start
    day_keys = seeding.entity_keys(seed, f"{kind}/day", day)
    keys = seeding.child_keys(day_keys, kind, number)
    arrival = day * calendar.DAY + calendar.time_of_day(keys, "arrival")
    is_second = number % 2 == 1
    has_partner = is_second | (number + 1 < np.repeat(counts, counts))
    index = np.arange(len(keys))
    partner = np.where(has_partner, np.where(is_second, index - 1, index + 1), -1)
    household = seeding.child_keys(day_keys, f"{kind}/household", number // 2)
    shares_device = has_partner & seeding.bernoulli(household, "shares_device", behaviour.shared_device_share)
    return People(keys=keys, arrival=arrival, day=day, number=number, partner=partner, shares_device=shares_device, is_second=is_second)


@dataclass(frozen=True)
class Visits:
    person: I64  # index into People
    number: I64  # 0, 1, ... in time order per person
    keys: U64
    start: I64
    lifetime_visits: I64  # per person: visits over the whole lifetime, also those after the cut

    def __len__(self) -> int:
        return len(self.keys)


def visit(people: People, behaviour: Behaviour, until: int) -> Visits:
    """Every visit of every person over their lifetime that starts before `until`, sorted
    by person and time (a later cut only adds visits)."""
    keys = people.keys
    once = seeding.bernoulli(keys, "one_visit", behaviour.one_visit_share)
    rate = seeding.lognormal(keys, "visits_per_week", behaviour.visits_per_week_median, behaviour.visits_per_week_sigma)
    loyal = seeding.bernoulli(keys, "loyal", behaviour.loyal_share)
    lifetime_weeks = seeding.exponential(keys, "lifetime", behaviour.lifetime_weeks_mean) * np.where(loyal, 4.0, 1.0)
    planned = 1 + np.floor(rate * lifetime_weeks + seeding.uniform(keys, "visit_rounding")).astype(np.int64)
    planned = np.where(once, 1, np.minimum(planned, behaviour.max_visits))

    person, drawn = expand(planned)
    visit_keys = seeding.child_keys(keys[person], "visit", drawn)
    lifetime_days = lifetime_weeks[person] * 7
    arrival_day = people.arrival[person] // calendar.DAY
    day = arrival_day + np.floor(seeding.uniform(visit_keys, "day") * lifetime_days).astype(np.int64)
    start = np.where(drawn == 0, people.arrival[person], day * calendar.DAY + calendar.time_of_day(visit_keys, "start"))
    happens = (drawn == 0) | ((start > people.arrival[person]) & calendar.on_a_busy_day(visit_keys, "weekday", start))
    lifetime_visits = np.bincount(person[happens], minlength=len(people))
    keep = happens & (start < until)
    person, visit_keys, start = person[keep], visit_keys[keep], start[keep]
    order = np.lexsort((visit_keys, start, person))
    person, visit_keys, start = person[order], visit_keys[order], start[order]
    _, number = expand(np.bincount(person, minlength=len(people)))
    return Visits(person=person, number=number, keys=visit_keys, start=start, lifetime_visits=lifetime_visits)


@dataclass(frozen=True)
class Steps:
    """The timed steps inside visits (page views, post views)."""

    visit: I64  # index into Visits
    number: I64
    keys: U64
    ts: I64

    def __len__(self) -> int:
        return len(self.keys)


def steps(visits: Visits, mean_extra_steps: float, max_steps: int, mean_gap_seconds: float) -> tuple[Steps, I64]:
    """The steps of each visit at increasing times, and each visit's end (its last step)."""
    counts = np.minimum(1 + seeding.geometric(visits.keys, "steps", mean_extra_steps), max_steps)
    visit_index, number = expand(counts)
    keys = seeding.child_keys(visits.keys[visit_index], "step", number)
    # The first step comes a second after the visit starts, each later one a few seconds or minutes after the last.
    gap = np.where(number == 0, 1, 3 + np.floor(seeding.exponential(keys, "gap", mean_gap_seconds)).astype(np.int64))
    # Cumulative gaps within each visit: a running total minus the total before the visit.
    firsts = np.cumsum(counts) - counts
    running = np.cumsum(gap)
    before = np.repeat(running[firsts] - gap[firsts], counts)
    ts = visits.start[visit_index] + running - before
    end = ts[np.cumsum(counts) - 1]
    return Steps(visit=visit_index, number=number, keys=keys, ts=ts), end


def weighted_pick(keys: U64, field: str, pool_size: int, skew: float = 1.0) -> I64:
    """An index into a pool; skew > 1 favours the first entries (popular items)."""
    u: F64 = seeding.uniform(keys, field)
    return np.minimum(np.floor(u**skew * pool_size).astype(np.int64), pool_size - 1)
