"""Pools of realistic words made once per seed by Faker; entities pick from them by key.

Faker is slow per call and NumPy cannot invent names, so Faker fills small pools and the
simulations index them with keyed draws: a pool entry per entity costs one array lookup.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt
from faker import Faker

from .seeding import stable_hash

Words = npt.NDArray[np.object_]
FREE_EMAIL_DOMAINS = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "proton.me")
# Addresses people type to get past a form; real CRM data is full of them.
JUNK_EMAILS = ("test@test.com", "asdf@asdf.com", "noreply@example.com", "a@a.com")
JUNK_PHONES = ("000-000-0000", "n/a", "1234567890")
COUNTRIES = ("US", "GB", "DE", "FR", "CA", "IN", "BR", "NL", "AU", "ES")
COUNTRY_WEIGHTS = (0.38, 0.12, 0.09, 0.07, 0.07, 0.08, 0.06, 0.04, 0.05, 0.04)


@dataclass(frozen=True)
class Pools:
    first_names: Words
    last_names: Words
    user_names: Words
    companies: Words
    company_domains: Words  # the company's web domain, same index as companies
    slugs: Words
    titles: Words
    jobs: Words
    referrers: Words


def _unique(make: Callable[[], str], count: int) -> list[str]:
    """`count` distinct values in the order Faker first gave them."""
    seen: dict[str, None] = {}
    for _ in range(count * 50):
        seen.setdefault(make(), None)
        if len(seen) == count:
            return list(seen)
    raise ValueError(f"Faker gave fewer than {count} distinct values")


@lru_cache(maxsize=4)
def pools(seed: int) -> Pools:
    fake = Faker("en_US")
    fake.seed_instance(stable_hash(f"{seed}/pools"))
    companies = _unique(fake.company, 600)
    domains: list[str] = []
    for company in companies:
        stem = re.sub(r"[^a-z0-9]+", "-", company.lower().split(",")[0]).strip("-")
        domain = f"{stem}.com"
        while domain in domains:  # two companies slugging alike get distinct domains
            domain = f"{stem}-{len(domains)}.com"
        domains.append(domain)
    return Pools(
        first_names=np.array(_unique(fake.first_name, 500), dtype=object),
        last_names=np.array(_unique(fake.last_name, 700), dtype=object),
        user_names=np.array(_unique(fake.user_name, 2000), dtype=object),
        companies=np.array(companies, dtype=object),
        company_domains=np.array(domains, dtype=object),
        slugs=np.array(_unique(fake.slug, 400), dtype=object),
        titles=np.array([fake.sentence(nb_words=6).rstrip(".") for _ in range(800)], dtype=object),
        jobs=np.array(_unique(fake.job, 150), dtype=object),
        referrers=np.array(_unique(fake.domain_name, 40), dtype=object),
    )
