"""The web/SaaS product: visitors browse anonymously, some sign up, log in on other
devices, buy, ask for refunds and churn.

Tables (the raw schema of examples/web_activity): sessions, web_events (page views,
product views, add-to-carts; some arrive days late), signups, logins (identify calls,
including a household member's account picked up by mistake on a shared device and
switched away from in the same minute), orders (recorded server-side: only some carry the
browser's anonymous id) and refunds.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import calendar, seeding
from .people import Behaviour, arrive, expand, steps, visit, weighted_pick
from .pools import COUNTRIES, COUNTRY_WEIGHTS, FREE_EMAIL_DOMAINS, JUNK_EMAILS, pools
from .tables import Dataset, Frame, Ids, Labels, TableSpec, present_where

VISITORS_PER_SCALE = 1000  # visitors arriving during the first load, per unit of --scale


@dataclass(frozen=True)
class Shape:
    """How the product's visitors behave, and who signs up (by kind of visitor)."""

    behaviour: Behaviour
    signup_one_visit: float
    signup_returning: float
    signup_shared_household: float


SHAPE = Shape(
    behaviour=Behaviour(
        one_visit_share=0.5, visits_per_week_median=0.8, visits_per_week_sigma=1.0,
        lifetime_weeks_mean=9.0, loyal_share=0.2, max_visits=200, shared_device_share=0.14,
    ),
    signup_one_visit=0.04, signup_returning=0.38, signup_shared_household=0.7,
)
DEVICE_TYPES = ("desktop", "mobile", "tablet")
CHANNELS = (  # (referrer, utm_source) of a visit
    (None, None), ("google.com", "organic"), ("google.com", "cpc"), ("facebook.com", "paid_social"),
    ("newsletter", "email"), ("partner", "referral"),
)
ACQUISITION_WEIGHTS = (0.2, 0.35, 0.15, 0.12, 0.03, 0.15)
RETURN_WEIGHTS = (0.55, 0.2, 0.05, 0.05, 0.12, 0.03)
PAGE_KINDS = ("page_view", "product_view", "add_to_cart")
PAGE_KIND_WEIGHTS = (0.45, 0.4, 0.15)
LANDING_KIND_WEIGHTS = (0.65, 0.35)
# Product categories of a SaaS shop, with a typical price each (the SBDK marts group by them).
CATEGORIES = ("subscription", "renewal", "addon", "templates", "courses", "consulting")
CATEGORY_WEIGHTS = (0.35, 0.15, 0.2, 0.15, 0.1, 0.05)
CATEGORY_PRICES = np.array([49.0, 45.0, 19.0, 29.0, 89.0, 450.0])
PLANS = ("free", "starter", "pro")
PLAN_WEIGHTS = (0.6, 0.28, 0.12)
PAYMENT_METHODS = ("credit_card", "paypal", "wire")
PAYMENT_WEIGHTS = (0.7, 0.25, 0.05)
SITE = "https://app.example.com"
SECTIONS = ("/blog/", "/docs/", "/pricing", "/")
SECTION_WEIGHTS = (0.35, 0.3, 0.2, 0.15)
NEVER = np.iinfo(np.int64).max

TABLES = (
    TableSpec("sessions", order_by=("started_at", "session_id"), loaded_at="_loaded_at"),
    TableSpec("web_events", order_by=("occurred_at", "event_id"), loaded_at="_loaded_at"),
    TableSpec("signups", order_by=("signed_up_at", "user_id"), loaded_at="_loaded_at"),
    TableSpec("logins", order_by=("logged_in_at", "login_id"), loaded_at="_loaded_at"),
    TableSpec("orders", order_by=("ordered_at", "order_id"), loaded_at="_loaded_at"),
    TableSpec("refunds", order_by=("refunded_at", "refund_id"), loaded_at="_loaded_at"),
)


@lru_cache(maxsize=4)
def _site(seed: int) -> np.ndarray:
    """Every page of the site, slug by slug: product pages per category, then the other sections."""
    slugs = pools(seed).slugs
    products = [f"{SITE}/products/{category}/{slug}" for category in CATEGORIES for slug in slugs]
    others = [f"{SITE}{section}{slug if section in ('/blog/', '/docs/') else ''}" for section in SECTIONS for slug in slugs]
    return np.array(products + others, dtype=object)


def _channel_columns(choice: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    referrers = np.array([c[0] for c in CHANNELS], dtype=object)
    sources = np.array([c[1] for c in CHANNELS], dtype=object)
    return referrers[choice], sources[choice]


def _emails(people_keys: np.ndarray, seed: int) -> np.ndarray:
    """first.last(+n)@free-mail, and a few junk addresses typed into the form."""
    words = pools(seed)
    first = words.first_names[weighted_pick(people_keys, "first_name", len(words.first_names))]
    last = words.last_names[weighted_pick(people_keys, "last_name", len(words.last_names))]
    domain = np.array(FREE_EMAIL_DOMAINS, dtype=object)[seeding.choice(people_keys, "email_domain", (0.45, 0.15, 0.12, 0.12, 0.1, 0.06))]
    number = seeding.integers(people_keys, "email_number", 1, 100)
    with_number = seeding.bernoulli(people_keys, "email_has_number", 0.5)
    emails = np.array([
        f"{f}.{surname}{n if w else ''}@{d}".lower().replace(" ", "").replace("'", "")
        for f, surname, n, w, d in zip(first, last, number, with_number, domain)
    ], dtype=object)
    junk = seeding.bernoulli(people_keys, "junk_email", 0.02)
    emails[junk] = np.array(JUNK_EMAILS, dtype=object)[seeding.integers(people_keys[junk], "junk_which", 0, len(JUNK_EMAILS))]
    return emails


def simulate(seed: int, scale: float, days: range, horizon: int, shape: Shape = SHAPE) -> dict[str, Frame]:
    """Every row caused by the visitors arriving on `days`, from their visits before the
    horizon (days since START)."""
    words = pools(seed)
    people = arrive(seed, "visitor", VISITORS_PER_SCALE * scale, days, shape.behaviour)
    visits = visit(people, shape.behaviour, horizon * calendar.DAY)
    keys = people.keys
    n = len(people)

    # People: who signs up, on which visit, and how keen a buyer they are. Decided from the
    # whole lifetime, so that a later cut never changes what happened before an earlier one.
    visit_counts = np.bincount(visits.person, minlength=n)
    one_visit = visits.lifetime_visits == 1
    signup_share = np.where(people.shares_device, shape.signup_shared_household, np.where(one_visit, shape.signup_one_visit, shape.signup_returning))
    signup_visit = np.minimum(seeding.geometric(keys, "signup_visit", 1.2), visits.lifetime_visits - 1)
    signs_up = seeding.bernoulli(keys, "signs_up", signup_share) & (signup_visit < visit_counts)
    devices = np.where(one_visit, 1, 1 + seeding.choice(keys, "devices", (0.6, 0.3, 0.1)))
    propensity = np.minimum(seeding.lognormal(keys, "buyer", 0.1, 0.9), 0.7)
    user_ids = Ids("usr_", keys)

    # Visits: the device (another of the person's own, or the household's shared one), the channel.
    p = visits.person
    own_device = np.where(visits.number == 0, 0, np.floor(seeding.uniform(visits.keys, "device") ** 1.7 * devices[p]).astype(np.int64))
    on_partners = people.shares_device[p] & people.is_second[p] & seeding.bernoulli(visits.keys, "shared_device", 0.45)
    owner = np.where(on_partners, people.partner[p], p)
    device_number = np.where(on_partners, 0, own_device)
    shared = people.shares_device[p] & (device_number == 0) & (on_partners | ~people.is_second[p])
    device_keys = seeding.child_keys(keys[owner], "device", device_number)
    anonymous_ids = Ids("anon_", device_keys)
    device_type = np.array(DEVICE_TYPES, dtype=object)[np.where(shared, 0, seeding.choice(device_keys, "device_type", (0.5, 0.42, 0.08)))]
    acquisition = seeding.choice(keys, "acquisition", ACQUISITION_WEIGHTS)
    channel = np.where(visits.number == 0, acquisition[p], seeding.choice(visits.keys, "channel", RETURN_WEIGHTS))

    pages, visit_end = steps(visits, mean_extra_steps=2.8, max_steps=40, mean_gap_seconds=55)
    v = pages.visit

    # Sign-up at the end of the chosen visit; from then on the person can be logged in.
    first_visit_index = np.cumsum(visit_counts) - visit_counts
    signup_index = first_visit_index + signup_visit
    signed_up_at = np.where(signs_up, visit_end[np.minimum(signup_index, len(visits) - 1)] + 20 + seeding.integers(keys, "signup_delay", 0, 70), -1)
    customer = signs_up[p] & (visits.number > signup_visit[p])
    signup_device = np.where(signs_up, device_keys[np.minimum(signup_index, len(visits) - 1)], 0)

    # Logged in at the start: a remembered login on this device (the sign-up device, or one
    # where the person logged in on an earlier visit). Shared devices are logged out after use.
    attempt = customer & ~shared & (device_keys != signup_device[p]) & seeding.bernoulli(visits.keys, "login", 0.5)
    devices_seen, device_of_visit = np.unique(device_keys, return_inverse=True)
    first_attempt = np.full(len(devices_seen), NEVER)
    np.minimum.at(first_attempt, device_of_visit[attempt], visits.start[attempt])
    device_first_login = first_attempt[device_of_visit]
    first_login = attempt & (visits.start == device_first_login)
    remembered = customer & ~shared & ((device_keys == signup_device[p]) | (visits.start > device_first_login))
    relogin = remembered & seeding.bernoulli(visits.keys, "relogin", 0.05)
    shared_login = customer & shared & seeding.bernoulli(visits.keys, "shared_login", 0.75)
    logs_in = first_login | relogin | shared_login
    login_at = visits.start + 15
    # On a shared device the other person's account is sometimes still signed in: it is
    # picked up and switched away from within the same minute.
    other = people.partner[p]
    other_signed_up_at = np.where(other >= 0, signed_up_at[np.maximum(other, 0)], -1)
    wrong_account = shared_login & (other_signed_up_at >= 0) & (other_signed_up_at < visits.start) & seeding.bernoulli(visits.keys, "wrong_account", 0.25)
    logged_in_from = np.where(remembered, visits.start, np.where(logs_in, login_at, NEVER))

    # Orders: a logged-in visit ends in a purchase with the person's propensity; a few
    # checkouts are two orders (a plan and an add-on), minutes apart.
    buys = (logged_in_from < NEVER) & seeding.bernoulli(visits.keys, "buys", propensity[p])
    order_visit, order_number = expand(np.where(buys, 1 + seeding.bernoulli(visits.keys, "second_order", 0.2), 0))
    order_keys = seeding.child_keys(visits.keys[order_visit], "order", order_number)
    ordered_at = visit_end[order_visit] + 30 + seeding.integers(order_keys, "checkout_seconds", 0, 270) + 300 * order_number
    category = seeding.choice(order_keys, "category", CATEGORY_WEIGHTS)
    amount = np.round(CATEGORY_PRICES[category] * seeding.lognormal(order_keys, "amount", 1.0, 0.35), 2)
    web_checkout = seeding.bernoulli(order_keys, "web_checkout", 0.6)
    refunded = seeding.bernoulli(order_keys, "refunded", 0.07)
    refund_keys = order_keys[refunded]
    refunded_at = ordered_at[refunded] + 3600 + np.floor(seeding.exponential(refund_keys, "refund_delay", 4 * calendar.DAY)).astype(np.int64)
    partial = seeding.bernoulli(refund_keys, "partial_refund", 0.2)
    order_ids = Ids("ord_", order_keys)

    # Web events: logged-in ones carry the user id. A few reach the warehouse days late (offline phones).
    # A visit lands on a content page or, from an ad or a search, on a product page.
    page_kind = np.where(pages.number == 0, seeding.choice(pages.keys, "landing_kind", LANDING_KIND_WEIGHTS), seeding.choice(pages.keys, "kind", PAGE_KIND_WEIGHTS))
    page_category = seeding.choice(pages.keys, "category", CATEGORY_WEIGHTS)
    slug = weighted_pick(pages.keys, "slug", len(words.slugs), skew=2.0)
    section = seeding.choice(pages.keys, "section", SECTION_WEIGHTS)
    product_page = page_kind > 0
    categories = np.array(CATEGORIES, dtype=object)
    url = Labels(_site(seed), np.where(product_page, page_category * len(words.slugs), (len(CATEGORIES) + section) * len(words.slugs)) + slug)
    late = seeding.bernoulli(pages.keys, "late", 0.02)
    lag = 2 + np.floor(seeding.exponential(pages.keys, "lag", 20.0)).astype(np.int64)
    lag = np.where(late, lag + np.floor(seeding.exponential(pages.keys, "late_lag", 1.5 * calendar.DAY)).astype(np.int64), lag)
    page_user = user_ids[p[v]].where(customer[v] & (pages.ts >= logged_in_from[v]))

    signup_people = np.flatnonzero(signs_up)
    signup_at_visit = np.minimum(signup_index[signup_people], len(visits) - 1)
    login_rows = np.flatnonzero(logs_in)
    wrong_rows = np.flatnonzero(wrong_account)
    login_times = np.concatenate((login_at[login_rows], login_at[wrong_rows] - 10))
    session_ids = Ids("ses_", visits.keys)
    pages_per_visit = np.bincount(v, minlength=len(visits))
    referrer, utm_source = _channel_columns(channel)
    when = calendar.to_datetime
    return {
        "sessions": {
            "session_id": session_ids,
            "anonymous_id": anonymous_ids,
            "user_id": user_ids[p].where(remembered),
            "started_at": when(visits.start),
            "ended_at": when(visit_end),
            "device_type": device_type,
            "referrer": referrer,
            "utm_source": utm_source,
            "landing_page": url[np.cumsum(pages_per_visit) - pages_per_visit],
            "_loaded_at": when(visit_end + 60),
        },
        "web_events": {
            "event_id": Ids("evt_", pages.keys),
            "session_id": session_ids[v],
            "anonymous_id": anonymous_ids[v],
            "user_id": page_user,
            "event_type": np.array(PAGE_KINDS, dtype=object)[page_kind],
            "page_url": url,
            "product_category": present_where(product_page, categories[page_category]),
            "occurred_at": when(pages.ts),
            "_loaded_at": when(pages.ts + lag),
        },
        "signups": {
            "user_id": user_ids[signup_people],
            "anonymous_id": anonymous_ids[signup_at_visit],
            "email": _emails(keys[signup_people], seed),
            "country": np.array(COUNTRIES, dtype=object)[seeding.choice(keys[signup_people], "country", COUNTRY_WEIGHTS)],
            "plan": np.array(PLANS, dtype=object)[seeding.choice(keys[signup_people], "plan", PLAN_WEIGHTS)],
            "signed_up_at": when(signed_up_at[signup_people]),
            "_loaded_at": when(signed_up_at[signup_people] + 1),
        },
        "logins": {
            "login_id": Ids.concat(Ids("lgn_", seeding.child_keys(visits.keys[login_rows], "login", 0)), Ids("lgn_", seeding.child_keys(visits.keys[wrong_rows], "wrong_account", 0))),
            "user_id": Ids.concat(user_ids[p[login_rows]], user_ids[other[wrong_rows]]),
            "anonymous_id": Ids.concat(anonymous_ids[login_rows], anonymous_ids[wrong_rows]),
            "logged_in_at": when(login_times),
            "_loaded_at": when(login_times + 1),
        },
        "orders": {
            "order_id": order_ids,
            "user_id": user_ids[p[order_visit]],
            "anonymous_id": anonymous_ids[order_visit].where(web_checkout),
            "ordered_at": when(ordered_at),
            "amount": amount,
            "product_category": categories[category],
            "payment_method": np.array(PAYMENT_METHODS, dtype=object)[seeding.choice(order_keys, "payment", PAYMENT_WEIGHTS)],
            "_loaded_at": when(ordered_at + 1),
        },
        "refunds": {
            "refund_id": Ids("ref_", refund_keys),
            "order_id": order_ids[refunded],
            "user_id": user_ids[p[order_visit]][refunded],
            "refunded_at": when(refunded_at),
            "amount": np.where(partial, np.round(amount[refunded] / 2, 2), amount[refunded]),
            "_loaded_at": when(refunded_at + 1),
        },
    }


DATASET = Dataset(
    name="web",
    description="a web/SaaS product: anonymous browsing, sign-ups, logins across devices, orders and refunds",
    tables=TABLES,
    simulate=simulate,
    people_per_scale=VISITORS_PER_SCALE,
    activity_tables=tuple(spec.name for spec in TABLES),
)
