"""Generated streams in the package's stream contract, vectorised with NumPy into DuckDB.

A shape says how events spread over people. Every shape has anonymous-only people, rows
with only a customer or no id at all, and ties on a person's minute, so that every join
meets the hard cases at scale."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
from faker import Faker

COHORT = "started_session"
TARGET = "made_purchase"
# The physical order of every copy of the stream a benchmark reads.
STREAM_ORDER = "ts, activity_id"
# The person of a stream row, written from the semantics for the self-join and the peers'
# copy of the stream: its customer, else its anonymous id, as written; an id of only spaces
# (U+0020) is none.
PERSON_KEY_SQL = ("coalesce(case when trim(customer, ' ') <> '' then 'c:' || customer end, "
                  "case when trim(anonymous_customer_id, ' ') <> '' then 'a:' || anonymous_customer_id end)")
ACTIVITIES = ("started_session", "viewed_page", "added_to_cart", "made_purchase", "signed_up")
ANONYMOUS_SHARE = 0.10  # people never identified: every row carries only anonymous_customer_id
SERVER_SIDE_SHARE = 0.30  # rows of identified people with customer but no anonymous id
KEYLESS_SHARE = 0.001  # rows with neither id, which take no part in any join
TIE_SHARE = 0.10  # rows forced onto the minute of the person's previous row
SPAN_MINUTES = 90 * 24 * 60
EPOCH = "2024-01-01"
EVENTS_SIGMA = 1.5


@dataclass(frozen=True)
class Shape:
    """How a stream of a given size spreads over people.
    - events_median: events per person ~ ceil(lognormal(ln median, 1.5)), a heavy tail;
      or None for the cubic shape, where row i belongs to person floor(u^3 * rows / 20)
      (u uniform): a few people hold most rows.
    - growth: a bigger stream has more people alike ('people'), or the same people over a
      longer time ('history').
    - weights: the share of each activity in ACTIVITIES order."""

    name: str
    description: str
    events_median: float | None
    growth: str
    weights: tuple[float, ...]


USUAL_MIX = (0.20, 0.50, 0.15, 0.10, 0.05)
SHAPES = {
    shape.name: shape
    for shape in (
        Shape("people", "more people, median 6 events each", 6.0, "people", USUAL_MIX),
        Shape("busy", "more people, median 60 events each", 60.0, "people", USUAL_MIX),
        Shape("history", "the same people, 5x longer histories at 5x the rows", 6.0, "history", USUAL_MIX),
        Shape("heavy", "a few people hold most rows (person = floor(u^3 * rows / 20)), 60% sessions, 20% purchases",
              None, "people", (0.60, 0.20, 0.0, 0.20, 0.0)),
    )
}


def person_of_rows(rng: np.random.Generator, rows: int, shape: Shape, history: float) -> np.ndarray:
    """The person of each row, grouped by person. With growth 'history' the people of the
    `rows / history` stream of the same seed keep their events, `history` times over."""
    if shape.events_median is None:
        return np.sort(np.floor(rng.random(rows) ** 3 * rows / 20).astype(np.int64))
    mean_events = shape.events_median * np.exp(EVENTS_SIGMA**2 / 2)
    # The same number of draws as for the smaller stream, so the same people come out.
    draws = rng.lognormal(np.log(shape.events_median), EVENTS_SIGMA, int(rows / history / mean_events * 1.5) + 100)
    counts = np.round(np.ceil(draws) * history).astype(np.int64)
    totals = np.cumsum(counts)
    people = int(np.searchsorted(totals, rows)) + 1
    if people > len(counts):
        raise RuntimeError(f"drew too few people for {rows:,} rows; raise the draw margin")
    counts = counts[:people]
    counts[-1] -= int(totals[people - 1]) - rows
    return np.repeat(np.arange(people), counts)


def generate_stream(connection: duckdb.DuckDBPyConnection, rows: int, seed: int, shape: Shape, history: float = 1.0) -> None:
    """Create table `stream` (the package's stream contract) with `rows` rows."""
    rng = np.random.default_rng(seed)
    fake = Faker()
    fake.seed_instance(seed)
    pages = [fake.uri_path() for _ in range(200)]
    categories = sorted({fake.word() for _ in range(40)})

    person = person_of_rows(rng, rows, shape, history)
    people = int(person.max()) + 1
    minute = rng.integers(0, int(SPAN_MINUTES * history), rows)
    first_of_person = np.r_[True, person[1:] != person[:-1]]
    tied = (rng.random(rows) < TIE_SHARE) & ~first_of_person
    # A tied row takes the minute of the closest earlier untied row of the same person.
    minute = minute[np.maximum.accumulate(np.where(tied, 0, np.arange(rows)))]
    # Append-only event tables arrive in time order, so the table is stored that way.
    order = np.argsort(minute, kind="stable")
    columns = {
        "person": person[order],
        "minute": minute[order],
        "event_id": rng.permutation(rows),  # random ids, so ties at equal ts break arbitrarily
        "activity": rng.choice(len(ACTIVITIES), rows, p=shape.weights),
        "anonymous": (rng.random(people) < ANONYMOUS_SHARE)[person[order]],
        "server_side": rng.random(rows) < SERVER_SIDE_SHARE,
        "keyless": rng.random(rows) < KEYLESS_SHARE,
        "revenue": rng.lognormal(3.5, 0.8, rows),
        "page": rng.integers(0, len(pages), rows),
        "category": rng.integers(0, len(categories), rows),
    }
    connection.register("raw", columns)
    purchase = ACTIVITIES.index("made_purchase")
    view = ACTIVITIES.index("viewed_page")
    connection.execute(
        f"""
        create or replace table stream as
        select
            'evt_' || lpad(cast(event_id as varchar), 9, '0') as activity_id,
            timestamp '{EPOCH}' + to_minutes(minute) as ts,
            $activities[activity + 1] as activity,
            case when not keyless and not anonymous then 'cus_' || person end as customer,
            case when not keyless and (anonymous or not server_side) then 'anon_' || person end as anonymous_customer_id,
            cast(case activity
                when {view} then json_object('page', $pages[page + 1])
                when {purchase} then json_object('category', $categories[category + 1])
                else json_object() end as json) as feature_json,
            case when activity = {purchase} then round(revenue, 2) end as revenue_impact,
            case when activity = {view} then 'https://shop.example.com' || $pages[page + 1] end as link,
            cast(null as bigint) as activity_occurrence,
            cast(null as timestamp) as activity_repeated_at
        from raw
        """,
        {"activities": list(ACTIVITIES), "pages": pages, "categories": categories},
    )
    connection.unregister("raw")
    # The contract's occurrence columns, per person (customer, else anonymous id) and activity.
    # Rows are stored in time order, as a stream loaded over time is.
    connection.execute(
        f"""
        create or replace table stream as
        select * exclude (activity_occurrence, activity_repeated_at),
            row_number() over person_order as activity_occurrence,
            lead(ts) over person_order as activity_repeated_at
        from stream
        window person_order as (partition by activity, coalesce('c:' || customer, 'a:' || anonymous_customer_id) order by ts, activity_id)
        order by {STREAM_ORDER}
        """
    )


@dataclass(frozen=True)
class StreamStats:
    rows: int
    people: int
    anonymous_people: int
    median_events: float
    p99_events: float
    max_events: int
    cohort_rows: int
    target_rows: int
    tied_rows: int
    candidate_pairs: int  # cohort x target rows sharing a person: what a self-join walks through


def stream_stats(connection: duckdb.DuckDBPyConnection) -> StreamStats:
    row = connection.execute(
        f"""
        with keyed as (
            select *, coalesce('c:' || customer, 'a:' || anonymous_customer_id) as join_key from stream
        ),
        people as (
            select join_key, count(*) as events, bool_and(customer is null) as anonymous,
                   count(*) filter (where activity = '{COHORT}') as cohorts,
                   count(*) filter (where activity = '{TARGET}') as targets
            from keyed where join_key is not null group by join_key
        ),
        ties as (
            select count(*) filter (where same_minute > 1) as rows
            from (select count(*) over (partition by join_key, ts) as same_minute from keyed where join_key is not null)
        )
        select (select count(*) from stream), count(*), count(*) filter (where anonymous),
               median(events), quantile_cont(events, 0.99), max(events),
               sum(cohorts), sum(targets), (select rows from ties), sum(cohorts * targets)
        from people
        """
    ).fetchone()
    assert row is not None
    rows, people, anonymous, median, p99, most, cohorts, targets, tied, pairs = row
    return StreamStats(rows, people, anonymous, float(median), float(p99), most, int(cohorts), int(targets), tied, int(pairs))
