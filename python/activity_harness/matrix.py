"""Warehouse × feature matrix: which package feature each node belongs to, cell-for-cell
comparison of a warehouse's tables with DuckDB's, and the report: a full test run writes
it under reports/latest/ (ignored by git); `make report` copies it to the committed
reports/warehouse_matrix.* and README.md."""

from __future__ import annotations

import contextlib
import datetime
import decimal
import html
import json
import math
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .paths import REPO_ROOT
from .project import NodeResult

Row = dict[str, Any]

COMMITTED_DIR = REPO_ROOT / "reports"
LATEST_DIR = COMMITTED_DIR / "latest"
README = REPO_ROOT / "README.md"
FEATURES = ("stream", "identity", "temporal_joins", "analysis", "headless_crm", "production", "cross_db")


def feature_of(node: dict[str, Any]) -> str | None:
    """The package feature a model or test belongs to: the integration project's models and
    tests sit in a folder per feature (models/<feature>/...)."""
    parts = Path(node["original_file_path"]).parts
    if len(parts) < 3 or parts[0] not in ("models", "tests"):
        return None
    return parts[1] if parts[1] in FEATURES else None


def feature_models(manifest: dict[str, Any], feature: str) -> list[str]:
    """Names of the enabled table-like models of a feature."""
    return sorted(
        node["name"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["config"]["materialized"] != "ephemeral" and feature_of(node) == feature
    )


def node_failures(manifest: dict[str, Any], results: Iterable[NodeResult], feature: str) -> dict[str, str]:
    """{node: message} of the feature's models and tests that did not succeed in a build.
    A warning-severity test that finds rows ("warn") did what it is for."""
    failures = {}
    for result in results:
        node = manifest["nodes"].get(result.unique_id)
        owner = node
        if node and node["resource_type"] == "test" and node.get("attached_node"):
            owner = manifest["nodes"].get(node["attached_node"], node)
        if node and owner and feature_of(owner) == feature and result.status not in ("success", "pass", "warn"):
            failures[node["name"]] = f"{result.status}: {result.message}"
    return failures


def row_differences(expected: list[Row], actual: list[Row], limit: int = 5) -> list[str]:
    """How two results differ, cell for cell after ordering (floats within 1e-9 relative,
    zoned timestamps as UTC, JSON text compared parsed); empty when they agree."""
    expected_columns, actual_columns = _columns(expected), _columns(actual)
    if expected and actual and expected_columns != actual_columns:
        return [f"columns differ: expected {sorted(expected_columns)}, got {sorted(actual_columns)}"]
    if len(expected) != len(actual):
        return [f"{len(actual)} rows, expected {len(expected)}"]
    columns = sorted(expected_columns)
    differences = []
    for position, (want, got) in enumerate(zip(_ordered(expected, columns), _ordered(actual, columns))):
        for column in columns:
            if not _same(want[column], got[column]):
                differences.append(f"row {position} column {column}: expected {want[column]!r}, got {got[column]!r}")
                if len(differences) >= limit:
                    return differences
    return differences


def _columns(rows: list[Row]) -> set[str]:
    return set(rows[0]) if rows else set()


def _normalised(value: Any) -> Any:
    if isinstance(value, str):
        if value[:1] in ("{", "["):
            with contextlib.suppress(ValueError):
                return json.loads(value)
        return value
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        return value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _sort_cell(value: Any) -> tuple[bool, str, str]:
    """A cell's place in the ordering: nulls last, then by kind, then by text. Only its
    consistency on both sides matters, so plain text serves every scalar and JSON only
    parsed JSON."""
    kind = type(value)
    if kind is str and value[:1] not in ("{", "["):  # the common cells first, for speed
        return (False, "str", value)
    if kind is int or kind is float:
        return (False, "number", f"{float(value):.9g}")
    if value is None:
        return (True, "", "")
    if kind is datetime.datetime and value.tzinfo is None:
        return (False, "datetime", str(value))
    value = _normalised(value)  # never None: only a null normalises to one
    if _is_number(value):  # 1 and 1.0 sort alike: warehouses differ in int vs float
        return (False, "number", f"{float(value):.9g}")
    if isinstance(value, (dict, list)):
        return (False, "json", json.dumps(value, sort_keys=True, default=str))
    return (False, type(value).__name__, str(value))


def _ordered(rows: list[Row], columns: list[str]) -> list[Row]:
    return sorted(rows, key=lambda row: tuple(map(_sort_cell, map(row.__getitem__, columns))))


def _same(want: Any, got: Any) -> bool:
    if type(want) is type(got) and want == got:  # most cells: nothing to normalise
        return True
    want, got = _normalised(want), _normalised(got)
    if _is_number(want) and _is_number(got) and not (isinstance(want, int) and isinstance(got, int)):
        return math.isclose(want, got, rel_tol=1e-9, abs_tol=1e-9)
    return bool(want == got)


@dataclass(frozen=True)
class Cell:
    warehouse: str
    feature: str
    outcome: str  # passed / failed / skipped
    reason: str


def save_cells(cells: list[Cell], directory: Path) -> None:
    """A run's matrix: its cells as JSON, and the report written from them."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "warehouse_matrix.json").write_text(json.dumps([asdict(cell) for cell in cells], indent=1) + "\n")
    write_report(cells, directory / "warehouse_matrix.md", directory / "warehouse_matrix.html")


def publish_latest(latest: Path = LATEST_DIR, committed: Path = COMMITTED_DIR, readme: Path = README) -> Path:
    """Copy the last full run's matrix to the committed report and README's matrix block;
    return the committed Markdown."""
    source = latest / "warehouse_matrix.json"
    if not source.exists():
        raise FileNotFoundError(f"no matrix at {source}: run the full `make test` first")
    cells = [Cell(**cell) for cell in json.loads(source.read_text())]
    table = write_report(cells, committed / "warehouse_matrix.md", committed / "warehouse_matrix.html")
    text = readme.read_text()
    updated = re.sub(r"(<!-- matrix:start -->\n).*?(<!-- matrix:end -->)", lambda m: m.group(1) + table + "\n" + m.group(2), text, flags=re.S)
    if updated != text:
        readme.write_text(updated)
    return committed / "warehouse_matrix.md"


def write_report(cells: list[Cell], markdown_path: Path, html_path: Path) -> str:
    """Write the matrix as Markdown and HTML; return the Markdown table."""
    warehouses = sorted({c.warehouse for c in cells}, key=lambda w: (w != "duckdb", w))
    by_key = {(c.warehouse, c.feature): c for c in cells}
    symbols = {"passed": "pass", "failed": "FAIL", "skipped": "skip"}  # pass* = passed, with a note
    lines = ["| feature | " + " | ".join(warehouses) + " |", "| --- |" + " --- |" * len(warehouses)]
    notes = []
    for feature in FEATURES:
        row = []
        for warehouse in warehouses:
            cell = by_key.get((warehouse, feature))
            if cell is None:
                row.append("-")
                continue
            row.append(symbols[cell.outcome] + ("*" if cell.reason and cell.outcome == "passed" else ""))
            if cell.reason:
                notes.append(f"- **{warehouse} / {feature}** ({symbols[cell.outcome]}): {cell.reason}")
        lines.append(f"| {feature} | " + " | ".join(row) + " |")
    table = "\n".join(lines + ([""] + notes if notes else []))
    markdown_path.parent.mkdir(parents=True, exist_ok=True)
    markdown_path.write_text("# Warehouse × feature matrix\n\nFrom the last full `make test` run; `make report` refreshes the committed copy.\n\n" + table + "\n")
    colours = {"passed": "#c8f7c5", "failed": "#f7c5c5", "skipped": "#eeeeee"}
    html_rows = "".join(
        "<tr><th>" + feature + "</th>" + "".join(
            (f'<td style="background:{colours[c.outcome]}" title="{html.escape(c.reason)}">{symbols[c.outcome]}</td>' if (c := by_key.get((w, feature))) else "<td>-</td>")
            for w in warehouses
        ) + "</tr>"
        for feature in FEATURES
    )
    html_path.write_text(
        "<!doctype html><meta charset=utf-8><title>activity_schema warehouse matrix</title>"
        "<table border=1 cellpadding=6><tr><th>feature</th>" + "".join(f"<th>{w}</th>" for w in warehouses) + "</tr>" + html_rows + "</table>"
        + "<ul>" + "".join(f"<li>{html.escape(n[2:])}</li>" for n in notes) + "</ul>"
    )
    return table
