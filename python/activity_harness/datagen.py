"""Reproducible Faker/NumPy data for the integration project.

People browse on devices (anonymous ids), some devices are shared by two people, some
are never identified, people identify themselves repeatedly, and timestamps have minute
resolution so that ties are common. The same seed gives byte-identical files.
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from faker import Faker

DEFAULT_SEED = 20261123
DEFAULT_PEOPLE = 1500
EPOCH = datetime(2024, 1, 1)
SPAN_MINUTES = 60 * 24 * 60
EVENT_TYPES = ("started_session", "viewed_page", "added_to_cart", "made_purchase", "signed_up")
EVENT_WEIGHTS = (0.2, 0.4, 0.17, 0.13, 0.1)
EVENT_COLUMNS = ("event_id", "occurred_at", "event_type", "user_id", "anonymous_id", "revenue", "page_url", "product_category", "referrer")
IDENTIFY_COLUMNS = ("anonymous_id", "user_id", "identified_at")


@dataclass(frozen=True)
class GeneratedData:
    events: list[dict[str, object]]
    identifies: list[dict[str, object]]


def _minute(rng: np.random.Generator) -> datetime:
    return EPOCH + timedelta(minutes=int(rng.integers(0, SPAN_MINUTES)))


def generate(seed: int = DEFAULT_SEED, people: int = DEFAULT_PEOPLE) -> GeneratedData:
    rng = np.random.default_rng(seed)
    fake = Faker()
    fake.seed_instance(seed)
    pages = [fake.uri_path() for _ in range(120)]
    categories = [fake.word() for _ in range(12)]
    referrers = [fake.domain_name() for _ in range(30)]

    customers = [f"cus_{i:05d}" for i in range(people)]
    devices: dict[str, list[str]] = {}  # anonymous id -> people who use it
    for customer in customers:
        for _ in range(int(rng.choice([1, 2, 3], p=[0.5, 0.35, 0.15]))):
            devices[f"anon_{len(devices):06d}"] = [customer]
    for device in rng.choice(sorted(devices), size=len(devices) // 20, replace=False):
        devices[str(device)].append(customers[int(rng.integers(0, people))])
    for _ in range(int(people * 0.4)):
        devices[f"anon_{len(devices):06d}"] = []  # never identified

    identifies: list[dict[str, object]] = []
    for device, owners in devices.items():
        previous: datetime | None = None
        for owner in owners:
            for _ in range(int(rng.integers(1, 4))):
                ts = previous if previous is not None and rng.random() < 0.2 else _minute(rng)
                identifies.append({"anonymous_id": device, "user_id": owner, "identified_at": ts})
                previous = ts

    events: list[dict[str, object]] = []
    for device, owners in devices.items():
        ts = _minute(rng)
        for _ in range(int(rng.poisson(8)) + 1):
            if rng.random() >= 0.15:  # otherwise a tie with the previous event
                ts = _minute(rng)
            event_type = EVENT_TYPES[int(rng.choice(len(EVENT_TYPES), p=EVENT_WEIGHTS))]
            logged_in = bool(owners) and rng.random() < 0.25
            server_side = logged_in and event_type == "made_purchase" and rng.random() < 0.4
            events.append({
                "event_id": f"evt_{len(events):07d}",
                "occurred_at": ts,
                "event_type": event_type,
                "user_id": owners[int(rng.integers(0, len(owners)))] if logged_in else None,
                "anonymous_id": None if server_side else device,
                "revenue": round(float(rng.lognormal(3.5, 0.8)), 2) if event_type == "made_purchase" else None,
                "page_url": "https://shop.example.com/" + pages[int(rng.integers(0, len(pages)))],
                "product_category": categories[int(rng.integers(0, len(categories)))],
                "referrer": referrers[int(rng.integers(0, len(referrers)))] if rng.random() < 0.6 else None,
            })
    return GeneratedData(events=events, identifies=identifies)


def _write_csv(path: Path, columns: tuple[str, ...], rows: list[dict[str, object]]) -> None:
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow(["" if row[c] is None else (row[c].strftime("%Y-%m-%d %H:%M:%S") if isinstance(row[c], datetime) else row[c]) for c in columns])


def write_seeds(data: GeneratedData, directory: Path) -> None:
    """Write both seeds; each file is replaced atomically so concurrent runs never read half a file."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, columns, rows in (
        ("generated_raw_events.csv", EVENT_COLUMNS, data.events),
        ("generated_identifies.csv", IDENTIFY_COLUMNS, data.identifies),
    ):
        partial = directory / f".{name}.{os.getpid()}"
        _write_csv(partial, columns, rows)
        partial.replace(directory / name)
