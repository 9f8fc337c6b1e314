"""The benchmark's figures: one Markdown file and one chart per stream shape."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..paths import REPO_ROOT
from .cases import BASIC_CASES, CASES, MULTI, MULTI_CASES
from .streams import COHORT, TARGET

if TYPE_CHECKING:
    from .run import Measure, Settings, SizeResult

DEFAULT_OUTPUT_DIR = REPO_ROOT / "benchmarks" / "temporal_joins"
# Where each warehouse's figures go unless --output-dir says otherwise.
OUTPUT_DIRS = {"duckdb": DEFAULT_OUTPUT_DIR, "postgres": DEFAULT_OUTPUT_DIR / "postgres"}
PEER_NAMES = {"b": "bcodell (B)", "t": "tnightengale (T)"}
WAREHOUSE_NAMES = {"duckdb": "DuckDB", "postgres": "Postgres"}
# Joins where the peers pair every cohort row with every earlier or later target of the person.
PAIRING = ("first_after", "last_before", "aggregate_before", "aggregate_after")


def _label(size: int) -> str:
    return f"{size / 1e6:g}M" if size >= 1_000_000 else f"{size / 1e3:g}k"


def _seconds(value: float | None, timeout: float) -> str:
    return f"> {timeout:g}" if value is None else f"{value:.2f}"


class Fastest(NamedTuple):
    name: str
    seconds: float
    timed_out: bool  # then `seconds` is its timeout, and a ratio to it a lower bound


def fastest_other(measure: Measure, settings: Settings) -> Fastest:
    """The fastest of the self-join and the peers (a timed-out one counts at its timeout)."""
    others = {"self-join": (measure.naive, settings.naive_timeout), **{PEER_NAMES[k]: (v, settings.timeout) for k, v in measure.peers.items()}}
    return min((Fastest(n, timeout if s is None else s, s is None) for n, (s, timeout) in others.items()), key=lambda f: f.seconds)


def _versus(fastest: Fastest, ours: float) -> str:
    """The `vs fastest` cell: a lower bound (`>`) when the fastest other timed out."""
    return f"{'> ' if fastest.timed_out else ''}{fastest.seconds / ours:.2f}x ({fastest.name}{', timed out' if fastest.timed_out else ''})"


def rows_differ(measure: Measure, fastest: Fastest) -> int:
    """Cohort rows where the fastest other formulation, when it is a peer, answers otherwise
    than the package (the self-join never does: the benchmark stops on any difference)."""
    kind = next((k for k, name in PEER_NAMES.items() if name == fastest.name), None)
    return measure.peer_differences.get(kind, 0) if kind else 0


def slower_than_others(settings: Settings, results: list[SizeResult]) -> list[str]:
    """The joins and sizes where another formulation was faster, with the rows it answers
    otherwise when it is a peer that does."""
    slower = []
    for r in results:
        for m in r.measures:
            fastest = fastest_other(m, settings)
            if m.case not in MULTI_CASES and fastest.seconds < m.ours:
                differ = rows_differ(m, fastest)
                slower.append(f"{m.case} at {_label(r.size)}: {_versus(fastest, m.ours)}" + (f", whose rows differ in {differ:,}" if differ else ""))
    return slower


def verdict(settings: Settings, results: list[SizeResult]) -> list[str]:
    lines = ["## Verdict", ""]
    timeout = settings.timeout
    slower = slower_than_others(settings, results)
    lines.append("1. At least as fast as the fastest of the self-join and the peers on every join and size: "
                 + ("**met**" if not slower else f"**missed** for {len(slower)}: {'; '.join(slower)}") + ".")
    largest = results[-1]
    if settings.peers:
        pairing = []
        for m in largest.measures:
            if m.case in PAIRING and m.peers:
                faster_peer = min(timeout if s is None else s for s in m.peers.values())
                pairing.append((m.case, faster_peer / m.ours, any(s is None for s in m.peers.values())))
        missed = [case for case, ratio, _ in pairing if ratio < 10]
        bounds = [f"{case} {ratio:.1f}x" + (" (a lower bound: a peer timed out)" if timed_out else "") for case, ratio, timed_out in pairing]
        lines.append(f"2. At least 10x ahead of the faster peer where the peers pair rows ({', '.join(PAIRING)}) at {_label(largest.size)}: "
                     + ("**met**" if not missed else f"**missed** for {', '.join(missed)}") + f" ({', '.join(bounds)}).")
    else:
        lines.append("2. Against the peers: not measured in this run (no --peers).")
    over = [f"{m.case} at {_label(r.size)} ({m.ours / r.floor:.1f}x)" for r in results for m in r.measures if m.case not in MULTI_CASES and m.ours > 2 * r.floor]
    lines.append("3. Within 2x of the output floor for every join: " + ("**met**" if not over else f"**missed** for {len(over)}: {', '.join(over)}") + ".")
    multi = []
    for r in results:
        by_case = {m.case: m.ours for m in r.measures}
        slowest = max(by_case[c.name] for c in BASIC_CASES)
        multi.append(f"{_label(r.size)}: {by_case[MULTI]:.2f} s = {by_case[MULTI] / slowest:.1f}x the slowest single join ({slowest:.2f} s)")
    met = all(float(text.split(" = ")[1].split("x")[0]) <= 3 for text in multi)
    lines.append("4. multi_temporal_analysis with the twelve joins within 3x of the slowest single join: "
                 + ("**met**" if met else "**missed**") + f" ({'; '.join(multi)}).")
    builder = []
    for r in results:
        by_case = {m.case: m.ours for m in r.measures}
        for case in CASES:
            if case.name != case.join_type:
                plain = plain_join_type(case.join_type)
                builder.append((f"{case.name} at {_label(r.size)}", by_case[case.name] / by_case[plain], plain))
    missed_builder = [f"{name} ({ratio:.2f}x {plain})" for name, ratio, plain in builder if ratio > 2]
    lines.append("5. The dataset builder's nth, within and match joins within 2x of the plain join of the same type: "
                 + ("**met**" if not missed_builder else f"**missed** for {', '.join(missed_builder)}")
                 + f" ({', '.join(f'{name} {ratio:.2f}x {plain}' for name, ratio, plain in builder)}).")
    return lines


def multi_calls(result: SizeResult) -> list[str]:
    """A line per multi_temporal_analysis call: its seconds and its slowest join's."""
    by_case = {m.case: m.ours for m in result.measures}
    lines = []
    for name, join_types in MULTI_CASES.items():
        slowest = max(join_types, key=by_case.__getitem__)
        joins = "all twelve basic joins" if len(join_types) == len(BASIC_CASES) else ", ".join(join_types)
        lines.append(f"- {name} ({joins}): {by_case[name]:.2f} s, {by_case[name] / by_case[slowest]:.1f}x {slowest} ({by_case[slowest]:.2f} s)")
    return lines


def plain_join_type(join_type: str) -> str:
    """The join an nth join is measured against: the first pick of the same relation."""
    return join_type.replace("nth_", "first_", 1)


def chart(settings: Settings, result: SizeResult, peers: list[str], path: Path) -> None:
    """Seconds per join at the largest size, each formulation a bar (log scale)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    measures = [m for m in result.measures if m.case not in MULTI_CASES]
    # Each formulation's seconds, and where a timed-out run is drawn.
    series: dict[str, tuple[list[float | None], float]] = {
        "activity_schema": ([m.ours for m in measures], 0.0), "plain self-join": ([m.naive for m in measures], settings.naive_timeout)}
    for kind in peers:
        series[PEER_NAMES[kind]] = ([m.peers.get(kind, float("nan")) if kind in m.peers else float("nan") for m in measures], settings.timeout)
    figure, axes = plt.subplots(figsize=(9, 0.42 * len(measures) + 1.5))
    height = 0.8 / len(series)
    colours = ["#1b7837", "#999999", "#762a83", "#e08214"]
    for index, (label, (values, timeout)) in enumerate(series.items()):
        shown = [timeout if v is None else v for v in values]
        positions = [row + index * height for row in range(len(measures))]
        axes.barh(positions, shown, height=height, label=label, color=colours[index % len(colours)])
        for position, value in zip(positions, values):
            if value is None:
                axes.text(timeout, position, " timed out", va="center", fontsize=7)
    axes.set_yticks([row + 0.4 - height / 2 for row in range(len(measures))], [m.case for m in measures], fontsize=8)
    axes.invert_yaxis()
    axes.set_xscale("log")
    axes.set_xlabel(f"seconds at {_label(result.size)} rows (log scale; lower is better)")
    axes.axvline(result.floor, color="black", linestyle=":", linewidth=1, label="output floor")
    axes.legend(fontsize=8, loc="lower right")
    axes.set_title(textwrap.fill(f"Temporal joins on {WAREHOUSE_NAMES[settings.warehouse]}, {settings.shape.description}", 90), fontsize=10)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def _output_dir_option(output_dir: Path, warehouse: str) -> str:
    """The --output-dir the command that wrote the figures needs to write them there again:
    none for the warehouse's own folder (else rerunning the command a file gives would
    overwrite that folder's figures of other sizes)."""
    resolved = output_dir.resolve()
    if resolved == OUTPUT_DIRS[warehouse].resolve():
        return ""
    return f" --output-dir {resolved.relative_to(REPO_ROOT) if resolved.is_relative_to(REPO_ROOT) else output_dir}"


def write_report(settings: Settings, machine: list[str], how_run: str, results: list[SizeResult], peers: list[str], output_dir: Path) -> list[Path]:
    """Write <shape>.md and <shape>.png under output_dir; return their paths."""
    output_dir.mkdir(parents=True, exist_ok=True)
    markdown, picture = output_dir / f"{settings.shape.name}.md", output_dir / f"{settings.shape.name}.png"
    timeout = settings.timeout
    sizes = [r.size for r in results]
    naive_timeout = settings.naive_timeout
    command = (f"activity-harness bench{'' if settings.warehouse == 'duckdb' else ' --warehouse ' + settings.warehouse}"
               f" --shape {settings.shape.name} --seed {settings.seed} "
               + " ".join(f"--sizes {s}" for s in sizes) + "".join(f" --peers <{PEER_NAMES[k]} checkout>" for k in peers)
               + f" --repeat {settings.repeat} --timeout {timeout:g}"
               + ("" if settings.self_join_timeout is None else f" --self-join-timeout {naive_timeout:g}")
               + _output_dir_option(output_dir, settings.warehouse))
    interrupted = (f"a run is interrupted after {timeout:g} s (`> {timeout:g}`, counted at {timeout:g} s)" if naive_timeout == timeout
                   else f"a self-join run is interrupted after {naive_timeout:g} s and a peer run after {timeout:g} s"
                        f" (`> {naive_timeout:g}` or `> {timeout:g}`, counted at that many seconds)")
    lines = [
        f"# Temporal join benchmark{'' if settings.warehouse == 'duckdb' else ' on ' + WAREHOUSE_NAMES[settings.warehouse]}: {settings.shape.description}",
        "",
        f"Written by `{command}` on {date.today().isoformat()}; regenerate rather than edit.",
        "",
        f"Each join ({COHORT} cohort, {TARGET} target; picks append ts and revenue_impact, aggregates count) runs through",
        "activity_schema (compiled by dbt for this warehouse), as a plain inequality self-join plus GROUP BY written from the",
        "documented semantics, and through each peer package given (its own models, compiled by dbt from the checkout, over",
        f"the same rows in the shape it reads, stored in the same time order). The SQL is {how_run}.",
        f"Times: best of {settings.repeat} runs, a single run when it took over 10 s; {interrupted}. The package's result equals the",
        "self-join's row for row in every finished pair (any difference stops the benchmark).",
        "",
        "## Machine",
        "",
        *machine,
        "",
        "## Data",
        "",
        "| rows | people | anonymous-only | events/person median / p99 / max | cohort rows | target rows | rows tied on (person, ts) | cohort x target pairs sharing a person |",
        "|---:|---:|---:|---|---:|---:|---:|---:|",
        *(f"| {r.stats.rows:,} | {r.stats.people:,} | {r.stats.anonymous_people:,} | {r.stats.median_events:g} / {r.stats.p99_events:.0f} / {r.stats.max_events:,} "
          f"| {r.stats.cohort_rows:,} | {r.stats.target_rows:,} | {r.stats.tied_rows:,} | {r.stats.candidate_pairs:,} |" for r in results),
        "",
        "## Results",
        "",
        "Seconds. `vs fastest`: the fastest other formulation's time over the package's (above 1 = the package is faster;",
        "`>` when that formulation timed out, so the ratio is a lower bound).",
        "Output floor (writing the cohort rows alone, which every result holds, in no particular order, as every result is): "
        + ", ".join(f"{r.floor:.2f} s at {_label(r.size)}" for r in results) + ".",
        "",
    ]
    columns = ["activity_schema", "self-join", *(PEER_NAMES[k] for k in peers), "vs fastest", "/ floor"]
    for result in results:
        lines += [f"### {_label(result.size)} rows", "", "| join | " + " | ".join(columns) + " |", "|---" + "|---:" * len(columns) + "|"]
        for m in result.measures:
            if m.case in MULTI_CASES:
                continue
            peer_cells = [_seconds(m.peers[k], timeout) if k in m.peers else "n/a" for k in peers]
            lines.append(f"| {m.case} | {m.ours:.2f} | {_seconds(m.naive, naive_timeout)} | "
                         + " | ".join(peer_cells + [_versus(fastest_other(m, settings), m.ours), f"{m.ours / result.floor:.1f}x"]) + " |")
        lines += ["", "Joins in one `multi_temporal_analysis` call, against the slowest of them alone:", "", *multi_calls(result), ""]
    if peers:
        lines += ["## Where a peer's rows differ", "",
                  "Cohort rows whose appended values differ from activity_schema's (at the largest size), and the documented reason.", "",
                  "| join | " + " | ".join(PEER_NAMES[k] for k in peers) + " |", "|---" + "|---" * len(peers) + "|"]
        by_case = {m.case: m for m in results[-1].measures}
        for case in CASES:
            cells = []
            for kind in peers:
                measure = by_case[case.name]
                reason = case.differs_b if kind == "b" else case.differs_t
                if kind not in measure.peers:
                    cells.append("cannot express it")
                elif measure.peers[kind] is None:
                    cells.append("timed out")
                elif measure.peer_differences.get(kind):
                    cells.append(f"{measure.peer_differences[kind]:,} rows: {reason or 'UNEXPLAINED'}")
                else:
                    cells.append("identical")
            lines.append(f"| {case.name} | " + " | ".join(cells) + " |")
        lines.append("")
    lines += verdict(settings, results)
    lines += ["", f"![seconds per join at {_label(results[-1].size)} rows]({picture.name})", ""]
    markdown.write_text("\n".join(lines))
    chart(settings, results[-1], peers, picture)
    return [markdown, picture]
