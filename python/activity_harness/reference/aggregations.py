"""The aggregations of `aggregate_*` joins, one registry entry each."""

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from activity_harness.reference.stream import (
    Activity,
    as_number,
    column_kind,
    is_feature,
    read,
)

# rows: the admitted rows themselves (no column); values: a column's values, features as text;
# numbers: a column's values, features converted to float.
Reads = Literal["rows", "values", "numbers"]
DEFAULT_DELIMITER = ","


@dataclass(frozen=True)
class Aggregation:
    """How an aggregation reads the admitted targets (in ts, activity_id order) and reduces them."""

    reduce: Callable[..., object]
    reads: Reads = "values"
    # Arithmetic needs numbers: a feature (cast to float) or a number stream column.
    arithmetic: bool = False
    # What zero_fill puts in place of None; None when zero_fill does not apply.
    zero: object = None
    # Whether `reduce` takes a `delimiter` keyword.
    delimited: bool = False


def _present(values: Sequence[Any]) -> list[Any]:
    return [value for value in values if value is not None]


def _sum(values: Sequence[Any]) -> float | None:
    present = _present(values)
    # fsum is exactly rounded, so it does not depend on the order a warehouse adds in.
    return math.fsum(present) if present else None


def _avg(values: Sequence[Any]) -> float | None:
    present = _present(values)
    return math.fsum(present) / len(present) if present else None


def _extreme(pick: Callable[[list[Any]], Any]) -> Callable[[Sequence[Any]], Any]:
    def reduce(values: Sequence[Any]) -> Any:
        present = _present(values)
        return pick(present) if present else None

    return reduce


def value_at(index: int) -> Callable[[Sequence[Any]], Any]:
    """The value on the index-th admitted target (negative: from the end), even a None."""

    def reduce(values: Sequence[Any]) -> Any:
        return values[index] if -len(values) <= index < len(values) else None

    return reduce


def _stddev(values: Sequence[Any]) -> float | None:
    present = [float(value) for value in _present(values)]
    return statistics.stdev(present) if len(present) >= 2 else None


def _sum_bool(values: Sequence[Any]) -> int | None:
    present = _present(values)
    if not present:
        return None
    # Features are read as text ('true'); a native column holds Python values.
    return sum(1 for value in present if value is True or value == "true")


def _texts(values: Sequence[Any]) -> list[str]:
    return [str(value) for value in _present(values)]


def _listagg(values: Sequence[Any], delimiter: str) -> str | None:
    texts = _texts(values)
    return delimiter.join(texts) if texts else None


def _listagg_distinct(values: Sequence[Any], delimiter: str) -> str | None:
    # dict keeps the first occurrence of each text, in order.
    return _listagg(list(dict.fromkeys(_texts(values))), delimiter)


REGISTRY: dict[str, Aggregation] = {
    "count": Aggregation(len, reads="rows"),
    "count_distinct": Aggregation(lambda values: len(set(_present(values)))),
    "sum": Aggregation(_sum, reads="numbers", arithmetic=True, zero=0.0),
    "avg": Aggregation(_avg, reads="numbers", arithmetic=True),
    "min": Aggregation(_extreme(min), reads="numbers"),
    "max": Aggregation(_extreme(max), reads="numbers"),
    "first_value": Aggregation(value_at(0)),
    "last_value": Aggregation(value_at(-1)),
    "listagg": Aggregation(_listagg, delimited=True),
    "listagg_distinct": Aggregation(_listagg_distinct, delimited=True),
    "stddev": Aggregation(_stddev, reads="numbers", arithmetic=True),
    "exists": Aggregation(lambda rows: bool(rows), reads="rows"),
    "sum_bool": Aggregation(_sum_bool, zero=0),
}


def validate_column(aggregation: str, column: str) -> None:
    """Arithmetic over text or timestamps is an argument error, not a row error."""
    if (
        REGISTRY[aggregation].arithmetic
        and column_kind(column) != "number"
        and not is_feature(column)
    ):
        raise ValueError(
            f"aggregation {aggregation!r} needs a number column or a feature key in columns, "
            f"got the {column_kind(column)} column {column!r}"
        )


def aggregate(
    aggregation: Aggregation,
    rows: Sequence[Activity],
    column: str | None,
    *,
    delimiter: str | None = None,
    zero_fill: bool = False,
) -> object:
    """Reduce the admitted rows; column is None for the aggregations that read rows."""
    values: Sequence[Any]
    if column is None:
        values = rows
    elif aggregation.reads == "numbers" and is_feature(column):
        values = [as_number(read(row, column), column) for row in rows]
    else:
        values = [read(row, column) for row in rows]
    if aggregation.delimited:
        result = aggregation.reduce(
            values, delimiter=DEFAULT_DELIMITER if delimiter is None else delimiter
        )
    else:
        result = aggregation.reduce(values)
    return aggregation.zero if result is None and zero_fill else result
