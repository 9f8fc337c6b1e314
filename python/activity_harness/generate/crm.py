"""A company's customer data in three systems that never agreed on an id: a shop (orders),
the app's database (users, workspaces, memberships) and the sales team's spreadsheet of
contacts.

People use a personal and a work address, type them in upper case or with spaces, give
their phone in four formats, and the forms are full of junk (test@test.com, 000-000-0000,
a free-mail domain as the company website). crm_truth is the generator's answer key: the
real person and company behind every record, for tests and reports (no source has it).
"""

from __future__ import annotations

import numpy as np

from . import calendar, seeding
from .people import Behaviour, arrive, expand, weighted_pick
from .pools import FREE_EMAIL_DOMAINS, JUNK_EMAILS, JUNK_PHONES, pools
from .seeding import I64, U64
from .tables import Dataset, Frame, Ids, Stage, TableSpec, id_sql, present_where

PERSONS_PER_SCALE = 1000
COMPANIES_PER_SCALE = 120
# Only arrivals matter here: everyone is one "visit".
ARRIVALS = Behaviour(
    one_visit_share=1.0, visits_per_week_median=1.0, visits_per_week_sigma=0.0,
    lifetime_weeks_mean=1.0, loyal_share=0.0, max_visits=1, shared_device_share=0.0,
)
PLANS = ("free", "team", "enterprise")
CONTACT_ROLES = ("decision_maker", "champion", "user")
# The record behind each row of the answer key: a shop order, an app user, a spreadsheet contact.
RECORD_ID_PREFIXES = {"shop": "ord_", "app": "usr_", "spreadsheet": "con_"}

TABLES = (
    TableSpec("shop_orders", order_by=("ordered_at", "order_id"), loaded_at="_loaded_at"),
    TableSpec("app_users", order_by=("signed_up_at", "user_id"), loaded_at="_loaded_at"),
    TableSpec("app_workspaces", order_by=("created_at", "workspace_id"), loaded_at="_loaded_at"),
    TableSpec("app_memberships", order_by=("joined_at", "membership_id"), loaded_at="_loaded_at"),
    TableSpec("sales_contacts", order_by=("added_at", "contact_id"), loaded_at="_loaded_at"),
    TableSpec("crm_truth", order_by=("source", "record_id"), loaded_at="_loaded_at"),
)


def _address(local: str, domain: str) -> str:
    return f"{local}@{domain}".lower().replace(" ", "").replace("'", "")


def _messy_email(keys: U64, emails: np.ndarray) -> np.ndarray:
    upper = seeding.bernoulli(keys, "email_upper", 0.15)
    padded = seeding.bernoulli(keys, "email_padded", 0.1)
    return np.array([
        (f" {e.upper() if u else e} " if p else (e.upper() if u else e)) for e, u, p in zip(emails, upper, padded)
    ], dtype=object)


def _messy_phone(keys: U64, phones: np.ndarray) -> np.ndarray:
    style = seeding.integers(keys, "phone_style", 0, 4)
    return np.array([
        (f"({n[:3]}) {n[3:6]}-{n[6:]}", f"+1 {n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}.{n[3:6]}.{n[6:]}", n)[s]
        for n, s in zip(phones, style)
    ], dtype=object)


def _messy_domain(keys: U64, domains: np.ndarray) -> np.ndarray:
    style = seeding.integers(keys, "domain_style", 0, 4)
    return np.array([(d, f"www.{d}", f"https://www.{d}/", f"https://{d.upper()}")[s] for d, s in zip(domains, style)], dtype=object)


def _junk(keys: U64, field: str, values: np.ndarray, share: float, junk: tuple[str, ...]) -> np.ndarray:
    replaced = seeding.bernoulli(keys, field, share)
    out = values.copy()
    out[replaced] = np.array(junk, dtype=object)[seeding.integers(keys[replaced], f"{field}_which", 0, len(junk))]
    return out


def simulate(seed: int, scale: float, days: range, horizon: int) -> dict[str, Frame]:
    words = pools(seed)
    people = arrive(seed, "crm_person", PERSONS_PER_SCALE * scale, days, ARRIVALS)
    keys, arrival = people.keys, people.arrival
    first = words.first_names[weighted_pick(keys, "first_name", len(words.first_names))]
    last = words.last_names[weighted_pick(keys, "last_name", len(words.last_names))]
    companies = min(len(words.companies), max(3, int(COMPANIES_PER_SCALE * scale)))
    employed = seeding.bernoulli(keys, "employed", 0.75)
    company = weighted_pick(keys, "company", companies, skew=1.8)
    company_keys = seeding.entity_keys(seed, "crm_company", company)
    # Unique by construction (two namesakes never share an address or a number): the
    # arrival day and the number within the day are in every address and phone number.
    unique = people.day * 100_000 + people.number
    free = np.array(FREE_EMAIL_DOMAINS, dtype=object)[seeding.choice(keys, "free_domain", (0.45, 0.15, 0.12, 0.12, 0.1, 0.06))]
    personal_email = np.array([_address(f"{f}.{surname}{u}", d) for f, surname, u, d in zip(first, last, unique, free)], dtype=object)
    work_email = np.array([_address(f"{f[0]}{surname}{u}", d) for f, surname, u, d in zip(first, last, unique, words.company_domains[company])], dtype=object)
    phone = np.array([f"{200 + d % 800:03d}{(n * 7919 + d * 104_729) % 10**7:07d}" for d, n in zip(people.day, people.number)], dtype=object)
    full_name = first + " " + last

    # The shop: some people buy, a few many times; each order carries the address typed that day.
    buys = seeding.bernoulli(keys, "buys", 0.55)
    order_counts = np.where(buys, 1 + np.minimum(seeding.geometric(keys, "orders", 1.0) * np.ceil(seeding.lognormal(keys, "busy", 1.0, 0.8)).astype(np.int64), 40), 0)
    buyer, order_number = expand(order_counts)
    order_keys = seeding.child_keys(keys[buyer], "order", order_number)
    ordered_at = arrival[buyer] + np.floor(seeding.exponential(order_keys, "order_time", 6 * calendar.WEEK)).astype(np.int64)
    work_address = employed[buyer] & seeding.bernoulli(order_keys, "work_address", 0.2)
    order_email = _junk(order_keys, "guest", np.where(work_address, work_email[buyer], personal_email[buyer]), 0.04, JUNK_EMAILS)
    gives_phone = seeding.bernoulli(order_keys, "gives_phone", 0.5)
    order_phone = _junk(order_keys, "junk_phone", _messy_phone(order_keys, phone[buyer]), 0.03, JUNK_PHONES)

    # The app: mostly people signing up for work; workspaces are companies, derived once staged.
    app_user = seeding.bernoulli(keys, "app_user", np.where(employed, 0.5, 0.15))
    users = np.flatnonzero(app_user)
    user_keys = seeding.child_keys(keys[users], "app_user", 0)
    signed_up_at = arrival[users] + np.floor(seeding.exponential(user_keys, "signup", 2 * calendar.WEEK)).astype(np.int64)
    app_work = employed[users] & seeding.bernoulli(user_keys, "app_work_address", 0.8)
    members = users[employed[users]]
    member_keys = seeding.child_keys(keys[members], "membership", 0)
    joined_at = signed_up_at[employed[users]] + 60

    # The sales spreadsheet: people at companies, typed in by hand.
    contact = employed & seeding.bernoulli(keys, "contact", 0.3)
    contacts = np.flatnonzero(contact)
    contact_keys = seeding.child_keys(keys[contacts], "contact", 0)
    added_at = arrival[contacts] + np.floor(seeding.exponential(contact_keys, "added", 4 * calendar.WEEK)).astype(np.int64)
    website = np.where(
        seeding.bernoulli(contact_keys, "website_is_email_domain", 0.05), free[contacts],
        _messy_domain(contact_keys, words.company_domains[company[contacts]]),
    )
    when = calendar.to_datetime
    return {
        "shop_orders": {
            "order_id": Ids(RECORD_ID_PREFIXES["shop"], order_keys),
            "ordered_at": when(ordered_at),
            "customer_id": Ids("cus_", seeding.child_keys(keys[buyer], "shop_account", work_address.astype(np.int64))),
            "email": _messy_email(order_keys, order_email),
            "phone": present_where(gives_phone, order_phone),
            "first_name": first[buyer],
            "last_name": last[buyer],
            "total": np.round(seeding.lognormal(order_keys, "total", 60.0, 0.7), 2),
            "_loaded_at": when(ordered_at + 3600),
        },
        "app_users": {
            "user_id": Ids(RECORD_ID_PREFIXES["app"], user_keys),
            "email": _messy_email(user_keys, np.where(app_work, work_email[users], personal_email[users])),
            "phone": present_where(seeding.bernoulli(user_keys, "app_phone", 0.3), _messy_phone(user_keys, phone[users])),
            "full_name": full_name[users],
            "plan": np.array(PLANS, dtype=object)[seeding.choice(user_keys, "plan", (0.6, 0.3, 0.1))],
            "signed_up_at": when(signed_up_at),
            "_loaded_at": when(signed_up_at + 1),
        },
        "memberships_staged": {
            "membership_id": Ids("mbr_", member_keys),
            "user_id": Ids(RECORD_ID_PREFIXES["app"], seeding.child_keys(keys[members], "app_user", 0)),
            "company_key": company_keys[members],
            "company": words.companies[company[members]],
            "website": _messy_domain(company_keys[members], words.company_domains[company[members]]),
            "role": np.array(["admin", "member"], dtype=object)[seeding.choice(member_keys, "role", (0.2, 0.8))],
            "joined_at": when(joined_at),
            "_loaded_at": when(joined_at + 1),
        },
        "sales_contacts": {
            "contact_id": Ids(RECORD_ID_PREFIXES["spreadsheet"], contact_keys),
            "email": _junk(contact_keys, "junk_contact_email", _messy_email(contact_keys, work_email[contacts]), 0.03, JUNK_EMAILS),
            "phone": present_where(seeding.bernoulli(contact_keys, "contact_phone", 0.6), _messy_phone(contact_keys, phone[contacts])),
            "company_website": website,
            "company_name": words.companies[company[contacts]],
            "job_title": words.jobs[weighted_pick(contact_keys, "job", len(words.jobs))],
            "role": np.array(CONTACT_ROLES, dtype=object)[seeding.choice(contact_keys, "contact_role", (0.3, 0.3, 0.4))],
            "added_at": when(added_at),
            "_loaded_at": when(added_at + 1),
        },
        "truth_staged": _truth(keys, employed, company_keys, [
            ("shop", order_keys, buyer, ordered_at + 3600),
            ("app", user_keys, users, signed_up_at + 1),
            ("spreadsheet", contact_keys, contacts, added_at + 1),
        ]),
    }


def _truth(keys: U64, employed: np.ndarray, company_keys: U64, records: list[tuple[str, U64, I64, I64]]) -> Frame:
    """Per record (source, its key): the person, their company and whether they work there."""
    return {
        "source": np.concatenate([np.full(len(record_keys), source, dtype=object) for source, record_keys, _, _ in records]),
        "record_key": np.concatenate([record_keys for _, record_keys, _, _ in records]),
        "person": np.concatenate([keys[person] for _, _, person, _ in records]),
        "company_key": np.concatenate([company_keys[person] for _, _, person, _ in records]),
        "employed": np.concatenate([employed[person] for _, _, person, _ in records]),
        "_loaded_at": calendar.to_datetime(np.concatenate([loaded for _, _, _, loaded in records])),
    }


def derive(stage: Stage) -> None:
    """Workspaces (one per company with app users, created with its first member) and the
    answer key need every person staged first."""
    workspace_id = id_sql("wsp_", "company_key")
    stage.derive("app_workspaces", f"""
        select {workspace_id} as workspace_id, min(company) as name, min(website) as website,
               min(joined_at) as created_at, min(_loaded_at) as _loaded_at
        from stage_memberships_staged group by company_key
    """)
    stage.derive("app_memberships", f"""
        select membership_id, user_id, {workspace_id} as workspace_id, role, joined_at, _loaded_at
        from stage_memberships_staged
    """)
    stage.derive("crm_truth", f"""
        select source,
               case source {" ".join(f"when '{source}' then {id_sql(prefix, 'record_key')}" for source, prefix in RECORD_ID_PREFIXES.items())} end as record_id,
               {id_sql("per_", "person")} as person_id,
               case when employed then {id_sql("cmp_", "company_key")} end as company_id, _loaded_at
        from stage_truth_staged
    """)


DATASET = Dataset(
    name="crm",
    description="one company's people in a shop, an app database and a sales spreadsheet, with messy and junk identifiers",
    tables=TABLES,
    simulate=simulate,
    people_per_scale=PERSONS_PER_SCALE,
    derive=derive,
    activity_tables=("shop_orders", "app_users", "app_memberships", "sales_contacts"),
)
