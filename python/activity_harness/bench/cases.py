"""The benchmark's joins: each written with activity_schema, as bcodell's aql (B) and
tnightengale's dataset() (T) where they can say it, and as a plain self-join. One table,
so that which peer model stands for which join is read in one place."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..reference.temporal import JOIN_TYPES
from .streams import COHORT, PERSON_KEY_SQL, TARGET

PICK_COLUMNS = ("ts", "revenue_impact")
WINDOW_MINUTES = 24 * 60  # the within joins: a day
MATCH_COLUMN = "anonymous_customer_id"  # the match joins: the same device (sessions and purchases share no feature)

# Both peers pick first/last (where no occurrence column decides) by min/max of
# cast(ts as text) || cast(value as text), one column at a time.
TIES = ("at equal ts it picks the smaller/larger value text, not the smaller activity_id, "
        "and skips null values")
B_OPEN_END = "its in-between segment is open at its end (target ts < next cohort ts)"
B_NTH = "its nth takes the person's n-th target overall and keeps it only if it satisfies the relation"


@dataclass(frozen=True)
class Case:
    """One benchmark join. `join_type` and `options` are activity_schema's arguments; the
    output prefix is `name`_made_purchase for every formulation."""

    name: str
    join_type: str
    options: dict[str, Any] = field(default_factory=dict)
    b: str | None = None  # B's clause after `select all started_session (...)`
    t: str | None = None  # T's appended activity(...) call
    differs_b: str = ""  # why B's rows differ from ours ("" = the same semantics)
    differs_t: str = ""

    @property
    def prefix(self) -> str:
        return f"{self.name}_{TARGET}"

    @property
    def pick(self) -> str:
        return self.join_type.split("_", 1)[0]

    @property
    def relation(self) -> str:
        relation = self.join_type.split("_", 1)[1]
        return "ever" if relation == "all_ever" else relation

    @property
    def appended(self) -> tuple[str, ...]:
        return (f"{self.prefix}_count",) if self.pick == "aggregate" else tuple(f"{self.prefix}_{c}" for c in PICK_COLUMNS)

    def ours(self, stream: str) -> str:
        """The activity_schema call, as Jinja."""
        arguments = {"stream": stream, "cohort_activity": COHORT, "target_activity": TARGET, "join_type": self.join_type,
                     "name": self.prefix, **self.options}
        if self.pick != "aggregate":
            arguments["columns"] = list(PICK_COLUMNS)
        rendered = ", ".join(f"{key}={value if key == 'stream' else json.dumps(value)}" for key, value in arguments.items())
        return "{{ activity_schema.temporal_join(" + rendered + ") }}\n"


def _b_append(pick: str, relation: str, prefix: str, extra: str = "") -> str:
    columns = ",\n    ".join(f"{c} as {prefix}_{c}" for c in PICK_COLUMNS)
    return f"append {pick} {relation} {TARGET} (\n    {columns}{extra}\n)"


def _b_aggregate(relation: str, prefix: str, extra: str = "") -> str:
    return f"aggregate {relation} {TARGET} (\n    count(activity_id) as {prefix}_count{extra}\n)"


def _t(relationship: str, columns: tuple[str, ...], condition: str | None = None) -> str:
    arguments = f"dbt_activity_schema.{relationship}, '{TARGET.replace('_', ' ')}', {list(columns)}"
    if condition:
        arguments += f", additional_join_condition={condition!r}"
    return f"dbt_activity_schema.activity({arguments})"


# The peers' extra join conditions. B formats {joined}/{primary} and the stream's column
# names and exposes the cohort row's values as req__<column>; T pastes the text as is with
# the fixed aliases "stream" (cohort) and "appended" (target).
B_WITHIN = "\n    join {joined}.{ts} <= {primary}.req__{ts} + interval 1 day"
T_WITHIN = "appended.ts <= stream.ts + interval 1 day"
B_MATCH = "\n    join {joined}.{%s} = {primary}.req__{%s}" % (MATCH_COLUMN, MATCH_COLUMN)
T_MATCH = f"appended.{MATCH_COLUMN} = stream.{MATCH_COLUMN}"

B_RELATION = {"ever": "ever", "before": "before", "after": "after", "in_between": "between"}


def _basic(join_type: str, differs_b: str = "", differs_t: str = "") -> Case:
    pick, relation = join_type.split("_", 1)
    relation = "ever" if relation == "all_ever" else relation
    prefix = f"{join_type}_{TARGET}"
    if pick == "aggregate":
        b = _b_aggregate("all" if relation == "ever" else B_RELATION[relation], prefix)
        t = _t(f"{join_type}()", ("activity_id",))
    else:
        b = _b_append(pick, B_RELATION[relation], prefix)
        t = _t(f"{join_type}()", PICK_COLUMNS)
    return Case(join_type, join_type, b=b, t=t, differs_b=differs_b, differs_t=differs_t)


CASES: tuple[Case, ...] = (
    _basic("first_ever"),
    _basic("last_ever"),
    _basic("aggregate_all_ever"),
    _basic("first_before", differs_t="its first_before keeps the first-ever target when it is at or before the cohort's next occurrence"),
    _basic("last_before", differs_b=TIES, differs_t="its last_before admits a target at the cohort row's ts; " + TIES),
    _basic("aggregate_before"),
    _basic("first_after", differs_b=TIES, differs_t=TIES),
    _basic("last_after", differs_t=TIES),
    _basic("aggregate_after"),
    _basic("first_in_between", differs_b=B_OPEN_END + "; " + TIES, differs_t=TIES),
    _basic("last_in_between", differs_b=B_OPEN_END + "; " + TIES, differs_t=TIES),
    _basic("aggregate_in_between", differs_b=B_OPEN_END),
    Case("nth_ever_2", "nth_ever", {"nth": 2}, b=_b_append("nth(2)", "ever", f"nth_ever_2_{TARGET}"), t=_t("nth_ever(2)", PICK_COLUMNS)),
    Case("nth_before_2", "nth_before", {"nth": 2}, b=_b_append("nth(2)", "before", f"nth_before_2_{TARGET}")),
    Case("nth_after_2", "nth_after", {"nth": 2}, b=_b_append("nth(2)", "after", f"nth_after_2_{TARGET}"), differs_b=B_NTH),
    Case("nth_in_between_2", "nth_in_between", {"nth": 2}, b=_b_append("nth(2)", "between", f"nth_in_between_2_{TARGET}"),
         differs_b=B_NTH + "; " + B_OPEN_END),
    Case("first_after_within_1d", "first_after", {"within": {"minutes": WINDOW_MINUTES}},
         b=_b_append("first", "after", f"first_after_within_1d_{TARGET}", B_WITHIN), t=_t("first_after()", PICK_COLUMNS, T_WITHIN),
         differs_b=TIES, differs_t=TIES),
    Case("aggregate_after_within_1d", "aggregate_after", {"within": {"minutes": WINDOW_MINUTES}},
         b=_b_aggregate("after", f"aggregate_after_within_1d_{TARGET}", B_WITHIN), t=_t("aggregate_after()", ("activity_id",), T_WITHIN)),
    Case("first_after_match", "first_after", {"match": [MATCH_COLUMN]},
         b=_b_append("first", "after", f"first_after_match_{TARGET}", B_MATCH), t=_t("first_after()", PICK_COLUMNS, T_MATCH),
         differs_b=TIES, differs_t=TIES),
    Case("aggregate_in_between_match", "aggregate_in_between", {"match": [MATCH_COLUMN]},
         b=_b_aggregate("between", f"aggregate_in_between_match_{TARGET}", B_MATCH), t=_t("aggregate_in_between()", ("activity_id",), T_MATCH),
         differs_b=B_OPEN_END),
)
BASIC_CASES = tuple(case for case in CASES if case.name == case.join_type)
assert {case.join_type for case in BASIC_CASES} == {j for j in JOIN_TYPES if not j.startswith("nth")}

# Calls of several basic joins in one multi_temporal_analysis, each compared with the
# slowest of its joins alone: all twelve, and six that a funnel reads (more than three picks
# and counts from the cohort row, so a window pass over every cohort row).
MULTI_CASES: dict[str, tuple[str, ...]] = {
    "multi_12": tuple(case.join_type for case in BASIC_CASES),
    "multi_6": ("first_ever", "last_before", "aggregate_before", "first_after", "aggregate_after", "last_in_between"),
}
MULTI = "multi_12"  # the call of the twelve, whose target is within 3x of its slowest join


def multi_model(stream: str, join_types: tuple[str, ...]) -> str:
    by_type = {case.join_type: case for case in BASIC_CASES}
    configs = [
        {"name": case.prefix, "target_activity": TARGET, "join_type": case.join_type, **({} if case.pick == "aggregate" else {"columns": list(PICK_COLUMNS)})}
        for case in (by_type[join_type] for join_type in join_types)
    ]
    return f"{{{{ activity_schema.multi_temporal_analysis(stream={stream}, primary_cohort_activity={json.dumps(COHORT)}, join_configs={json.dumps(configs)}) }}}}\n"


def naive_sql(case: Case) -> str:
    """The join as an inequality self-join plus GROUP BY, written from the documented
    semantics (not from the package's SQL): the cohort rows left-joined to the person's
    targets under the relation, the window and the match, then picked or counted. Written
    in SQL that DuckDB and Postgres read alike; activity ids are ASCII digits behind one
    prefix, so any collation orders them by code point."""
    condition = {
        "ever": "",
        "before": "and target.ts < cohort.ts",
        "after": "and target.ts > cohort.ts",
        "in_between": "and target.ts > cohort.ts and (next_cohort.next_ts is null or target.ts <= next_cohort.next_ts)",
    }[case.relation]
    if "within" in case.options:
        minutes = case.options["within"]["minutes"]
        condition += f" and target.ts <= cohort.ts + interval '{minutes} minutes'" if case.relation != "before" else f" and target.ts >= cohort.ts - interval '{minutes} minutes'"
    if "match" in case.options:
        condition += f" and target.{MATCH_COLUMN} = cohort.{MATCH_COLUMN}"
    if case.pick == "aggregate":
        matched, appended, chosen_join = "count(target.activity_id) as matches", f"matched.matches as {case.prefix}_count", ""
    else:
        n = case.options.get("nth", 1)
        order = "desc" if case.pick == "last" else "asc"
        matched = f"(array_agg(target.activity_id order by target.ts {order}, target.activity_id {order}))[{n}] as chosen_id"
        appended = ", ".join(f"chosen.{column} as {case.prefix}_{column}" for column in PICK_COLUMNS)
        chosen_join = "left join stream as chosen on chosen.activity_id = matched.chosen_id"
    next_cohort = ""
    if case.relation == "in_between":
        # The next cohort row of the person in (ts, activity_id) order, by a second
        # inequality self-join of the cohort rows.
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
            select activity_id, ts, activity, {MATCH_COLUMN},
                   {PERSON_KEY_SQL} as join_key
            from stream
        ),
        cohort as (select * from keyed where activity = '{COHORT}' and join_key is not null),
        target as (select * from keyed where activity = '{TARGET}' and join_key is not null){next_cohort},
        matched as (
            select cohort.activity_id, {matched}
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
