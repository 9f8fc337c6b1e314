"""`activity-harness bench`: the twelve temporal joins of the package against a naive
inequality self-join of the same joins, on generated streams of growing size (issue 3).

The package SQL is compiled by dbt from a generated project and then executed directly
with the DuckDB Python API, so dbt's own overhead is not timed. The self-join formulation
is written here from the documented semantics, not from the package SQL; both results are
compared row for row and any difference stops the benchmark.
"""

from __future__ import annotations

import os
import platform
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click
import duckdb
import numpy as np
from faker import Faker
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .dbt import DbtWorkspace
from .generate import DEFAULT_SEED
from .paths import REPO_ROOT

COHORT = "started_session"
TARGET = "made_purchase"
JOIN_TYPES = (
    "first_ever", "last_ever", "aggregate_all_ever",
    "first_before", "last_before", "aggregate_before",
    "first_after", "last_after", "aggregate_after",
    "first_in_between", "last_in_between", "aggregate_in_between",
)
FIRST_LAST_COLUMNS = ("ts", "revenue_impact")

# The stream's shape. With growth "people" it is the same at every size (a bigger stream
# has more people, not busier ones); with growth "history" a bigger stream is the same
# people observed for longer (every history and the time span scale with the rows).
ACTIVITIES = ("started_session", "viewed_page", "added_to_cart", "made_purchase", "signed_up")
ACTIVITY_WEIGHTS = (0.20, 0.50, 0.15, 0.10, 0.05)
# Events per person ~ ceil(lognormal(ln median, 1.5)): with the default median 6, mean ~18
# and a heavy tail; --events-median 60 models a product with busier people.
EVENTS_MEDIAN = 6.0
EVENTS_SIGMA = 1.5
ANONYMOUS_SHARE = 0.10  # people never identified: every row carries only anonymous_customer_id
SERVER_SIDE_SHARE = 0.30  # rows of identified people with customer but no anonymous id
KEYLESS_SHARE = 0.001  # rows with neither id, which take no part in any join
TIE_SHARE = 0.10  # rows forced onto the minute of the person's previous row
SPAN_MINUTES = 90 * 24 * 60
EPOCH = "2024-01-01"

LONG_RUN = 10.0  # seconds
DEFAULT_SIZES = (1_000_000, 5_000_000)
DEFAULT_OUTPUT = REPO_ROOT / "benchmarks" / "temporal_joins.md"
DEFAULT_WORKDIR = REPO_ROOT / ".bench"


class BenchmarkInvalid(click.ClickException):
    """The two formulations disagree, or agree only vacuously: the figures would prove nothing."""


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
    candidate_pairs: int  # cohort x target rows sharing a key: what a self-join walks through


@dataclass(frozen=True)
class Timing:
    size: int
    join_type: str
    package: float  # seconds, best of the runs
    naive: float | None  # seconds, best of the runs; None when a run exceeded the timeout


@dataclass(frozen=True)
class Settings:
    sizes: tuple[int, ...]
    seed: int
    repeat: int
    naive_timeout: float
    events_median: float = EVENTS_MEDIAN
    growth: str = "people"

    def history(self, size: int) -> float:
        """How many times longer each person's history is at `size` than at the smallest size."""
        return size / self.sizes[0] if self.growth == "history" else 1.0


def generate_stream(
    connection: duckdb.DuckDBPyConnection, rows: int, seed: int, events_median: float = EVENTS_MEDIAN, history: float = 1.0
) -> None:
    """Create table `stream` (the package's stream contract) with `rows` rows, vectorised.
    `history` > 1 keeps the people of the `rows / history` stream of the same seed and
    makes each of their histories, and the time span, that many times longer."""
    rng = np.random.default_rng(seed)
    fake = Faker()
    fake.seed_instance(seed)
    pages = [fake.uri_path() for _ in range(200)]
    categories = sorted({fake.word() for _ in range(40)})

    mean_events = events_median * np.exp(EVENTS_SIGMA**2 / 2)
    # The same number of draws as for the smaller stream, so the same people come out.
    draws = rng.lognormal(np.log(events_median), EVENTS_SIGMA, int(rows / history / mean_events * 1.5) + 100)
    counts = np.round(np.ceil(draws) * history).astype(np.int64)
    totals = np.cumsum(counts)
    people = int(np.searchsorted(totals, rows)) + 1
    if people > len(counts):
        raise RuntimeError(f"drew too few people for {rows:,} rows; raise the draw margin")
    counts = counts[:people]
    counts[-1] -= int(totals[people - 1]) - rows
    person = np.repeat(np.arange(people), counts)

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
        "activity": rng.choice(len(ACTIVITIES), rows, p=ACTIVITY_WEIGHTS),
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
            case when activity = {view} then 'https://shop.example.com' || $pages[page + 1] end as link
        from raw
        """,
        {"activities": list(ACTIVITIES), "pages": pages, "categories": categories},
    )
    connection.unregister("raw")


def stream_stats(connection: duckdb.DuckDBPyConnection) -> StreamStats:
    row = connection.execute(
        f"""
        with keyed as (
            select *, coalesce(customer, anonymous_customer_id) as join_key from stream
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


def package_models() -> dict[str, str]:
    """One dbt model per join type, calling the package's public macro."""
    models = {}
    for join_type in JOIN_TYPES:
        extra = "aggregation='count'" if join_type.startswith("aggregate") else f"columns={list(FIRST_LAST_COLUMNS)}"
        models[join_type] = (
            "{{ activity_schema.temporal_join(stream=source('bench', 'stream'), "
            f"cohort_activity='{COHORT}', target_activity='{TARGET}', join_type='{join_type}', {extra}) }}}}\n"
        )
    return models


def compile_package_sql(project_dir: Path) -> dict[str, str]:
    """Write a tiny dbt project using the package, `dbt deps` + `dbt compile` it, and
    return the compiled SQL of each join type."""
    models_dir = project_dir / "models"
    models_dir.mkdir(parents=True, exist_ok=True)
    (project_dir / "dbt_project.yml").write_text(
        "name: activity_schema_bench\nversion: 0.1.0\nconfig-version: 2\nprofile: activity_schema_bench\nmodel-paths: [models]\n"
    )
    # Compiling never touches data, but dbt-duckdb keeps its database open in-process for
    # the life of the process; so dbt gets its own file. Its name gives the catalog of the
    # compiled relations ("bench"), the same as the timed database's .bench/bench.duckdb.
    (project_dir / "profiles.yml").write_text(
        "activity_schema_bench:\n  target: duckdb\n  outputs:\n    duckdb:\n"
        f"      type: duckdb\n      path: '{project_dir / 'bench.duckdb'}'\n      threads: 1\n"
    )
    (project_dir / "packages.yml").write_text(f"packages:\n  - local: '{REPO_ROOT}'\n")
    (models_dir / "sources.yml").write_text("version: 2\nsources:\n  - name: bench\n    schema: main\n    tables:\n      - name: stream\n")
    for join_type, sql in package_models().items():
        (models_dir / f"bench_{join_type}.sql").write_text(sql)
    workspace = DbtWorkspace(target="duckdb", workdir=project_dir / "run", project_dir=project_dir)
    workspace.invoke("deps")
    workspace.invoke("compile", "--quiet", "--select", "package:activity_schema_bench")
    compiled = workspace.workdir / "target" / "compiled" / "activity_schema_bench" / "models"
    return {join_type: (compiled / f"bench_{join_type}.sql").read_text() for join_type in JOIN_TYPES}


def naive_sql(join_type: str) -> str:
    """The same join as an inequality self-join plus GROUP BY, the way the public activity
    schema packages write it, from the semantics of issue 3."""
    pick, relation = join_type.split("_", 1)
    name = f"{join_type}_{TARGET}"
    condition = {
        "ever": "",
        "all_ever": "",
        "before": "and target.ts < cohort.ts",
        "after": "and target.ts > cohort.ts",
        "in_between": "and target.ts > cohort.ts and (next_cohort.next_ts is null or target.ts <= next_cohort.next_ts)",
    }[relation]
    if pick == "aggregate":
        pick_target, appended, chosen_join = "count(target.activity_id) as matches", f"matched.matches as {name}_count", ""
    else:
        # Order is (ts, activity_id): the smallest pair is the first target, the largest the last.
        arg = "arg_min" if pick == "first" else "arg_max"
        pick_target = f"{arg}(target.activity_id, (target.ts, target.activity_id)) as chosen_id"
        appended = ", ".join(f"chosen.{column} as {name}_{column}" for column in FIRST_LAST_COLUMNS)
        chosen_join = "left join stream as chosen on chosen.activity_id = matched.chosen_id"
    next_cohort = ""
    if relation == "in_between":
        # The next cohort occurrence of the key in (ts, activity_id) order, found by an
        # inequality self-join of the cohort rows: a tied later occurrence closes the segment at once.
        next_cohort = """,
        next_cohort as (
            select cohort.activity_id, min(later.ts) as next_ts
            from cohort
            left join cohort as later
              on later.join_key = cohort.join_key
             and (later.ts > cohort.ts or (later.ts = cohort.ts and later.activity_id > cohort.activity_id))
            group by cohort.activity_id
        )"""
    return f"""
        with keyed as (
            select activity_id, ts, activity, coalesce(customer, anonymous_customer_id) as join_key
            from stream
            where coalesce(customer, anonymous_customer_id) is not null
        ),
        cohort as (select * from keyed where activity = '{COHORT}'),
        target as (select * from keyed where activity = '{TARGET}'){next_cohort},
        matched as (
            select cohort.activity_id, {pick_target}
            from cohort
            {'join next_cohort on next_cohort.activity_id = cohort.activity_id' if next_cohort else ''}
            left join target on target.join_key = cohort.join_key {condition}
            group by cohort.activity_id
        )
        select stream.*, {appended}
        from matched
        join stream on stream.activity_id = matched.activity_id
        {chosen_join}
    """


def timed(connection: duckdb.DuckDBPyConnection, table: str, sql: str, timeout: float | None = None) -> float | None:
    """Seconds to materialise `sql` as `table`; None when it ran past `timeout` and was interrupted."""
    timer = threading.Timer(timeout, connection.interrupt) if timeout else None
    start = time.perf_counter()
    if timer:
        timer.start()
    try:
        connection.execute(f"create or replace table {table} as {sql}")
    except duckdb.InterruptException:
        return None
    finally:
        if timer:
            timer.cancel()
    return time.perf_counter() - start


def best_of(connection: duckdb.DuckDBPyConnection, table: str, sql: str, repeat: int, timeout: float | None = None) -> float | None:
    """Best of `repeat` runs, both sides alike; a run over LONG_RUN seconds is not repeated
    (noise is small next to it), and one past `timeout` gives None."""
    best: float | None = None
    for _ in range(repeat):
        seconds = timed(connection, table, sql, timeout)
        if seconds is None:
            return None
        best = seconds if best is None else min(best, seconds)
        if seconds > LONG_RUN:
            break
    return best


def symmetric_difference(connection: duckdb.DuckDBPyConnection, left: str, right: str) -> int:
    """Rows in one table and not the other, duplicates counted: 0 means identical results."""
    columns = [
        connection.execute(f"select * from {table} limit 0").description for table in (left, right)
    ]
    if [c[0] for c in columns[0]] != [c[0] for c in columns[1]]:
        raise BenchmarkInvalid(f"{left} and {right} have different columns: {[c[0] for c in columns[0]]} vs {[c[0] for c in columns[1]]}")
    row = connection.execute(
        f"select count(*) from ((select * from {left} except all select * from {right})"
        f" union all (select * from {right} except all select * from {left}))"
    ).fetchone()
    assert row is not None
    return int(row[0])


def matched_rows(connection: duckdb.DuckDBPyConnection, table: str, join_type: str) -> int:
    found = f"{join_type}_{TARGET}_count > 0" if join_type.startswith("aggregate") else f"{join_type}_{TARGET}_ts is not null"
    row = connection.execute(f"select count(*) from {table} where {found}").fetchone()
    assert row is not None
    return int(row[0])


def output_floor(connection: duckdb.DuckDBPyConnection, repeat: int) -> float:
    """Seconds to write the cohort rows alone: every formulation's result holds them, so no
    join can take less, and no speed-up over the self-join can exceed self-join / floor."""
    seconds = best_of(connection, "floor_result", f"select * from stream where activity = '{COHORT}'", repeat)
    assert seconds is not None, "the floor runs without a timeout"
    connection.execute("drop table floor_result")
    return seconds


def bench_size(
    connection: duckdb.DuckDBPyConnection, size: int, package_sql: dict[str, str], settings: Settings, progress: Progress
) -> tuple[StreamStats, float, list[Timing]]:
    task = progress.add_task(f"{size:,} rows: generating", total=len(JOIN_TYPES))
    generate_stream(connection, size, settings.seed, settings.events_median, settings.history(size))
    stats = stream_stats(connection)
    floor = output_floor(connection, settings.repeat)
    timings = []
    for join_type in JOIN_TYPES:
        progress.update(task, description=f"{size:,} rows: {join_type} package")
        package = best_of(connection, "package_result", package_sql[join_type], settings.repeat)
        assert package is not None, "the package side runs without a timeout"
        progress.update(task, description=f"{size:,} rows: {join_type} self-join")
        naive = best_of(connection, "naive_result", naive_sql(join_type), settings.repeat, settings.naive_timeout)
        if naive is not None:
            difference = symmetric_difference(connection, "package_result", "naive_result")
            if difference:
                raise BenchmarkInvalid(f"{join_type} at {size:,} rows: package and self-join differ in {difference:,} rows (seed {settings.seed})")
        if not matched_rows(connection, "package_result", join_type):
            raise BenchmarkInvalid(f"{join_type} at {size:,} rows: no cohort row found a target, so agreeing proves nothing")
        timing = Timing(size, join_type, package, naive)
        timings.append(timing)
        naive_text = f"{naive:.2f}s {naive / timing.package:.1f}x same" if naive is not None else f"> {settings.naive_timeout:g}s unchecked"
        progress.console.print(f"{size:>10,} {join_type:<21} package {timing.package:.2f}s self-join {naive_text}")
        progress.advance(task)
    connection.execute("drop table if exists package_result; drop table if exists naive_result")
    progress.update(task, description=f"{size:,} rows: done")
    return stats, floor, timings


def run_benchmark(settings: Settings, workdir: Path, output: Path, console: Console) -> list[Timing]:
    load_at_start, wall_at_start, cpu_at_start = os.getloadavg()[0], time.perf_counter(), time.process_time()
    workdir.mkdir(parents=True, exist_ok=True)
    with console.status("compiling the package's twelve joins with dbt"):
        package_sql = compile_package_sql(workdir / "project")
    database = workdir / "bench.duckdb"
    database.unlink(missing_ok=True)
    stats: dict[int, StreamStats] = {}
    floors: dict[int, float] = {}
    timings: list[Timing] = []
    with duckdb.connect(str(database)) as connection, Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console
    ) as progress:
        for size in settings.sizes:
            stats[size], floors[size], size_timings = bench_size(connection, size, package_sql, settings, progress)
            timings += size_timings
        cores_used = (time.process_time() - cpu_at_start) / (time.perf_counter() - wall_at_start)
        machine = machine_description(connection, load_at_start, cores_used)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report(settings, machine, stats, floors, timings))
    console.print(f"[green]figures written to {output}[/]")
    return timings


def machine_description(connection: duckdb.DuckDBPyConnection, load_at_start: float, cores_used: float) -> list[str]:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        cpu = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")), cpu)
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    threads, memory_limit = connection.execute("select current_setting('threads'), current_setting('memory_limit')").fetchone() or ("?", "?")
    return [
        f"- CPU: {cpu}, {os.cpu_count()} logical cores",
        f"- RAM: {ram:.0f} GiB",
        # Other work on the machine inflates wall times: these two lines say how much there was.
        f"- Load average (1 min) at the start / end of the run: {load_at_start:.1f} / {os.getloadavg()[0]:.1f}",
        f"- Cores this process kept busy on average (CPU time / wall time over the run): {cores_used:.2f}",
        f"- DuckDB {duckdb.__version__} (threads {threads}, memory_limit {memory_limit}), Python {platform.python_version()}, {platform.system()} {platform.release()}",
    ]


def report(settings: Settings, machine: list[str], stats: dict[int, StreamStats], floors: dict[int, float], timings: list[Timing]) -> str:
    sizes = settings.sizes
    small, large = sizes[0], sizes[-1]
    row_ratio = large / small
    growth_limit = 1.2 * row_ratio
    by_key = {(t.size, t.join_type): t for t in timings}

    def seconds(value: float | None) -> str:
        return f"> {settings.naive_timeout:g}" if value is None else f"{value:.2f}"

    def self_join_over(t: Timing, seconds: float) -> str:
        # A self-join that ran out of time gives a lower bound.
        return f"{'> ' if t.naive is None else ''}{self_join_seconds(t, settings) / seconds:.1f}x"

    def label(size: int) -> str:
        return f"{size / 1e6:g}M" if size >= 1_000_000 else f"{size / 1e3:g}k"

    lines = [
        "# Temporal join benchmark",
        "",
        f"Written by `make bench` (`activity-harness bench --seed {settings.seed} "
        + " ".join(f"--sizes {s}" for s in sizes)
        + (f" --events-median {settings.events_median:g}" if settings.events_median != EVENTS_MEDIAN else "")
        + (f" --growth {settings.growth}" if settings.growth != "people" else "")
        + f"`) on {date.today().isoformat()}; regenerate rather than edit.",
        "",
        f"Each of the twelve join types of issue 3 ({COHORT} cohort, {TARGET} target, cohort_filter 'all';",
        f"first/last append {', '.join(FIRST_LAST_COLUMNS)}, aggregates a count) runs once through the package",
        "and once as a naive inequality self-join plus GROUP BY (the formulation of the public activity schema",
        "packages, written from the documented semantics; `*_in_between` finds the next cohort occurrence with a",
        "second inequality self-join). The package SQL is compiled by dbt and executed with the DuckDB Python API,",
        "so dbt overhead is excluded; both sides materialise their result with `create or replace table`.",
        f"Times: best of {settings.repeat} runs on both sides, a single run where it took over {LONG_RUN:g} s. A self-join run is",
        f"interrupted after {settings.naive_timeout:g} s (shown as `> {settings.naive_timeout:g}`; the ratio is then a lower bound).",
        f"{sum(t.naive is not None for t in timings)} of the {len(timings)} self-join results finished and were compared with the",
        "package's (symmetric difference, duplicates counted): all identical, as any difference stops the benchmark.",
        "The self-join's work grows with the cohort x target pairs sharing a key (last column of the data table),",
        "which DuckDB's hash join on the key then filters by the inequality; the package's is one sort of the",
        "cohort and target rows.",
        "",
        "## Machine",
        "",
        *machine,
        "",
        "## Data",
        "",
        "Generated with NumPy (Faker for the page and category vocabularies). "
        + (
            "A bigger stream is the same people observed for longer: each person's events and the time span are multiplied by the row ratio."
            if settings.growth == "history"
            else "The same shape at every size: a bigger stream has more people, not busier ones."
        ),
        f"Events per person at the smallest size: ceil(lognormal(ln {settings.events_median:g}, {EVENTS_SIGMA:g})),",
        "a heavy tail of very active people, which is what makes self-joins explode in practice. Activities:",
        ", ".join(f"{a} {w:.0%}" for a, w in zip(ACTIVITIES, ACTIVITY_WEIGHTS))
        + f"; revenue on purchases. {ANONYMOUS_SHARE:.0%} of people are anonymous-only,",
        f"{SERVER_SIDE_SHARE:.0%} of identified people's rows carry no anonymous id, {KEYLESS_SHARE:.1%} of rows have no id at all.",
        f"Timestamps are uniform over {SPAN_MINUTES // 1440} days{' times the row ratio' if settings.growth == 'history' else ''} at minute resolution, and {TIE_SHARE:.0%} of rows repeat the",
        "minute of the person's previous row, so ties are common. Rows are stored in time order.",
        "",
        "| rows | people | anonymous-only | events/person median / p99 / max | cohort rows | target rows | rows tied on (key, ts) | cohort x target pairs sharing a key |",
        "|---:|---:|---:|---|---:|---:|---:|---:|",
        *(
            f"| {s.rows:,} | {s.people:,} | {s.anonymous_people:,} | {s.median_events:g} / {s.p99_events:.0f} / {s.max_events:,} "
            f"| {s.cohort_rows:,} | {s.target_rows:,} | {s.tied_rows:,} | {s.candidate_pairs:,} |"
            for s in stats.values()
        ),
        "",
        "## Results",
        "",
        "Times in seconds. Growth: time at the largest size over time at the smallest; the row ratio is "
        f"{row_ratio:g}x.",
        "",
        "Output floor: every result holds the cohort rows, and writing them alone (`create table as select * from stream",
        f"where activity = '{COHORT}'`, best of {settings.repeat}) takes "
        + ", ".join(f"{floors[s]:.2f} s at {label(s)}" for s in sizes)
        + ". No formulation can beat the self-join",
        f"by more than self-join / floor: the ceiling column, at {label(large)}.",
        "",
        "| join type | " + " | ".join(f"package {label(s)} | self-join {label(s)} | ratio {label(s)}" for s in sizes)
        + f" | ceiling {label(large)} | package growth | self-join growth |",
        "|---" + "|---:" * (3 * len(sizes) + 3) + "|",
    ]
    for join_type in JOIN_TYPES:
        first, last = by_key[(small, join_type)], by_key[(large, join_type)]
        self_growth = f"{last.naive / first.naive:.1f}x" if first.naive and last.naive else "n/a"
        lines.append(
            f"| {join_type} | "
            + " | ".join(f"{by_key[(s, join_type)].package:.2f} | {seconds(by_key[(s, join_type)].naive)} | {self_join_over(by_key[(s, join_type)], by_key[(s, join_type)].package)}" for s in sizes)
            + f" | {self_join_over(last, floors[large])} | {last.package / first.package:.1f}x | {self_growth} |"
        )
    lines += ["", *verdict(settings, by_key, floors[large], row_ratio, growth_limit, label(large))]
    return "\n".join(lines) + "\n"


def self_join_seconds(timing: Timing, settings: Settings) -> float:
    """The self-join's time; one that timed out counts at its timeout, the least it would have taken."""
    return timing.naive if timing.naive is not None else settings.naive_timeout


def verdict(
    settings: Settings, by_key: dict[tuple[int, str], Timing], floor: float, row_ratio: float, growth_limit: float, large_label: str
) -> list[str]:
    small, large = settings.sizes[0], settings.sizes[-1]
    largest = [by_key[(large, j)] for j in JOIN_TYPES]
    speedups = {t.join_type: self_join_seconds(t, settings) / t.package for t in largest}
    growths = {j: by_key[(large, j)].package / by_key[(small, j)].package for j in JOIN_TYPES}
    slow = [f"{j} ({s:.1f}x)" for j, s in speedups.items() if s < 10]
    # Where the self-join takes under 10 x the output floor, no formulation could be 10x faster.
    capped = [t.join_type for t in largest if t.naive is not None and t.naive < 10 * floor]
    steep = [f"{j} ({g:.1f}x)" for j, g in growths.items() if g > growth_limit]
    total_growth = sum(t.package for t in largest) / sum(by_key[(small, j)].package for j in JOIN_TYPES)
    return [
        "## Verdict",
        "",
        f"- At least 10x faster than the self-join at {large_label} rows: "
        + ("**met** for all twelve joins" if not slow else f"**missed** for {len(slow)} of 12: {', '.join(slow)}")
        + f" (smallest speed-up {min(speedups.values()):.1f}x, largest {max(speedups.values()):.1f}x)."
        + (
            f" For {len(capped)} of them the self-join takes under 10 x the output floor, so no formulation could be 10x faster."
            if capped
            else ""
        ),
        f"- Time growing no faster than 1.2 x the row ratio ({growth_limit:.1f}x for {row_ratio:g}x the rows): "
        + ("**met** for all twelve joins" if not steep else f"**missed** for {len(steep)} of 12: {', '.join(steep)}")
        + f" (largest growth {max(growths.values()):.1f}x; all twelve together {total_growth:.1f}x).",
    ]


@click.command()
@click.option("--sizes", type=int, multiple=True, default=DEFAULT_SIZES, show_default=True, help="Stream rows; repeat for several sizes, smallest first.")
@click.option("--seed", default=DEFAULT_SEED, show_default=True, help="Random seed of the generated streams.")
@click.option("--output", type=click.Path(path_type=Path), default=DEFAULT_OUTPUT, show_default=True, help="Markdown file of the figures.")
@click.option("--workdir", type=click.Path(path_type=Path), default=DEFAULT_WORKDIR, show_default=True, help="Scratch directory: DuckDB file and dbt project.")
@click.option("--repeat", default=3, show_default=True, help="Runs per query on each side; the best is kept.")
@click.option("--naive-timeout", default=50.0, show_default=True, help="Seconds before a self-join run is interrupted.")
@click.option("--events-median", default=EVENTS_MEDIAN, show_default=True, help="Median events per person of the smallest stream.")
@click.option(
    "--growth", type=click.Choice(["people", "history"]), default="people", show_default=True,
    help="How a bigger stream differs: more people alike, or the same people over a longer time.",
)
def bench(
    sizes: tuple[int, ...], seed: int, output: Path, workdir: Path, repeat: int, naive_timeout: float, events_median: float, growth: str
) -> None:
    """Time the twelve temporal joins against a naive self-join formulation."""
    if list(sizes) != sorted(set(sizes)):
        raise click.BadParameter("give distinct sizes, smallest first", param_hint="--sizes")
    run_benchmark(Settings(tuple(sizes), seed, repeat, naive_timeout, events_median, growth), workdir, output, Console())
