"""`activity-harness report NAME`: an HTML page of charts and key figures read from a built
example's database, written to reports/examples/NAME.html with its PNGs beside it."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from ..generate.tables import loaded_batches
from . import EXAMPLES, charts

Rows = list[dict[str, Any]]


@dataclass
class Report:
    """What one page shows: a lead paragraph, key figures, tables and charts."""

    title: str
    lead: str
    figures: list[tuple[str, str]] = field(default_factory=list)
    tables: list[tuple[str, list[str], list[list[str]]]] = field(default_factory=list)
    charts: list[tuple[Path, str]] = field(default_factory=list)


def _rows(connection: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence[object] = ()) -> Rows:
    cursor = connection.execute(sql, list(parameters))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _one(connection: duckdb.DuckDBPyConnection, sql: str) -> dict[str, Any]:
    (row,) = _rows(connection, sql)
    return row


def _money(value: float | None) -> str:
    return f"${value or 0:,.0f}"


def web_activity(connection: duckdb.DuckDBPyConnection, charts_dir: Path) -> Report:
    report = Report(
        "web_activity: a web/SaaS product's activity stream",
        "Raw sessions, page events, sign-ups, logins, orders and refunds become seven person streams "
        "(build_activity, anonymous browsing stitched to customers with resolve_identity's windows) and "
        "one customer stream; the marts and analyses below are temporal joins on it.",
    )
    totals = _one(connection, """
        select
            (select count(distinct anonymous_customer_id) from stg_sessions) as browsers,
            (select count(*) from dim_customers) as customers,
            (select count(*) from customer_stream) as activities,
            (select sum(gross_revenue) from dim_customers) as gross,
            (select sum(refunded_revenue) from dim_customers) as refunded,
            (select count(*) filter (where customer is null) from stg_sessions) as anonymous_sessions,
            (select count(*) filter (where customer is null) from person_stream_started_session) as still_anonymous,
            (select avg(converted::int) from conversion_analysis) as conversion
    """)
    stitched = totals["anonymous_sessions"] - totals["still_anonymous"]
    report.figures += [
        ("browsers (anonymous ids)", f"{totals['browsers']:,}"),
        ("customers", f"{totals['customers']:,}"),
        ("activities in customer_stream", f"{totals['activities']:,}"),
        ("logged-out sessions stitched to a customer", f"{stitched:,} of {totals['anonymous_sessions']:,} ({stitched / max(totals['anonymous_sessions'], 1):.0%})"),
        ("revenue, refunds", f"{_money(totals['gross'])}, {_money(totals['refunded'])}"),
        ("customers who bought after signing up", f"{totals['conversion']:.0%}"),
    ]

    funnel = _rows(connection, "select step, people from funnel order by step_number")
    report.charts.append((charts.funnel(
        charts_dir / "funnel.png", [r["step"] for r in funnel], [int(r["people"]) for r in funnel],
        "Funnel from the first visit", "people whose first visit was followed (first_after) by each step and every earlier one",
    ), "The funnel model: each person's first started_session, joined first_after to each later step."))

    retention = _rows(connection, "select cohort_week, week_number, retention from weekly_cohort_retention order by 1, 2")
    weeks = sorted({r["cohort_week"] for r in retention})
    width = min(max((r["week_number"] for r in retention), default=0) + 1, 16)
    grid = np.full((len(weeks), width), np.nan)
    for r in retention:
        if r["week_number"] < width:
            grid[weeks.index(r["cohort_week"]), r["week_number"]] = r["retention"]
    report.charts.append((charts.heatmap(
        charts_dir / "retention.png", [w.strftime("%Y-%m-%d") for w in weeks], list(range(width)), grid,
        "Weekly cohort retention", "share of each sign-up week's customers with a visit n weeks later (churn shows as fading rows)",
        "weeks after sign-up",
    ), "weekly_cohort_retention: customers by sign-up week; blank cells are in the future."))

    hours = [r["hours_to_convert"] for r in _rows(connection, "select hours_to_convert from conversion_analysis where converted")]
    days = np.array(hours, dtype=float) / 24
    median = float(np.median(days)) if len(days) else None
    report.charts.append((charts.histogram(
        charts_dir / "time_to_convert.png", list(days), 2, 60,
        "Time from sign-up to first purchase", "customers who bought, by days between signed_up and the first made_purchase after it (first_after)",
        "days after sign-up", marker=median, marker_label=f"median {median:.1f} days" if median is not None else "",
    ), "conversion_analysis: first_after join from each customer's first sign-up."))

    daily = _rows(connection, """
        with days as (
            select activity_date, sum(case when activity = 'started_session' then activities else 0 end) as sessions,
                   sum(coalesce(revenue, 0)) as revenue
            from fct_daily_activities group by 1
        )
        select activity_date, sessions, avg(revenue) over (order by activity_date rows 6 preceding) as revenue_week
        from days order by 1
    """)
    report.charts.append((charts.daily_lines(
        charts_dir / "daily_activity.png", [r["activity_date"] for r in daily],
        {"sessions per day": [r["sessions"] for r in daily], "net revenue, 7-day average ($/day)": [r["revenue_week"] for r in daily]},
        "Daily sessions and revenue", "weekly seasonality (quiet weekends) and growth; revenue net of refunds",
    ), "fct_daily_activities."))

    journeys = _rows(connection, "select activity, next_activity, transitions, share_of_activity from journey_next_activity order by transitions desc limit 8")
    report.tables.append(("Most common next activities (journey_next_activity)", ["activity", "next activity", "transitions", "share"],
                          [[r["activity"], r["next_activity"], f"{r['transitions']:,}", f"{r['share_of_activity']:.0%}"] for r in journeys]))
    return report


def sbdk(connection: duckdb.DuckDBPyConnection, charts_dir: Path) -> Report:
    report = Report(
        "sbdk: SBDK.dev's marts, and the same marts from its activity stream",
        "Staging, intermediate and marts as designed for SBDK.dev (with its defects fixed), and next to them "
        "the same figures computed from an activity stream with the package's temporal joins. The stream_agreement "
        "tests prove both agree row for row.",
    )
    totals = _one(connection, "select count(*) as users, sum(total_orders) as orders, sum(total_revenue) as revenue, sum(total_sessions) as sessions from user_metrics")
    report.figures += [
        ("users", f"{totals['users']:,}"), ("sessions", f"{totals['sessions']:,}"),
        ("orders", f"{totals['orders']:,}"), ("revenue", _money(totals["revenue"])),
    ]
    pairs = [("user_metrics", "stream_user_metrics"), ("cohort_summary", "stream_cohort_summary"), ("product_summary", "stream_product_summary"), ("daily_summary", "stream_daily_summary")]
    report.tables.append(("Marts and their activity-stream versions", ["mart", "rows", "stream version", "rows"], [
        [mart, f"{_one(connection, f'select count(*) as n from {mart}')['n']:,}", stream, f"{_one(connection, f'select count(*) as n from {stream}')['n']:,}"]
        for mart, stream in pairs
    ]))
    daily = _rows(connection, """
        select report_date, total_events, avg(daily_revenue) over (order by report_date rows 6 preceding) as revenue_week
        from daily_summary order by 1
    """)
    report.charts.append((charts.daily_lines(
        charts_dir / "daily_summary.png", [r["report_date"] for r in daily],
        {"events per day": [r["total_events"] for r in daily], "revenue, 7-day average ($/day)": [float(r["revenue_week"]) for r in daily]},
        "daily_summary", "events and revenue per day (orders grouped by the order date that stg_orders now selects)",
    ), "daily_summary, equal to stream_daily_summary."))
    cohorts = _rows(connection, "select cohort_month, cohort_size, buyers_in_cohort from cohort_summary order by 1")
    report.charts.append((charts.bars(
        charts_dir / "cohorts.png", [r["cohort_month"].strftime("%Y-%m") for r in cohorts],
        {"users": [r["cohort_size"] for r in cohorts], "buyers": [r["buyers_in_cohort"] for r in cohorts]},
        "Sign-up cohorts", "users by sign-up month and those who bought (cohort_summary, equal to stream_cohort_summary)", "users",
    ), "cohort_summary."))
    return report


def event_stream(connection: duckdb.DuckDBPyConnection, charts_dir: Path) -> Report:
    report = Report(
        "event_stream: a star schema with SCD2 dimensions, loaded incrementally",
        "Users and posts change in place in the product database; dbt snapshots keep their history (SCD2). "
        "Events are appended by each load, some days late; the incremental facts pick them up by load time "
        "and recompute the days they touch.",
    )
    loads = _rows(connection, "select batch, loaded_until, mode from raw._generator_loads order by batch")
    totals = _one(connection, """
        select (select count(*) from fct_events) as events,
               (select count(*) from dim_users) as user_versions, (select count(distinct user_id) from dim_users) as users,
               (select count(*) from dim_posts) as post_versions, (select count(*) from post_metrics) as posts,
               (select count(*) from creator_metrics where is_active) as active_creators, (select count(*) from creator_metrics) as creators
    """)
    report.figures += [
        ("loads", ", ".join(f"{r['mode']} until {r['loaded_until']:%Y-%m-%d}" for r in loads)),
        ("events", f"{totals['events']:,}"),
        ("users (SCD2 versions)", f"{totals['users']:,} ({totals['user_versions']:,})"),
        ("posts (SCD2 versions)", f"{totals['posts']:,} ({totals['post_versions']:,})"),
        ("active creators", f"{totals['active_creators']:,} of {totals['creators']:,}"),
    ]
    user = _one(connection, """
        with changed as (select user_id from dim_users group by 1 having count(*) > 1)
        select viewer_id as user_id from fct_daily_viewer_activity where viewer_id in (select user_id from changed)
        group by 1 order by sum(views) desc, 1 limit 1
    """)["user_id"]
    versions = _rows(connection, "select * from dim_users where user_id = ? order by valid_from", [user])
    data_end = _one(connection, "select max(occurred_at) as end from fct_events")["end"]
    lanes = []
    for attribute in ("username", "country", "account_type", "is_verified"):
        segments: list[tuple[datetime, datetime, str]] = []
        for version in versions:
            value = str(version[attribute]).lower() if attribute == "is_verified" else str(version[attribute])
            if segments and segments[-1][2] == value:
                segments[-1] = (segments[-1][0], version["valid_to"], value)
            else:
                segments.append((version["valid_from"], version["valid_to"], value))
        lanes.append((attribute, segments))
    activity = _rows(connection, "select activity_date, views from fct_daily_viewer_activity where viewer_id = ? order by 1", [user])
    report.charts.append((charts.timeline(
        charts_dir / "scd2_history.png", lanes, ([r["activity_date"] for r in activity], [r["views"] for r in activity]),
        f"SCD2 history of user {user}",
        f"{len(versions)} versions in dim_users; snapshots see what each load brings, so changes made before the first load are not in the history",
        data_end, markers=[(r["loaded_until"], "first load" if r["batch"] == 0 else f"load {r['batch']}") for r in loads],
    ), "dim_users (from users_snapshot): the busiest viewer whose attributes changed; below, their views per day (fct_daily_viewer_activity)."))
    daily = _rows(connection, "select activity_date, sum(views) as views, sum(likes) as likes from fct_daily_post_metrics group by 1 order by 1")
    report.charts.append((charts.daily_lines(
        charts_dir / "daily_views.png", [r["activity_date"] for r in daily],
        {"views per day": [r["views"] for r in daily], "likes per day": [r["likes"] for r in daily]},
        "Daily views and likes", "fct_daily_post_metrics; dashed lines are where each load ended",
        markers=[(r["loaded_until"] - timedelta(seconds=1), f"load {r['batch']}") for r in loads],
    ), "fct_daily_post_metrics, incremental: late events land in the day they happened."))
    creators = _rows(connection, "select username, total_views, total_likes from creator_metrics order by total_views desc, creator_id limit 10")
    report.tables.append(("Top creators (creator_metrics)", ["creator", "views", "likes", "like/view"],
                          [[r["username"], f"{r['total_views']:,}", f"{r['total_likes']:,}", f"{r['total_likes'] / max(r['total_views'], 1):.1%}"] for r in creators]))
    return report


def crm(connection: duckdb.DuckDBPyConnection, charts_dir: Path) -> Report:
    report = Report(
        "crm: one company's people from a shop, an app database and a sales spreadsheet",
        "Each source is described by one-line adapter models; the package normalises identifiers, drops junk "
        "and resolves persons and groups as connected components. The generator's answer key checks the result.",
    )
    totals = _one(connection, """
        select (select count(*) from headless_crm_persons) as persons, (select count(*) from headless_crm_groups) as groups_,
               (select count(*) from headless_crm_memberships) as memberships,
               (select count(distinct person_id) from raw.crm_truth) as real_people,
               (select count(*) from raw.crm_truth) as records
    """)
    split = _one(connection, """
        select count(*) as n from (
            select truth.person_id from raw.crm_truth as truth join crm_record_persons as records using (source, record_id)
            group by 1 having count(distinct records.person_id) > 1)
    """)["n"]
    excluded = _rows(connection, "select exclusion_reason, count(*) as n from headless_crm_excluded_identifiers group by 1 order by 1")
    report.figures += [
        ("source records", f"{totals['records']:,} (behind them, {totals['real_people']:,} real people)"),
        ("resolved persons", f"{totals['persons']:,}"),
        ("real people split into several persons (no identifier in common)", f"{split:,}"),
        ("persons holding two real people", "0 (tested)"),
        ("groups, memberships", f"{totals['groups_']:,}, {totals['memberships']:,}"),
        ("identifiers excluded", ", ".join(f"{r['n']:,} {r['exclusion_reason']}" for r in excluded) or "none"),
    ]
    sizes = _rows(connection, "select identifiers, sources, count(*) as persons from crm_person_sizes group by 1, 2 order by 1, 2")
    counts = sorted({r["identifiers"] for r in sizes})
    series: dict[str, Sequence[float]] = {f"{s} source{'s' if s > 1 else ''}": [sum(r["persons"] for r in sizes if r["identifiers"] == c and r["sources"] == s) for c in counts] for s in (1, 2, 3)}
    report.charts.append((charts.bars(
        charts_dir / "person_sizes.png", [str(c) for c in counts], series,
        "Size of resolved persons", "persons by number of identifiers, split by how many systems they were seen in", "persons", stacked=True,
    ), "crm_person_sizes, from headless_crm_persons."))
    per_source = _rows(connection, """
        select truth.source, count(*) as records, count(records.person_id) as resolved
        from raw.crm_truth as truth left join crm_record_persons as records using (source, record_id)
        group by 1 order by 1
    """)
    report.tables.append(("Records per source", ["source", "records", "with a resolved person"],
                          [[r["source"], f"{r['records']:,}", f"{r['resolved']:,}"] for r in per_source]))
    return report


BUILDERS: dict[str, Callable[[duckdb.DuckDBPyConnection, Path], Report]] = {
    "web_activity": web_activity, "sbdk": sbdk, "event_stream": event_stream, "crm": crm,
}


def write_report(name: str, database: Path, out_dir: Path) -> Path:
    """Render an example's report from its built database into out_dir/NAME.html and out_dir/NAME/*.png."""
    loaded = loaded_batches(database)
    if loaded is None:
        raise FileNotFoundError(f"{database} holds no generated data: build the example first (activity-harness examples --only {name})")
    charts_dir = out_dir / name
    with duckdb.connect(str(database)) as connection:
        report = BUILDERS[name](connection, charts_dir)
    page = out_dir / f"{name}.html"
    page.write_text(_html(report, EXAMPLES[name].name, loaded[1], out_dir))
    return page


def _html(report: Report, name: str, settings: dict[str, object], out_dir: Path) -> str:
    escape = html.escape
    figures = "".join(f"<tr><th>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in report.figures)
    tables = "".join(
        f"<h2>{escape(title)}</h2><table class='grid'><tr>{''.join(f'<th>{escape(h)}</th>' for h in header)}</tr>"
        + "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows) + "</table>"
        for title, header, rows in report.tables
    )
    images = "".join(
        f"<figure><img src='{escape(path.relative_to(out_dir).as_posix())}' alt='{escape(caption)}'><figcaption>{escape(caption)}</figcaption></figure>"
        for path, caption in report.charts
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(report.title)}</title>
<style>
body {{ font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1f2933; max-width: 1200px; margin: 2em auto; padding: 0 1em; }}
h1 {{ font-size: 1.6em; }} h2 {{ font-size: 1.15em; margin-top: 1.6em; }}
p.lead {{ color: #52606d; max-width: 60em; }}
table {{ border-collapse: collapse; margin: 0.5em 0; }}
th, td {{ text-align: left; padding: 0.3em 1em 0.3em 0; border-bottom: 1px solid #e4e7eb; }}
table.grid th {{ color: #7b8794; font-weight: normal; }}
figure {{ margin: 2em 0; }} img {{ max-width: 100%; }} figcaption {{ color: #7b8794; font-size: 0.9em; }}
footer {{ color: #7b8794; font-size: 0.85em; margin-top: 3em; }}
</style></head>
<body>
<h1>{escape(report.title)}</h1>
<p class="lead">{escape(report.lead)}</p>
<table>{figures}</table>
{images}
{tables}
<footer>Built by <code>activity-harness examples --only {escape(name)}</code> from generated data (seed {settings.get("seed")}, scale {settings.get("scale")}) on DuckDB.
The project is <code>examples/{escape(name)}/</code>.</footer>
</body></html>
"""
