"""How many times Postgres sorts the stream for each temporal join, read from `explain` of
the built differential models: no sort where one GROUP BY answers (aggregate_all_ever), one
for every other single join (the picks over all of a person's targets, first / last / nth
ever and first_before / last_after checked against the cohort row, sort the target rows
alone to rank them), and the documented exceptions: a count_distinct reads flags from a
window of their own, and an nth in-between pick under match ranks targets within the match
values. Every join in those plans pairs rows on an equality (a hash or merge join, or a
nested loop over an equality): none pairs a person's rows by an inequality alone."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from activity_harness.project import BuiltProject
from activity_harness.reference import temporal

pytestmark = pytest.mark.postgres

EXPECTED_SORTS = {join_type: 0 if join_type == "aggregate_all_ever" else 1 for join_type in temporal.JOIN_TYPES}
# tjd_aggregate_after is a count_distinct over one column.
EXPECTED_SORTS["aggregate_after"] = 2


# An equality between two expressions, not part of <=, >=, <> or !=.
EQUALITY = re.compile(r"[^<>!=]=[^=>]")


@dataclass
class PlanNode:
    """One node of a Postgres text plan: its title, its detail lines and its children."""

    title: str
    indent: int
    details: list[str] = field(default_factory=list)
    children: list[PlanNode] = field(default_factory=list)

    def walk(self) -> list[PlanNode]:
        return [self, *(node for child in self.children for node in child.walk())]


def explain(project: BuiltProject, model: str) -> list[str]:
    return [row["query plan"] for row in project.query("explain " + project.compiled_sql(model))]


def plan_tree(lines: list[str]) -> PlanNode:
    """The tree of `explain` text: a node starts at its `->` (the root at the first line);
    the lines below it, up to the next node, are its details."""
    root = PlanNode(lines[0].strip(), -1)
    stack = [root]
    for line in lines[1:]:
        if "->" in line:
            indent = line.index("->")
            while stack[-1].indent >= indent:
                stack.pop()
            node = PlanNode(line.split("->", 1)[1].strip(), indent)
            stack[-1].children.append(node)
            stack.append(node)
        else:
            stack[-1].details.append(line.strip())
    return root


def inequality_joins(root: PlanNode) -> list[str]:
    """Nested loops that pair rows without an equality: neither in their join filter nor in
    an index condition below them (a hash or merge join always has one)."""
    found = []
    for node in root.walk():
        if not node.title.startswith("Nested Loop"):
            continue
        conditions = [d for n in node.walk() for d in n.details if d.startswith(("Join Filter:", "Index Cond:"))]
        if not any(EQUALITY.search(condition) for condition in conditions):
            found.append(f"{node.title}: {conditions}")
    return found


def window_sorts(project: BuiltProject, model: str) -> list[str]:
    """The sort keys in the plan that order rows by time: the window sorts (a GROUP BY sort
    is on the person and occurrence only)."""
    keys = [line.split("Sort Key:", 1)[1].strip() for line in explain(project, model) if "Sort Key:" in line]
    return [key for key in keys if ".ts" in key or key.startswith("ts")]


@pytest.mark.parametrize("join_type", temporal.JOIN_TYPES)
def test_each_join_sorts_the_stream_at_most_once(postgres_project: BuiltProject, join_type: str) -> None:
    sorts = window_sorts(postgres_project, f"tjd_{join_type}")
    assert len(sorts) == EXPECTED_SORTS[join_type], f"tjd_{join_type}: {len(sorts)} window sorts on Postgres, expected {EXPECTED_SORTS[join_type]}: {sorts}"


def test_nth_in_between_under_match_sorts_a_second_time(postgres_project: BuiltProject) -> None:
    """tjd_combination: two nth in-between picks under the same match share the second sort."""
    sorts = window_sorts(postgres_project, "tjd_combination")
    assert len(sorts) == 2, f"tjd_combination: {len(sorts)} window sorts on Postgres, expected 2: {sorts}"


@pytest.mark.parametrize("model", [*(f"tjd_{join_type}" for join_type in temporal.JOIN_TYPES), "tjd_multi_all", "tjd_combination"])
def test_every_join_pairs_rows_on_an_equality(postgres_project: BuiltProject, model: str) -> None:
    root = plan_tree(explain(postgres_project, model))
    joins = [node.title for node in root.walk() if " Join" in node.title or node.title.startswith("Nested Loop")]
    assert joins, f"{model}: no join in the plan"
    assert not inequality_joins(root), f"{model} pairs rows by an inequality alone on Postgres: {inequality_joins(root)}"


# Dataset-builder calls where the planner's row guesses for the passes matter most: five to
# fourteen joins (match, windows, nearest and in-between joins mixed), and nth in-between
# picks under a match, whose segments read a second pass that ranks them.
WIDE_CALLS = ("tjd_match", "tjd_nearest_only", "tjd_windows", "tjd_in_between_only", "tjd_filters", "tjd_multi_all", "tjd_combination")


@pytest.mark.parametrize("model", WIDE_CALLS)
def test_wide_calls_never_loop_over_a_pass(postgres_project: BuiltProject, model: str) -> None:
    """Run under `explain analyze`, no join of the plan discards more rows by its join filter
    than the stream holds: a nested loop over a pass or the stream, which Postgres picks when
    it guesses that a handful of cohort rows come out of the probes, discards cohort rows
    times pass rows (millions here) and took minutes on this small stream."""
    stream_rows = postgres_project.query(f"select count(*) as n from {postgres_project.relation('customer_stream')}")[0]["n"]
    plan = [row["query plan"] for row in postgres_project.query("explain analyze " + postgres_project.compiled_sql(model))]
    discarded = [int(line.split("Rows Removed by Join Filter:", 1)[1]) for line in plan if "Rows Removed by Join Filter:" in line]
    assert max(discarded, default=0) <= stream_rows, f"{model}: a join discards {max(discarded)} rows on Postgres (the stream has {stream_rows}):\n" + "\n".join(plan)


@pytest.mark.parametrize("model", ["tjd_multi_all", "tjd_match", "tjd_windows", "tjd_lists"])
def test_before_and_after_joins_read_one_probe_per_cohort_row(postgres_project: BuiltProject, model: str) -> None:
    """Calls with before joins next to after or in-between joins in one pass read the before
    side from the same probe row, through the frame of earlier rows: no second probe is
    joined back to it."""
    assert "groups between unbounded preceding and 1 preceding" in postgres_project.compiled_sql(model), f"{model}: no join reads the frame of earlier rows"
    plan = explain(postgres_project, model)
    second_probes = [line.strip() for line in plan if re.search(r"lane\d+_probe0\b", line)]
    assert not second_probes, f"{model} joins a second probe per cohort row on Postgres: {second_probes}"


@pytest.mark.parametrize("model", ["tjd_shared_picks", "tjd_ever_in_pass"])
def test_ever_joins_beside_a_window_pass_are_taken_in_it(postgres_project: BuiltProject, model: str) -> None:
    """Ever joins that read the targets the call's window pass holds are taken in that pass,
    over the person's whole partition: no GROUP BY of the person's targets is joined back."""
    folded = postgres_project.compiled_sql(model)
    assert "activity_schema_ever" not in folded, f"{model}: its ever joins are a GROUP BY of their own on Postgres"
    assert "rows between unbounded preceding and unbounded following) as j1_" in folded, f"{model}: its first join is not taken over the whole partition"


def test_ever_joins_keep_their_group_by_where_no_frame_computes_them(postgres_project: BuiltProject) -> None:
    """The ever joins of tjd_multi_all hold a distinct count, which no window frame computes
    on Postgres, and tjd_multi_first selects first occurrences: both keep the GROUP BY."""
    for model in ("tjd_multi_all", "tjd_multi_first"):
        assert "activity_schema_ever1 as (" in postgres_project.compiled_sql(model), f"{model}: its ever joins left their GROUP BY on Postgres"


def test_the_plan_reader_finds_an_inequality_self_join(postgres_project: BuiltProject) -> None:
    """The naive formulation of first_after, which the package never writes, is caught."""
    relation = postgres_project.relation("customer_stream")
    sql = (
        f"select cohort.activity_id, min(target.ts) from {relation} as cohort"
        f" left join {relation} as target on target.ts > cohort.ts and target.activity = 'made_purchase'"
        " where cohort.activity = 'started_session' group by cohort.activity_id"
    )
    lines = [row["query plan"] for row in postgres_project.query("explain " + sql)]
    assert inequality_joins(plan_tree(lines)), lines
