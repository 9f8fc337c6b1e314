"""Reference oracle for temporal joins between activities of one person, and period datasets."""

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from activity_harness.reference.aggregations import (
    REGISTRY,
    Aggregation,
    aggregate,
    validate_column,
    value_at,
)
from activity_harness.reference.conditions import Match, Predicate, match_of, row_filter
from activity_harness.reference.periods import periods, utc_naive, validate_interval
from activity_harness.reference.stream import (
    STREAM_COLUMNS,
    Activity,
    Person,
    feature_text,
    read,
    rows_by_person,
)

__all__ = [
    "AGGREGATIONS",
    "JOIN_TYPES",
    "PERIOD_ENDS",
    "STREAM_COLUMNS",
    "Activity",
    "feature_text",
    "multi_temporal_analysis",
    "period_dataset",
    "temporal_join",
]

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
    "nth_ever",
    "nth_before",
    "nth_after",
    "nth_in_between",
)
AGGREGATIONS = tuple(REGISTRY)
PERIOD_ENDS = ("max", "entity_max", "current")
# Columns copied from the cohort row into each output row.
_COHORT_OUTPUT_COLUMNS = (
    "activity_id",
    "ts",
    "activity",
    "customer",
    "anonymous_customer_id",
    "revenue_impact",
    "link",
)
_PERIOD_OUTPUT_COLUMNS = ("customer", "anonymous_customer_id", "period_start", "period_end")
_COHORT_FILTER_NAMES = ("all", "first", "last")
_DEFAULT_PICK_COLUMNS = ("ts",)
_WINDOW_UNITS = ("minutes", "hours", "days")
_CONFIG_KEYS = (
    "name",
    "target_activity",
    "join_type",
    "columns",
    "aggregation",
    "where",
    "match",
    "within",
    "at_least",
    "nth",
    "nth_from_last",
    "delimiter",
    "zero_fill",
)
# A period has no cohort row to match against or to measure a window from.
_NOT_IN_PERIODS = ("match", "within", "at_least")

Columns = Sequence[str] | Mapping[str, str] | None
Conditions = Sequence[Mapping[str, Any]] | None


@dataclass(frozen=True)
class _Bound:
    ts: datetime
    inclusive: bool


@dataclass(frozen=True)
class _Window:
    """The ts range a target must lie in; None is unbounded on that side."""

    low: _Bound | None = None
    high: _Bound | None = None

    def narrowed(self, low: _Bound | None = None, high: _Bound | None = None) -> "_Window":
        """The intersection with [low, high]: the later low, the earlier high, exclusive on ties."""
        lows = [bound for bound in (self.low, low) if bound is not None]
        highs = [bound for bound in (self.high, high) if bound is not None]
        return _Window(
            max(lows, key=lambda bound: (bound.ts, not bound.inclusive), default=None),
            min(highs, key=lambda bound: (bound.ts, bound.inclusive), default=None),
        )


@dataclass(frozen=True)
class _JoinSpec:
    """One validated join: which targets it admits and the columns it appends."""

    name: str
    target_activities: frozenset[str]
    relation: str  # ever | before | after | in_between
    where: Predicate
    match: Match | None
    within: timedelta | None
    at_least: timedelta | None
    # Picks are the aggregation "value at index n"; both read the admitted targets in order.
    aggregation: Aggregation
    # (output column, input column); the input is None for aggregations that read rows.
    outputs: tuple[tuple[str, str | None], ...]
    delimiter: str | None
    zero_fill: bool


@dataclass(frozen=True)
class _Targets:
    """A join's target rows of one person in (ts, activity_id) order."""

    rows: list[Activity]
    ts: list[datetime]
    match: Match | None
    match_keys: list[tuple[object, ...] | None]

    @classmethod
    def of(cls, person_rows: Sequence[Activity], spec: _JoinSpec) -> "_Targets":
        rows = [
            row for row in person_rows if row.activity in spec.target_activities and spec.where(row)
        ]
        keys = [spec.match.target_key(row) for row in rows] if spec.match else []
        return cls(rows, [row.ts for row in rows], spec.match, keys)

    def admitted(self, window: _Window, cohort: Activity | None) -> list[Activity]:
        """The targets inside the window whose match values equal the cohort row's."""
        low, high = 0, len(self.rows)
        if window.low is not None:
            cut = bisect_left if window.low.inclusive else bisect_right
            low = cut(self.ts, window.low.ts)
        if window.high is not None:
            cut = bisect_right if window.high.inclusive else bisect_left
            high = cut(self.ts, window.high.ts)
        if self.match is None or cohort is None:
            return self.rows[low:high]
        wanted = self.match.cohort_key(cohort)
        if wanted is None:
            return []
        return [
            row
            for row, key in zip(self.rows[low:high], self.match_keys[low:high], strict=True)
            if key == wanted
        ]


def _sanitized(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_]", "_", name)


def _activities(value: object, argument: str) -> tuple[str, ...]:
    """An activity or a non-empty list of activities, meaning any of them."""
    names = (value,) if isinstance(value, str) else value
    if (
        not isinstance(names, Sequence)
        or not names
        or not all(isinstance(name, str) and name for name in names)
    ):
        raise ValueError(
            f"invalid {argument} {value!r}: expected an activity or a non-empty list of activities"
        )
    return tuple(names)


def _column_list(columns: Columns, argument: str) -> list[tuple[str | None, str]]:
    """(alias or None, column) for a list of columns or an {alias: column} mapping."""
    if columns is None:
        return []
    if isinstance(columns, Mapping):
        pairs: list[tuple[str | None, str]] = list(columns.items())
    elif isinstance(columns, Sequence) and not isinstance(columns, str):
        pairs = [(None, column) for column in columns]
    else:
        raise ValueError(
            f"invalid {argument} {columns!r}: expected a list or an {{alias: column}} mapping"
        )
    for alias, column in pairs:
        if not (isinstance(column, str) and column) or not (
            alias is None or (isinstance(alias, str) and alias)
        ):
            raise ValueError(
                f"invalid {argument} entry {alias or column!r}: expected non-empty strings"
            )
    return pairs


def _named(pairs: list[tuple[str | None, str]], prefix: str) -> tuple[tuple[str, str], ...]:
    """Output names: the alias as given, else `{prefix}{column}` with the column sanitized."""
    return tuple((alias or f"{prefix}{_sanitized(column)}", column) for alias, column in pairs)


def _positive_int(value: object, argument: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"invalid {argument} {value!r}: expected an int >= 1")
    return value


def _duration(value: object, argument: str, relation: str) -> timedelta | None:
    if value is None:
        return None
    if relation == "ever":
        raise ValueError(f"{argument} does not apply to *_ever joins: they admit every target")
    if not isinstance(value, Mapping) or len(value) != 1 or next(iter(value)) not in _WINDOW_UNITS:
        raise ValueError(
            f"invalid {argument} {value!r}: expected {{unit: N}} with unit in {_WINDOW_UNITS}"
        )
    ((unit, amount),) = value.items()
    return timedelta(**{unit: _positive_int(amount, f"{argument} {unit}")})


def _flag(config: Mapping[str, Any], key: str) -> bool:
    value = config.get(key)
    if value is not None and not isinstance(value, bool):
        raise ValueError(f"invalid {key} {value!r}: expected true or false")
    return bool(value)


def _join_spec(config: Mapping[str, Any]) -> _JoinSpec:
    unknown = sorted(set(config) - set(_CONFIG_KEYS))
    if unknown:
        raise ValueError(f"unknown join config keys {unknown}: expected some of {_CONFIG_KEYS}")
    join_type = config.get("join_type")
    if join_type not in JOIN_TYPES:
        raise ValueError(f"invalid join_type {join_type!r}: expected one of {JOIN_TYPES}")
    kind, relation = join_type.split("_", 1)
    relation = relation.removeprefix("all_")
    activities = _activities(config.get("target_activity"), "target_activity")
    name = config.get("name")
    if name is None:
        name = _sanitized(f"{join_type}_{'_or_'.join(activities)}")
    elif not isinstance(name, str) or not name:
        raise ValueError(f"invalid name {name!r}: expected a non-empty string")
    aggregation_name = config.get("aggregation")
    if aggregation_name is None:
        aggregation_name = "count"
    if aggregation_name not in AGGREGATIONS:
        raise ValueError(
            f"invalid aggregation {aggregation_name!r}: expected one of {AGGREGATIONS}"
        )

    nth = config.get("nth")
    nth_from_last = _flag(config, "nth_from_last")
    if kind != "nth" and (nth is not None or nth_from_last):
        raise ValueError(f"nth and nth_from_last need an nth_* join_type, got {join_type!r}")
    if kind == "nth" and nth is None:
        raise ValueError(f"join_type {join_type!r} needs nth (an int >= 1)")

    columns = _column_list(config.get("columns"), "columns")
    outputs: tuple[tuple[str, str | None], ...]
    if kind != "aggregate":
        index = {"first": 0, "last": -1}.get(kind)
        if index is None:
            n = _positive_int(nth, "nth")
            index = -n if nth_from_last else n - 1
        aggregation = Aggregation(value_at(index))
        outputs = _named(
            columns or [(None, column) for column in _DEFAULT_PICK_COLUMNS], f"{name}_"
        )
    else:
        aggregation = REGISTRY[aggregation_name]
        if aggregation.reads == "rows":
            # Counting rows reads no column; columns given for it are ignored.
            outputs = ((f"{name}_{aggregation_name}", None),)
        elif not columns:
            raise ValueError(
                f"aggregation {aggregation_name!r} needs non-empty columns, got {columns!r}"
            )
        else:
            for _, column in columns:
                validate_column(aggregation_name, column)
            outputs = _named(columns, f"{name}_{aggregation_name}_")

    delimiter = config.get("delimiter")
    if delimiter is not None and not (isinstance(delimiter, str) and aggregation.delimited):
        raise ValueError(f"delimiter {delimiter!r} needs a string and a listagg aggregation")
    zero_fill = _flag(config, "zero_fill")
    if zero_fill and aggregation.zero is None:
        raise ValueError("zero_fill applies to the sum and sum_bool aggregations only")

    return _JoinSpec(
        name=name,
        target_activities=frozenset(activities),
        relation=relation,
        where=row_filter(config.get("where"), "where"),
        match=match_of(config.get("match")),
        within=_duration(config.get("within"), "within", relation),
        at_least=_duration(config.get("at_least"), "at_least", relation),
        aggregation=aggregation,
        outputs=outputs,
        delimiter=delimiter,
        zero_fill=zero_fill,
    )


def _named_specs(join_configs: Sequence[Mapping[str, Any]]) -> list[_JoinSpec]:
    """Specs of configs that each carry their own, distinct name."""
    if isinstance(join_configs, Mapping) or not all(
        isinstance(config, Mapping) for config in join_configs
    ):
        raise ValueError(f"invalid join_configs {join_configs!r}: expected a list of mappings")
    names = [config.get("name") for config in join_configs]
    if not all(isinstance(name, str) and name for name in names):
        raise ValueError(f"every join config needs a name (a non-empty string), got {names}")
    duplicates = sorted({str(name) for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"duplicate join config names {duplicates}")
    return [_join_spec(config) for config in join_configs]


def _check_output_names(fixed: Sequence[str], added: Iterable[tuple[str, str]]) -> None:
    """No two output columns may share a name, compared case-insensitively as warehouses do."""
    owners = {column.lower(): "the fixed output columns" for column in fixed}
    for column, owner in added:
        key = column.lower()
        if key in owners:
            raise ValueError(
                f"output column {column!r} of {owner} collides with a column of {owners[key]}"
            )
        owners[key] = owner


def _join_outputs(specs: Sequence[_JoinSpec]) -> list[tuple[str, str]]:
    return [(column, f"join {spec.name!r}") for spec in specs for column, _ in spec.outputs]


def _appended(
    specs: Sequence[_JoinSpec],
    targets: Sequence[_Targets],
    windows: Sequence[_Window],
    cohort: Activity | None,
) -> dict[str, object]:
    record: dict[str, object] = {}
    for spec, spec_targets, window in zip(specs, targets, windows, strict=True):
        admitted = spec_targets.admitted(window, cohort)
        for column, source in spec.outputs:
            record[column] = aggregate(
                spec.aggregation,
                admitted,
                source,
                delimiter=spec.delimiter,
                zero_fill=spec.zero_fill,
            )
    return record


def _cohort_window(spec: _JoinSpec, ts: datetime, next_cohort_ts: datetime | None) -> _Window:
    """Relations are strict on the cohort's side; window edges at exactly N are inside."""
    if spec.relation == "ever":
        return _Window()
    if spec.relation == "before":
        return _Window(high=_Bound(ts, False)).narrowed(
            low=None if spec.within is None else _Bound(ts - spec.within, True),
            high=None if spec.at_least is None else _Bound(ts - spec.at_least, True),
        )
    # in_between is unbounded above for the last cohort row of a person.
    bound = (
        None if spec.relation == "after" or next_cohort_ts is None else _Bound(next_cohort_ts, True)
    )
    return _Window(_Bound(ts, False), bound).narrowed(
        low=None if spec.at_least is None else _Bound(ts + spec.at_least, True),
        high=None if spec.within is None else _Bound(ts + spec.within, True),
    )


def _period_window(spec: _JoinSpec, start: datetime, end: datetime) -> _Window:
    """A period is half-open: a target at exactly period_start belongs to it, not before it."""
    return {
        "ever": _Window(),
        "before": _Window(high=_Bound(start, False)),
        "after": _Window(low=_Bound(end, True)),
        "in_between": _Window(_Bound(start, True), _Bound(end, False)),
    }[spec.relation]


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


def _run(
    stream: Iterable[Activity],
    cohort_activity: object,
    argument: str,
    specs: Sequence[_JoinSpec],
    cohort_filter: str | int,
    cohort_where: Conditions,
    cohort_columns: Columns,
) -> list[dict[str, object]]:
    cohort_activities = frozenset(_activities(cohort_activity, argument))
    _validate_cohort_filter(cohort_filter)
    is_cohort = row_filter(cohort_where, "cohort_where")
    cohort_outputs = _named(_column_list(cohort_columns, "cohort_columns"), "")
    _check_output_names(
        STREAM_COLUMNS,
        [(column, "cohort_columns") for column, _ in cohort_outputs] + _join_outputs(specs),
    )
    output: list[dict[str, object]] = []
    for rows in rows_by_person(stream).values():
        # A filtered cohort is a subclass: occurrences and in-between bounds count its rows only.
        cohorts = [row for row in rows if row.activity in cohort_activities and is_cohort(row)]
        targets = [_Targets.of(rows, spec) for spec in specs]
        for index, cohort in enumerate(cohorts):
            if not _keeps(cohort_filter, index + 1, len(cohorts)):
                continue
            # The in-between bound comes from every cohort row, regardless of cohort_filter.
            next_ts = cohorts[index + 1].ts if index + 1 < len(cohorts) else None
            record: dict[str, object] = {
                column: getattr(cohort, column) for column in _COHORT_OUTPUT_COLUMNS
            }
            for column, source in cohort_outputs:
                value = read(cohort, source)
                record[column] = None if value is None else str(value)
            windows = [_cohort_window(spec, cohort.ts, next_ts) for spec in specs]
            record.update(_appended(specs, targets, windows, cohort))
            output.append(record)
    return output


def temporal_join(
    stream: Iterable[Activity],
    cohort_activity: str | Sequence[str],
    target_activity: str | Sequence[str],
    join_type: str,
    cohort_filter: str | int = "all",
    columns: Columns = None,
    aggregation: str = "count",
    *,
    name: str | None = None,
    where: Conditions = None,
    match: Sequence[str | Mapping[str, str]] | None = None,
    within: Mapping[str, int] | None = None,
    at_least: Mapping[str, int] | None = None,
    nth: int | None = None,
    nth_from_last: bool = False,
    delimiter: str | None = None,
    zero_fill: bool = False,
    cohort_where: Conditions = None,
    cohort_columns: Columns = None,
) -> list[dict[str, object]]:
    """One row per selected cohort row; the join's columns are named `{name}_...`.

    name defaults to `{join_type}_{target_activity}` (a list's activities joined by `_or_`).
    """
    config = {
        "name": name,
        "target_activity": target_activity,
        "join_type": join_type,
        "columns": columns,
        "aggregation": aggregation,
        "where": where,
        "match": match,
        "within": within,
        "at_least": at_least,
        "nth": nth,
        "nth_from_last": nth_from_last,
        "delimiter": delimiter,
        "zero_fill": zero_fill,
    }
    return _run(
        stream,
        cohort_activity,
        "cohort_activity",
        [_join_spec(config)],
        cohort_filter,
        cohort_where,
        cohort_columns,
    )


def multi_temporal_analysis(
    stream: Iterable[Activity],
    primary_cohort_activity: str | Sequence[str],
    join_configs: Sequence[Mapping[str, Any]],
    cohort_filter: str | int = "all",
    *,
    cohort_where: Conditions = None,
    cohort_columns: Columns = None,
) -> list[dict[str, object]]:
    """One row per selected cohort row with each config's columns named `{name}_...`."""
    return _run(
        stream,
        primary_cohort_activity,
        "primary_cohort_activity",
        _named_specs(join_configs),
        cohort_filter,
        cohort_where,
        cohort_columns,
    )


def _period_person(person: Person) -> dict[str, object]:
    space, identifier = person
    return {
        "customer": identifier if space == "customer" else None,
        "anonymous_customer_id": identifier if space == "anonymous" else None,
    }


def period_dataset(
    stream: Iterable[Activity],
    entity_activity: str | Sequence[str],
    interval: str,
    end: str,
    join_configs: Sequence[Mapping[str, Any]],
    *,
    now: datetime | None = None,
) -> list[dict[str, object]]:
    """One row per person per period, from the period of their first entity_activity to `end`.

    Joins are relative to the period [period_start, period_end): in_between is inside it,
    before is before its start, after is from its end on. `now` (default: the clock) fixes
    end='current'; a naive `now` is UTC.
    """
    entity_activities = frozenset(_activities(entity_activity, "entity_activity"))
    validate_interval(interval)
    if end not in PERIOD_ENDS:
        raise ValueError(f"invalid end {end!r}: expected one of {PERIOD_ENDS}")
    specs = _named_specs(join_configs)
    for config in join_configs:
        given = [key for key in _NOT_IN_PERIODS if config.get(key) is not None]
        if given:
            raise ValueError(f"{given[0]} is not allowed in period_dataset join configs")
    _check_output_names(_PERIOD_OUTPUT_COLUMNS, _join_outputs(specs))
    stream_rows = list(stream)
    # The last period is the same for every person, except with end='entity_max'.
    shared_end = {
        "max": max((row.ts for row in stream_rows), default=None),
        "current": utc_naive(now),
    }.get(end)
    output: list[dict[str, object]] = []
    for person, rows in rows_by_person(stream_rows).items():
        entity_rows = [row for row in rows if row.activity in entity_activities]
        if not entity_rows:
            continue
        targets = [_Targets.of(rows, spec) for spec in specs]
        last = entity_rows[-1].ts if shared_end is None else shared_end
        for start, stop in periods(entity_rows[0].ts, last, interval):
            record = _period_person(person) | {"period_start": start, "period_end": stop}
            windows = [_period_window(spec, start, stop) for spec in specs]
            record.update(_appended(specs, targets, windows, None))
            output.append(record)
    return output
