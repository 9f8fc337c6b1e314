"""Chart primitives shared by the example reports: one look, PNGs that are the same bytes
for the same data (no timestamps or software versions in the files). Figures are drawn
with matplotlib's object API and its Agg canvas: no pyplot, no display, no global figures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import matplotlib
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap
from matplotlib.dates import date2num
from matplotlib.figure import Figure

INK = "#1f2933"
MUTED = "#7b8794"
GRID = "#e4e7eb"
ACCENT = "#2f6fde"
ACCENT_2 = "#e8833a"
ACCENT_3 = "#3aa76d"
PALETTE = (ACCENT, ACCENT_2, ACCENT_3, "#9b59b6", "#c0392b", "#16a085")
RETENTION_MAP = LinearSegmentedColormap.from_list("retention", ["#f5f8ff", "#9cbcf2", ACCENT, "#173f8a"])

matplotlib.rcParams.update({
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "axes.titlecolor": INK,
    "axes.titlesize": 13,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.titlepad": 26,
    "axes.axisbelow": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": GRID,
    "grid.linewidth": 0.8,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "svg.hashsalt": "activity_schema",
})


def figure(width: float = 9.0, height: float = 4.8) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width, height), dpi=110)
    return fig, fig.subplots()


def subtitle(ax: Axes, text: str) -> None:
    """A grey line under the title saying how to read the chart."""
    ax.text(0, 1.02, text, transform=ax.transAxes, color=MUTED, fontsize=9, va="bottom")


def save(fig: Figure, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.tight_layout()
    fig.savefig(path, format="png", metadata={"Software": None})
    return path


def thousands(value: float) -> str:
    return f"{value:,.0f}"


def funnel(path: Path, steps: Sequence[str], people: Sequence[int], title: str, note: str) -> Path:
    """Horizontal bars, widest first, each labelled with its count, its share of the first
    step and the share of the step before."""
    fig, ax = figure(9.0, 0.75 * len(steps) + 1.6)
    positions = np.arange(len(steps))[::-1]
    top = max(people) or 1
    ax.barh(positions, people, color=[PALETTE[0]] * len(steps), height=0.62, alpha=0.9)
    for position, count, previous in zip(positions, people, [None, *people[:-1]]):
        share = f"{count / top:.1%} of all"
        step = f", {count / previous:.0%} of the step before" if previous else ""
        ax.text(count + top * 0.01, position, f"{thousands(count)}  ({share}{step})", va="center", color=INK, fontsize=9)
    ax.set_yticks(positions, [s.replace("_", " ") for s in steps])
    ax.set_xlim(0, top * 1.55)
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_formatter(lambda value, _: thousands(value))
    ax.set_title(title)
    subtitle(ax, note)
    return save(fig, path)


def heatmap(path: Path, rows: Sequence[str], columns: Sequence[int], values: np.ndarray, title: str, note: str, column_label: str) -> Path:
    """A triangle of shares (NaN cells are blank), annotated with percentages."""
    fig, ax = figure(10.5, 0.32 * len(rows) + 2.0)
    masked = np.ma.masked_invalid(values)
    image = ax.imshow(masked, cmap=RETENTION_MAP, vmin=0, vmax=1, aspect="auto")
    ax.grid(False)
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            if not np.isnan(values[i, j]):
                ax.text(j, i, f"{values[i, j]:.0%}", ha="center", va="center", fontsize=7, color="white" if values[i, j] > 0.55 else INK)
    ax.set_xticks(range(len(columns)), [str(c) for c in columns])
    ax.set_yticks(range(len(rows)), rows)
    ax.set_xlabel(column_label)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(image, ax=ax, fraction=0.025, pad=0.01, format=lambda value, _: f"{value:.0%}")
    bar.outline.set_visible(False)
    ax.set_title(title)
    subtitle(ax, note)
    return save(fig, path)


def histogram(path: Path, values: Sequence[float], step: float, limit: float, title: str, note: str, xlabel: str, marker: float | None = None, marker_label: str = "") -> Path:
    """Bars of `step` width up to `limit`; values beyond it are gathered in a last bar labelled "limit+"."""
    fig, ax = figure()
    bins = np.arange(0, limit + 2 * step, step)
    ax.hist(np.minimum(np.asarray(values, dtype=float), limit + step / 2), bins=list(bins), color=ACCENT, alpha=0.9, edgecolor="white", linewidth=0.6)
    ticks = np.arange(0, limit, max(step, limit / 6))
    ax.set_xticks([*ticks, limit + step / 2], [f"{t:g}" for t in ticks] + [f"{limit:g}+"])
    if marker is not None:
        ax.axvline(marker, color=ACCENT_2, linewidth=2)
        ax.text(marker, ax.get_ylim()[1] * 0.95, f"  {marker_label}", color=ACCENT_2, va="top", fontsize=9)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("count")
    ax.grid(axis="x", visible=False)
    ax.set_title(title)
    subtitle(ax, note)
    return save(fig, path)


def bars(path: Path, labels: Sequence[str], series: dict[str, Sequence[float]], title: str, note: str, ylabel: str, stacked: bool = False) -> Path:
    fig, ax = figure()
    positions = np.arange(len(labels))
    width = 0.8 if stacked else 0.8 / len(series)
    bottom = np.zeros(len(labels))
    for index, (name, values) in enumerate(series.items()):
        offset = 0 if stacked else (index - (len(series) - 1) / 2) * width
        ax.bar(positions + offset, values, width=width, bottom=bottom if stacked else None, color=PALETTE[index % len(PALETTE)], label=name, alpha=0.9)
        if stacked:
            bottom = bottom + np.asarray(values, dtype=float)
    ax.set_xticks(positions, labels)
    ax.set_ylabel(ylabel)
    ax.grid(axis="x", visible=False)
    if len(series) > 1:
        ax.legend(loc="best")
    ax.set_title(title)
    subtitle(ax, note)
    return save(fig, path)


def daily_lines(path: Path, days: Sequence[date | datetime], series: dict[str, Sequence[float]], title: str, note: str, markers: Sequence[tuple[date | datetime, str]] = ()) -> Path:
    """Daily series (the first on the left axis, a second one on a right axis), with
    labelled vertical markers (load cuts)."""
    fig, ax = figure(10.5, 4.6)
    names = list(series)
    x = date2num(list(days))
    ax.xaxis_date()
    ax.plot(x, series[names[0]], color=ACCENT, linewidth=1.4, label=names[0])
    ax.set_ylabel(names[0], color=ACCENT)
    if len(names) > 1:
        right = ax.twinx()
        right.plot(x, series[names[1]], color=ACCENT_2, linewidth=1.1, alpha=0.85, label=names[1])
        right.set_ylabel(names[1], color=ACCENT_2)
        right.grid(False)
        right.spines["right"].set_visible(True)
    for when, label in markers:
        ax.axvline(date2num(when), color=MUTED, linestyle="--", linewidth=1)
        ax.text(date2num(when), ax.get_ylim()[1], f" {label}", color=MUTED, fontsize=8, va="top", rotation=90)
    fig.autofmt_xdate()
    ax.set_title(title)
    subtitle(ax, note)
    return save(fig, path)


def timeline(path: Path, lanes: Sequence[tuple[str, Sequence[tuple[datetime, datetime, str]]]], activity: tuple[Sequence[date], Sequence[float]] | None,
             title: str, note: str, end: datetime, markers: Sequence[tuple[date | datetime, str]] = ()) -> Path:
    """Versions of an entity as bars per attribute lane (each labelled with its value), with
    the entity's daily activity underneath."""
    fig = Figure(figsize=(10.5, 1.0 + 0.7 * len(lanes) + 1.8), dpi=110)
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [max(len(lanes), 1), 1.6]})
    for lane_index, (_lane, segments) in enumerate(lanes):
        y = len(lanes) - 1 - lane_index
        for segment_index, (start, stop, label) in enumerate(segments):
            stop = stop or end
            top.barh(y, (stop - start).total_seconds() / 86400, left=start, height=0.6, color=PALETTE[segment_index % len(PALETTE)], alpha=0.85, edgecolor="white")
            top.text(start + (stop - start) / 2, y, label, ha="center", va="center", color="white", fontsize=8, fontweight="bold", clip_on=True)
    top.set_yticks(range(len(lanes)), [lane for lane, _ in lanes][::-1])
    top.grid(axis="y", visible=False)
    top.set_title(title)
    subtitle(top, note)
    if activity is not None:
        bottom.bar(activity[0], activity[1], color=MUTED, width=1.0, align="edge")
        bottom.set_ylabel("views / day")
    for when, label in markers:
        for ax in (top, bottom):
            ax.axvline(date2num(when), color=INK, linestyle=":", linewidth=1)
        bottom.text(date2num(when), bottom.get_ylim()[1], f" {label}", color=INK, fontsize=8, va="top")
    fig.autofmt_xdate()
    return save(fig, path)
