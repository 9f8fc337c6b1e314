"""Row filters (`where`, `cohort_where`) and cohort-to-target equality conditions (`match`)."""

import operator
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from activity_harness.reference.stream import (
    Activity,
    ColumnKind,
    as_number,
    column_kind,
    feature_text,
    is_feature,
    read,
)

_COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "=": operator.eq,
    "!=": operator.ne,
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
}
_LIST_OPS = ("in", "not_in")
_NULL_OPS = ("is_null", "not_null")
OPS = (*_COMPARISONS, *_LIST_OPS, *_NULL_OPS)
_TIMESTAMP_LITERAL = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?")

Predicate = Callable[[Activity], bool]
Reader = Callable[[Activity], object]


def _everything(row: Activity) -> bool:
    return True


def _comparand(column: str, literal: object, argument: str) -> tuple[Reader, object]:
    """How a row's value of `column` is read to compare with `literal`, and the literal so typed."""
    kind = column_kind(column)

    def native(row: Activity) -> object:
        return read(row, column)

    def mismatch(expected: str) -> ValueError:
        return ValueError(
            f"{argument}: value {literal!r} cannot be compared with {kind} column {column!r}; "
            f"expected {expected}"
        )

    if isinstance(literal, bool):
        if not is_feature(column):
            raise mismatch("a feature key for a bool value")
        return native, feature_text(literal)
    if isinstance(literal, (int, float)):
        if kind == "number":
            return native, literal
        if is_feature(column):
            return (lambda row: as_number(read(row, column), column)), float(literal)
        raise mismatch("a number column or a feature key for a number value")
    if isinstance(literal, str):
        if kind == "timestamp":
            return native, _timestamp(literal, argument)
        if kind == "text":
            return native, literal
        raise mismatch("a text or timestamp column or a feature key for a string value")
    raise ValueError(
        f"{argument}: invalid value {literal!r} for column {column!r}: expected a string, "
        "a number or a bool (use is_null / not_null for nulls)"
    )


def _timestamp(literal: str, argument: str) -> datetime:
    try:
        if _TIMESTAMP_LITERAL.fullmatch(literal):
            return datetime.fromisoformat(literal)
    except ValueError:
        pass
    raise ValueError(
        f"{argument}: invalid timestamp {literal!r}: expected 'YYYY-MM-DD[ HH:MM[:SS]]'"
    )


def _condition(condition: object, argument: str) -> Predicate:
    if isinstance(condition, Mapping) and set(condition) == {"sql"}:
        raise NotImplementedError(f"{argument}: the reference does not evaluate raw sql conditions")
    if not isinstance(condition, Mapping) or not {"column", "op"} <= set(condition) <= {
        "column",
        "op",
        "value",
    }:
        raise ValueError(
            f"{argument}: invalid condition {condition!r}: expected "
            "{'column': C, 'op': OP, 'value': V} or {'sql': '...'}"
        )
    column, op, literal = condition["column"], condition["op"], condition.get("value")
    if not isinstance(column, str) or not column:
        raise ValueError(f"{argument}: invalid column {column!r}: expected a non-empty string")
    if op not in OPS:
        raise ValueError(f"{argument}: invalid op {op!r}: expected one of {OPS}")
    if op in _NULL_OPS:
        if literal is not None:
            raise ValueError(f"{argument}: op {op!r} takes no value, got {literal!r}")
        wants_null = op == "is_null"
        return lambda row: (read(row, column) is None) == wants_null
    if op in _LIST_OPS:
        if isinstance(literal, (str, bytes)) or not isinstance(literal, Sequence) or not literal:
            raise ValueError(f"{argument}: op {op!r} needs a non-empty list value, got {literal!r}")
        comparands = [_comparand(column, item, argument) for item in literal]
        is_in: bool = op == "in"

        def listed(row: Activity) -> bool:
            # A null is neither in nor not in any list.
            if read(row, column) is None:
                return False
            return any(bool(reader(row) == item) for reader, item in comparands) == is_in

        return listed
    reader, typed = _comparand(column, literal, argument)
    compare = _COMPARISONS[op]

    def compared(row: Activity) -> bool:
        value = reader(row)
        return value is not None and bool(compare(value, typed))

    return compared


def row_filter(conditions: Sequence[object] | None, argument: str) -> Predicate:
    """The conjunction of `conditions` (None or empty: every row passes)."""
    if conditions is None:
        return _everything
    if isinstance(conditions, (str, Mapping)) or not isinstance(conditions, Sequence):
        raise ValueError(f"{argument}: expected a list of conditions, got {conditions!r}")
    predicates = [_condition(condition, argument) for condition in conditions]
    return lambda row: all(predicate(row) for predicate in predicates)


@dataclass(frozen=True)
class Match:
    """Columns whose values must be equal on the cohort row and the target row."""

    cohort_columns: tuple[str, ...]
    target_columns: tuple[str, ...]

    def cohort_key(self, row: Activity) -> tuple[object, ...] | None:
        """The values a target must equal, or None when a null makes any match impossible."""
        return _key(row, self.cohort_columns)

    def target_key(self, row: Activity) -> tuple[object, ...] | None:
        """The target row's values to compare with a cohort key."""
        return _key(row, self.target_columns)


def _key(row: Activity, columns: tuple[str, ...]) -> tuple[object, ...] | None:
    values = tuple(read(row, column) for column in columns)
    return None if None in values else values


def _match_pair(entry: object) -> tuple[str, str]:
    if isinstance(entry, str) and entry:
        return entry, entry
    if (
        isinstance(entry, Mapping)
        and set(entry) == {"cohort", "target"}
        and all(isinstance(entry[side], str) and entry[side] for side in entry)
    ):
        return entry["cohort"], entry["target"]
    raise ValueError(
        f"match: invalid entry {entry!r}: expected a column or feature key, "
        "or {'cohort': column, 'target': column}"
    )


def match_of(entries: Sequence[object] | None) -> Match | None:
    """A validated `match` list (None or empty: no match condition)."""
    if entries is None:
        return None
    if isinstance(entries, (str, Mapping)) or not isinstance(entries, Sequence):
        raise ValueError(f"match: expected a list of entries, got {entries!r}")
    if not entries:
        return None
    pairs = [_match_pair(entry) for entry in entries]
    for cohort, target in pairs:
        kinds: tuple[ColumnKind, ColumnKind] = (column_kind(cohort), column_kind(target))
        if kinds[0] != kinds[1]:
            raise ValueError(
                f"match: cohort {cohort!r} ({kinds[0]}) and target {target!r} ({kinds[1]}) "
                "hold different kinds of values"
            )
    return Match(tuple(c for c, _ in pairs), tuple(t for _, t in pairs))
