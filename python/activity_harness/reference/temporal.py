"""Reference oracle for temporal joins between activities of the same customer."""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

JOIN_TYPES = (
    "first_ever",
    "last_ever",
    "aggregate_all_ever",
    "first_before",
    "last_before",
    "aggregate_before",
    "first_after",
    "last_after",
    "aggregate_after",
    "first_in_between",
    "last_in_between",
    "aggregate_in_between",
)
AGGREGATIONS = ("count", "count_distinct", "sum", "avg", "min", "max")
STREAM_COLUMNS = (
    "activity_id",
    "ts",
    "activity",
    "customer",
    "anonymous_customer_id",
    "revenue_impact",
    "link",
    "feature_json",
)
# Columns copied from the cohort row and readable natively from a target row.
_NATIVE_COLUMNS = tuple(column for column in STREAM_COLUMNS if column != "feature_json")
_COHORT_FILTER_NAMES = ("all", "first", "last")
_DEFAULT_PICK_COLUMNS = ("ts",)


@dataclass(frozen=True)
class Activity:
    """One row of the activity stream."""

    activity_id: str
    ts: datetime
    activity: str
    customer: str | None
    anonymous_customer_id: str | None
    revenue_impact: float | None = None
    link: str | None = None
    feature_json: Mapping[str, object] | None = None


@dataclass(frozen=True)
class _JoinSpec:
    """One validated set of appended columns, named `{prefix}_...`."""

    prefix: str
    target_activity: str
    join_type: str
    columns: tuple[str, ...]
    aggregation: str


@dataclass(frozen=True)
class _Targets:
    """Target rows of one key in (ts, activity_id) order, with their ts for bisection."""

    rows: list[Activity]
    ts: list[datetime]


def feature_text(value: object) -> str | None:
    """A feature_json value as the string the SQL extracts."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    raise TypeError(f"unsupported feature_json value {value!r}: expected bool, int, float or str")


def _key(row: Activity) -> str | None:
    return row.customer if row.customer is not None else row.anonymous_customer_id


def _order(row: Activity) -> tuple[datetime, str]:
    return (row.ts, row.activity_id)


def _column_value(row: Activity, column: str) -> object:
    if column in _NATIVE_COLUMNS:
        return getattr(row, column)
    features = row.feature_json or {}
    return feature_text(features.get(column))


def _validate_cohort_filter(cohort_filter: str | int) -> None:
    is_valid_int = (
        isinstance(cohort_filter, int)
        and not isinstance(cohort_filter, bool)
        and cohort_filter >= 1
    )
    if not is_valid_int and cohort_filter not in _COHORT_FILTER_NAMES:
        raise ValueError(
            f"invalid cohort_filter {cohort_filter!r}: expected one of "
            f"{_COHORT_FILTER_NAMES} or an int >= 1"
        )


def _keeps(cohort_filter: str | int, occurrence: int, occurrences: int) -> bool:
    if cohort_filter == "all":
        return True
    if cohort_filter == "first":
        return occurrence == 1
    if cohort_filter == "last":
        return occurrence == occurrences
    return occurrence == cohort_filter


def _make_spec(
    prefix: str,
    target_activity: str,
    join_type: str,
    columns: Sequence[str] | None,
    aggregation: str,
) -> _JoinSpec:
    if join_type not in JOIN_TYPES:
        raise ValueError(f"invalid join_type {join_type!r}: expected one of {JOIN_TYPES}")
    if aggregation not in AGGREGATIONS:
        raise ValueError(f"invalid aggregation {aggregation!r}: expected one of {AGGREGATIONS}")
    if not join_type.startswith("aggregate_"):
        chosen = tuple(columns) if columns else _DEFAULT_PICK_COLUMNS
    elif aggregation == "count":
        chosen = ()
    elif not columns:
        raise ValueError(f"aggregation {aggregation!r} needs non-empty columns, got {columns!r}")
    else:
        chosen = tuple(columns)
    return _JoinSpec(prefix, target_activity, join_type, chosen, aggregation)


def _matching(
    targets: _Targets, join_type: str, ts: datetime, next_cohort_ts: datetime | None
) -> list[Activity]:
    if join_type.endswith("_ever"):
        return targets.rows
    if join_type.endswith("_before"):
        return targets.rows[: bisect_left(targets.ts, ts)]
    start = bisect_right(targets.ts, ts)
    # in_between is unbounded above for the last cohort row of a key.
    if join_type.endswith("_after") or next_cohort_ts is None:
        return targets.rows[start:]
    return targets.rows[start : bisect_right(targets.ts, next_cohort_ts)]


def _aggregate(values: list[Any], aggregation: str, is_feature: bool) -> object:
    present = [value for value in values if value is not None]
    if aggregation == "count_distinct":
        return len(set(present))
    if not present:
        return None
    numbers = [float(value) for value in present] if is_feature else present
    if aggregation == "sum":
        return sum(numbers)
    if aggregation == "avg":
        return sum(numbers) / len(numbers)
    if aggregation == "min":
        return min(numbers)
    return max(numbers)


def _pick(join_type: str, matches: list[Activity]) -> Activity | None:
    if not matches:
        return None
    return matches[0] if join_type.startswith("first_") else matches[-1]


def _appended(spec: _JoinSpec, matches: list[Activity]) -> dict[str, object]:
    if spec.join_type.startswith("aggregate_"):
        if spec.aggregation == "count":
            return {f"{spec.prefix}_count": len(matches)}
        return {
            f"{spec.prefix}_{spec.aggregation}_{column}": _aggregate(
                [_column_value(row, column) for row in matches],
                spec.aggregation,
                is_feature=column not in _NATIVE_COLUMNS,
            )
            for column in spec.columns
        }
    picked = _pick(spec.join_type, matches)
    return {
        f"{spec.prefix}_{column}": None if picked is None else _column_value(picked, column)
        for column in spec.columns
    }


def _group_by_key(stream: Iterable[Activity]) -> dict[str, list[Activity]]:
    groups: dict[str, list[Activity]] = {}
    for row in stream:
        key = _key(row)
        if key is not None:
            groups.setdefault(key, []).append(row)
    for rows in groups.values():
        rows.sort(key=_order)
    return groups


def _run(
    stream: Iterable[Activity],
    cohort_activity: str,
    specs: Sequence[_JoinSpec],
    cohort_filter: str | int,
) -> list[dict[str, object]]:
    _validate_cohort_filter(cohort_filter)
    groups = _group_by_key(stream)
    output: list[dict[str, object]] = []
    for key in sorted(groups):
        rows = groups[key]
        cohorts = [row for row in rows if row.activity == cohort_activity]
        targets: dict[str, _Targets] = {}
        for activity in {spec.target_activity for spec in specs}:
            target_rows = [row for row in rows if row.activity == activity]
            targets[activity] = _Targets(target_rows, [row.ts for row in target_rows])
        for index, cohort in enumerate(cohorts):
            if not _keeps(cohort_filter, index + 1, len(cohorts)):
                continue
            # The in-between bound comes from all cohort rows, regardless of cohort_filter.
            next_cohort_ts = cohorts[index + 1].ts if index + 1 < len(cohorts) else None
            record: dict[str, object] = {
                column: getattr(cohort, column) for column in _NATIVE_COLUMNS
            }
            for spec in specs:
                matches = _matching(
                    targets[spec.target_activity], spec.join_type, cohort.ts, next_cohort_ts
                )
                record.update(_appended(spec, matches))
            output.append(record)
    return output


def temporal_join(
    stream: Iterable[Activity],
    cohort_activity: str,
    target_activity: str,
    join_type: str,
    cohort_filter: str | int = "all",
    columns: Sequence[str] | None = None,
    aggregation: str = "count",
) -> list[dict[str, object]]:
    """One row per selected cohort row, target columns named `{join_type}_{target_activity}_...`."""
    spec = _make_spec(
        f"{join_type}_{target_activity}", target_activity, join_type, columns, aggregation
    )
    return _run(stream, cohort_activity, [spec], cohort_filter)


def multi_temporal_analysis(
    stream: Iterable[Activity],
    primary_cohort_activity: str,
    join_configs: Sequence[Mapping[str, Any]],
    cohort_filter: str | int = "all",
) -> list[dict[str, object]]:
    """One row per selected cohort row with each config's columns named `{name}_...`."""
    specs = [
        _make_spec(
            config["name"],
            config["target_activity"],
            config["join_type"],
            config.get("columns"),
            config.get("aggregation", "count"),
        )
        for config in join_configs
    ]
    return _run(stream, primary_cohort_activity, specs, cohort_filter)
