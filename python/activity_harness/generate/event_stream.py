"""A social product's event stream: creators publish posts, viewers come back in sessions
to view them and sometimes like them.

users and posts are state tables: the source changes rows in place (a user moves country,
upgrades, renames, gets verified; a post is retitled or re-tagged), so a load publishes
each entity's latest version and an incremental load replaces the changed ones. events are
append-only; a few arrive days after they happened.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import calendar, seeding
from .people import Behaviour, Visits, arrive, expand, steps, visit, weighted_pick
from .pools import COUNTRIES, COUNTRY_WEIGHTS, pools
from .seeding import I64, U64
from .tables import Dataset, Frame, Ids, TableSpec, concat

VIEWERS_PER_SCALE = 1000
CREATORS_PER_SCALE = 120
VIEWERS = Behaviour(
    one_visit_share=0.25, visits_per_week_median=1.5, visits_per_week_sigma=1.0,
    lifetime_weeks_mean=12.0, loyal_share=0.25, max_visits=300, shared_device_share=0.0,
)
CREATORS = Behaviour(
    one_visit_share=0.0, visits_per_week_median=1.2, visits_per_week_sigma=0.8,
    lifetime_weeks_mean=20.0, loyal_share=0.4, max_visits=200, shared_device_share=0.0,
)
POST_SHARE = 0.35  # a creator's visit publishes a post
ACCOUNT_TYPES = ("free", "premium", "business")
CATEGORIES = ("music", "tech", "food", "travel", "sports", "art")
# Which attribute a user's change touches.
USER_CHANGES = ("country", "account_type", "username", "is_verified")
USER_CHANGE_WEIGHTS = (0.15, 0.45, 0.25, 0.15)

TABLES = (
    TableSpec("users", order_by=("user_id",), loaded_at="_loaded_at", key=("user_id",)),
    TableSpec("posts", order_by=("post_id",), loaded_at="_loaded_at", key=("post_id",)),
    TableSpec("events", order_by=("occurred_at", "event_id"), loaded_at="_loaded_at"),
)


def _changes_so_far(counts: I64, changed: np.ndarray) -> I64:
    """Per version row: how many of the entity's versions up to this one set the flag."""
    running = np.cumsum(changed)
    starts = np.cumsum(counts) - counts
    return running - np.repeat(running[starts] - changed[starts], counts)


def _user_versions(seed: int, keys: U64, created: I64, is_creator: bool) -> Frame:
    """Every version of some users: the first at sign-up, then one per change."""
    words = pools(seed)
    counts = 1 + np.minimum(seeding.geometric(keys, "changes", 0.7), 6)
    user, number = expand(counts)
    version_keys = seeding.child_keys(keys[user], "version", number)
    gap = np.where(number == 0, 0, 3600 + np.floor(seeding.exponential(version_keys, "change_gap", 5 * calendar.WEEK)).astype(np.int64))
    at = created[user] + _changes_so_far(counts, gap)
    change = np.where(number == 0, -1, seeding.choice(version_keys, "change", USER_CHANGE_WEIGHTS))
    so_far = {name: _changes_so_far(counts, change == i) for i, name in enumerate(USER_CHANGES)}
    base_country = seeding.choice(keys, "country", COUNTRY_WEIGHTS)[user]
    country_step = seeding.integers(keys, "country_step", 1, len(COUNTRIES))[user]
    base_type = seeding.choice(keys, "account_type", (0.7, 0.25, 0.05))[user]
    names = words.user_names[weighted_pick(keys, "username", len(words.user_names))][user]
    suffix = seeding.integers(keys, "username_number", 10, 100)[user]
    usernames = np.array([f"{n}{s}" if k == 0 else f"{n}{s}_{k}" for n, s, k in zip(names, suffix, so_far["username"])], dtype=object)
    return {
        "user_id": Ids("usr_", keys[user]),
        "username": usernames,
        "country": np.array(COUNTRIES, dtype=object)[(base_country + country_step * so_far["country"]) % len(COUNTRIES)],
        "account_type": np.array(ACCOUNT_TYPES, dtype=object)[(base_type + so_far["account_type"]) % len(ACCOUNT_TYPES)],
        "is_verified": seeding.bernoulli(keys, "verified", 0.05)[user] | (so_far["is_verified"] > 0),
        "is_creator": np.full(len(user), is_creator),
        "created_at": calendar.to_datetime(created[user]),
        "updated_at": calendar.to_datetime(at),
        "_loaded_at": calendar.to_datetime(at + 1),
    }


@dataclass(frozen=True)
class Posts:
    keys: U64
    creator: U64  # the creator's key
    created: I64  # sorted ascending
    frame: Frame  # every version of every post


@lru_cache(maxsize=2)
def _creators(seed: int, scale: float, horizon: int) -> tuple[Frame, Posts]:
    """Creators arriving until the horizon and their posts: every viewer chooses among
    these, whatever day the viewer arrived."""
    people = arrive(seed, "creator", CREATORS_PER_SCALE * scale, range(horizon), CREATORS)
    visits: Visits = visit(people, CREATORS, horizon * calendar.DAY)
    posting = seeding.bernoulli(visits.keys, "posts", POST_SHARE)
    keys = seeding.child_keys(visits.keys[posting], "post", np.zeros(int(posting.sum())))
    created = visits.start[posting] + 60
    creator = people.keys[visits.person[posting]]
    order = np.lexsort((keys, created))
    keys, created, creator = keys[order], created[order], creator[order]

    words = pools(seed)
    counts = 1 + np.minimum(seeding.geometric(keys, "edits", 0.3), 3)
    post, number = expand(counts)
    version_keys = seeding.child_keys(keys[post], "version", number)
    gap = np.where(number == 0, 0, 600 + np.floor(seeding.exponential(version_keys, "edit_gap", 3 * calendar.DAY)).astype(np.int64))
    at = created[post] + _changes_so_far(counts, gap)
    retitled = (number > 0) & seeding.bernoulli(version_keys, "retitle", 0.6)
    titles = words.titles[weighted_pick(keys, "title", len(words.titles))][post]
    edits = _changes_so_far(counts, retitled)
    base_category = seeding.choice(keys, "category", (0.2, 0.25, 0.15, 0.15, 0.15, 0.1))[post]
    frame: Frame = {
        "post_id": Ids("pst_", keys[post]),
        "creator_id": Ids("usr_", creator[post]),
        "title": np.array([t if e == 0 else f"{t} (edit {e})" for t, e in zip(titles, edits)], dtype=object),
        "category": np.array(CATEGORIES, dtype=object)[(base_category + _changes_so_far(counts, (number > 0) & ~retitled)) % len(CATEGORIES)],
        "created_at": calendar.to_datetime(created[post]),
        "updated_at": calendar.to_datetime(at),
        "_loaded_at": calendar.to_datetime(at + 1),
    }
    users = _user_versions(seed, people.keys, people.arrival, is_creator=True)
    return users, Posts(keys=keys, creator=creator, created=created, frame=frame)


def simulate(seed: int, scale: float, days: range, horizon: int) -> dict[str, Frame]:
    creator_users, posts = _creators(seed, scale, horizon)
    people = arrive(seed, "viewer", VIEWERS_PER_SCALE * scale, days, VIEWERS)
    visits = visit(people, VIEWERS, horizon * calendar.DAY)
    views, _ = steps(visits, mean_extra_steps=4.0, max_steps=30, mean_gap_seconds=40)
    # A view picks among the posts published before it, mostly the recent ones.
    published = np.searchsorted(posts.created, views.ts, side="left")
    seen = published > 0
    views_keys, views_ts, views_visit, published = views.keys[seen], views.ts[seen], views.visit[seen], published[seen]
    pick = published - 1 - np.minimum(np.floor(published * seeding.uniform(views_keys, "recency") ** 3).astype(np.int64), published - 1)
    post = posts.keys[pick]
    viewer = people.keys[visits.person[views_visit]]
    keenness = np.minimum(seeding.lognormal(people.keys, "likes", 0.06, 0.8), 0.6)[visits.person[views_visit]]
    appeal = np.minimum(seeding.lognormal(post, "appeal", 1.0, 0.5), 3.0)
    liked = seeding.bernoulli(views_keys, "like", keenness * appeal)
    like_ts = views_ts[liked] + 3 + seeding.integers(views_keys[liked], "like_delay", 0, 60)

    keys = np.concatenate((views_keys, seeding.child_keys(views_keys[liked], "like", 0)))
    ts = np.concatenate((views_ts, like_ts))
    late = seeding.bernoulli(keys, "late", 0.03)
    lag = 1 + np.floor(seeding.exponential(keys, "lag", 10.0)).astype(np.int64)
    lag = np.where(late, lag + np.floor(seeding.exponential(keys, "late_lag", 2 * calendar.DAY)).astype(np.int64), lag)
    frames: dict[str, Frame] = {
        "users": _user_versions(seed, people.keys, people.arrival, is_creator=False),
        "events": {
            "event_id": Ids("evt_", keys),
            "user_id": Ids("usr_", np.concatenate((viewer, viewer[liked]))),
            "post_id": Ids("pst_", np.concatenate((post, post[liked]))),
            "event_type": np.array(["view"] * len(views_keys) + ["like"] * int(liked.sum()), dtype=object),
            "session_id": Ids("ses_", np.concatenate((visits.keys[views_visit], visits.keys[views_visit][liked]))),
            "occurred_at": calendar.to_datetime(ts),
            "_loaded_at": calendar.to_datetime(ts + lag),
        },
    }
    if days.start == 0:  # creators and posts are staged once
        frames["users"] = {name: concat(frames["users"][name], creator_users[name]) for name in frames["users"]}
        frames["posts"] = posts.frame
    return frames


DATASET = Dataset(
    name="event_stream",
    description="a social product: users (changing attributes), posts (edited) and view/like events, some arriving late",
    tables=TABLES,
    simulate=simulate,
    people_per_scale=VIEWERS_PER_SCALE,
    activity_tables=("events",),
)
