"""Rows of the activity stream: their person, their order, and how their values are read."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Literal, TypeGuard


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
    activity_occurrence: int | None = None
    activity_repeated_at: datetime | None = None
    source_key: str | None = None


STREAM_COLUMNS = tuple(field.name for field in fields(Activity))

ColumnKind = Literal["text", "number", "timestamp"]
# Stream columns read natively, with the kind of their values; any other name is a feature key.
_NATIVE_KINDS: dict[str, ColumnKind] = {
    "activity_id": "text",
    "ts": "timestamp",
    "activity": "text",
    "customer": "text",
    "anonymous_customer_id": "text",
    "revenue_impact": "number",
    "link": "text",
    "activity_occurrence": "number",
    "activity_repeated_at": "timestamp",
    "source_key": "text",
}

# ('customer', id) or ('anonymous', id): the two id spaces never mix.
Person = tuple[str, str]


def feature_text(value: object) -> str | None:
    """A feature_json value as the string the SQL extracts."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    raise TypeError(f"unsupported feature_json value {value!r}: expected bool, int, float or str")


def is_feature(column: str) -> bool:
    """Whether `column` names a feature_json key rather than a natively read stream column."""
    return column not in _NATIVE_KINDS


def column_kind(column: str) -> ColumnKind:
    """The kind of a column's values; feature values are text."""
    return _NATIVE_KINDS.get(column, "text")


def read(row: Activity, column: str) -> object:
    """A stream column's native value, or a feature value as text (None when absent)."""
    if not is_feature(column):
        return getattr(row, column)
    features = row.feature_json or {}
    return feature_text(features.get(column))


def as_number(text: object, column: str) -> float | None:
    """A feature value converted to a number, as a SQL cast would."""
    if text is None:
        return None
    try:
        return float(str(text))
    except ValueError:
        raise ValueError(f"feature {column!r} value {text!r} is not a number") from None


def is_present(identifier: str | None) -> TypeGuard[str]:
    """Null, empty and space-only strings are not ids."""
    return identifier is not None and identifier.strip(" ") != ""


def person_of(row: Activity) -> Person | None:
    """The row's person: its customer if present, else its anonymous id if present, else none."""
    for space, identifier in (("customer", row.customer), ("anonymous", row.anonymous_customer_id)):
        if is_present(identifier):
            return (space, identifier)
    return None


def order_key(row: Activity) -> tuple[datetime, str]:
    """Rows of a person are ordered by ts, ties broken by activity_id in code point order."""
    return (row.ts, row.activity_id)


def rows_by_person(stream: Iterable[Activity]) -> dict[Person, list[Activity]]:
    """Each person's rows in (ts, activity_id) order, by person; rows with no person are dropped."""
    groups: dict[Person, list[Activity]] = {}
    for row in stream:
        person = person_of(row)
        if person is not None:
            groups.setdefault(person, []).append(row)
    return {person: sorted(groups[person], key=order_key) for person in sorted(groups)}
