"""Random identifier graphs for the headless CRM layer, written as generated seeds.

Each graph is a list of source rows; identifiers on one row are linked. The shapes are
the ones that break naive resolution: chains of 200+ hops with the smallest identifier
at either end or in random places (plain label propagation needs one round per hop),
stars (one with more neighbours than the integration project's max_linked_identifiers,
so it is quarantined), cycles, small random components, and blocklisted or invalid
identifiers bridging components that must stay apart. Raw values are written in messy
formats; the generator knows each one's normalised form. The same seed gives
byte-identical files.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from pathlib import Path

import numpy as np

from ..reference.components import Identifier
from .calendar import START
from .seeding import stable_hash

SOURCE = "generated"
CSV_COLUMNS = ("id", "event_id", "row_id", "identifier_type", "identifier_value", "source", "occurred_at", "_ingested_at")
EPOCH: datetime = START.astype(datetime)
INGESTED_AT = datetime(2024, 6, 1)


@dataclass(frozen=True)
class Sighting:
    """An identifier as written in the source, with its normalised form (None: invalid)."""

    identifier_type: str
    raw_value: str
    normalised: Identifier | None


@dataclass
class IdentifierGraph:
    entity: str
    rows: list[list[Sighting]] = field(default_factory=list)
    blocked: set[Identifier] = field(default_factory=set)
    longest_chain: int = 0

    def normalised_rows(self) -> list[list[Identifier]]:
        """The rows as normalised identifiers, invalid ones left out."""
        return [[s.normalised for s in row if s.normalised is not None] for row in self.rows]


@dataclass(frozen=True)
class GeneratedCrm:
    persons: IdentifierGraph
    groups: IdentifierGraph


class _Namer:
    """Fresh identifiers with messy raw spellings for one structure of a graph. Each
    structure has its own label (in every value, so values never collide) and its own
    random generator seeded from (seed, entity, label): adding a structure changes no other."""

    def __init__(self, seed: int, entity: str, label: str, number: int) -> None:
        self.rng = np.random.default_rng([seed, stable_hash(f"crm_graph/{entity}/{label}")])
        self.label = label
        self.number = number  # the structure's place, for phone numbers (digits only)
        self.count = 0

    def _next(self) -> int:
        self.count += 1
        return self.count

    def email(self) -> Sighting:
        value = f"p{self.label}{self._next():06d}@gen.test"
        raw = value.upper() if self.rng.random() < 0.3 else value
        return Sighting("email", f"  {raw} " if self.rng.random() < 0.2 else raw, ("email", value))

    def phone(self) -> Sighting:
        national = f"9{self.number:02d}{self._next():07d}"
        area, exchange, line = national[:3], national[3:6], national[6:]
        raw = (f"({area}) {exchange}-{line}", f"+1 {area} {exchange} {line}", f"001{national}", f"{area}.{exchange}.{line}")[int(self.rng.integers(0, 4))]
        return Sighting("phone", raw, ("phone", "1" + national))

    def user_id(self) -> Sighting:
        value = f"gu{self.label}{self._next():06d}"
        return Sighting("user_id", value, ("user_id", value))

    def any_person(self) -> Sighting:
        return (self.email, self.phone, self.user_id)[int(self.rng.integers(0, 3))]()

    def domain(self) -> Sighting:
        value = f"g{self.label}{self._next():06d}.gen.test"
        raw = (value, f"www.{value}", f"https://WWW.{value.upper()}/about", f"{value}.")[int(self.rng.integers(0, 4))]
        return Sighting("domain", raw, ("domain", value))

    def workspace_id(self) -> Sighting:
        value = f"gw{self.label}{self._next():06d}"
        return Sighting("workspace_id", value, ("workspace_id", value))

    def any_group(self) -> Sighting:
        return (self.domain, self.workspace_id)[int(self.rng.integers(0, 2))]()


def _chain(graph: IdentifierGraph, nodes: list[Sighting]) -> None:
    graph.rows.extend([[a, b] for a, b in pairwise(nodes)])
    graph.longest_chain = max(graph.longest_chain, len(nodes) - 1)


def _star(graph: IdentifierGraph, hub: Sighting, leaves: list[Sighting]) -> None:
    graph.rows.extend([[hub, leaf] for leaf in leaves])


def _cycle(graph: IdentifierGraph, nodes: list[Sighting]) -> None:
    graph.rows.extend([[a, b] for a, b in zip(nodes, nodes[1:] + nodes[:1])])


def _random_components(graph: IdentifierGraph, namer: _Namer, make: Callable[[], Sighting], count: int) -> list[Sighting]:
    """Small components of 1 to 6 identifiers on rows of 1 to 3; returns one member of each."""
    rng = namer.rng
    members: list[Sighting] = []
    for _ in range(count):
        nodes = [make() for _ in range(int(rng.integers(1, 7)))]
        members.append(nodes[0])
        if len(nodes) == 1:
            graph.rows.append(nodes)
        for index in range(1, len(nodes)):
            row = [nodes[int(rng.integers(0, index))], nodes[index]]
            if rng.random() < 0.3:
                row.append(nodes[int(rng.integers(0, len(nodes)))])
            graph.rows.append(row)
            if rng.random() < 0.2:
                graph.rows.append(list(row))  # the same identifiers seen again
    return members


def _bridge(graph: IdentifierGraph, rng: np.random.Generator, members: list[Sighting], junk: list[Sighting]) -> None:
    """Rows joining a junk identifier to members of different components: they must stay apart."""
    for sighting in junk:
        for index in rng.choice(len(members), size=5, replace=False):
            graph.rows.append([members[int(index)], sighting])
        if sighting.normalised is not None:
            graph.blocked.add(sighting.normalised)


def _persons(seed: int, star_limit: int) -> IdentifierGraph:
    graph = IdentifierGraph("person")
    names = {label: _Namer(seed, "person", label, number) for number, label in enumerate("abcshyzrj")}
    _chain(graph, [names["a"].user_id() for _ in range(301)])  # smallest at the start
    _chain(graph, [names["b"].email() for _ in range(251)][::-1])  # smallest at the end
    nodes = [names["c"].any_person() for _ in range(221)]
    _chain(graph, [nodes[int(i)] for i in names["c"].rng.permutation(len(nodes))])  # smallest anywhere
    _star(graph, names["s"].email(), [names["s"].any_person() for _ in range(star_limit // 2)])
    _star(graph, names["h"].email(), [names["h"].any_person() for _ in range(star_limit + 20)])  # quarantined hub
    _cycle(graph, [names["y"].any_person() for _ in range(50)])
    _cycle(graph, [names["z"].any_person() for _ in range(7)])
    members = _random_components(graph, names["r"], names["r"].any_person, 400)
    junk = [
        Sighting("email", "test@test.com", ("email", "test@test.com")),
        Sighting("email", " TEST@Test.com", ("email", "test@test.com")),
        Sighting("email", "noreply@gen.test", ("email", "noreply@gen.test")),
        Sighting("phone", "000-000-0000", ("phone", "10000000000")),
        Sighting("phone", "n/a", None),
    ]
    _bridge(graph, names["j"].rng, members, junk)
    return graph


def _groups(seed: int, star_limit: int) -> IdentifierGraph:
    graph = IdentifierGraph("group")
    names = {label: _Namer(seed, "group", label, number) for number, label in enumerate("ahyrj")}
    _chain(graph, [names["a"].domain() if i % 2 else names["a"].workspace_id() for i in range(211)])
    _star(graph, names["h"].domain(), [names["h"].workspace_id() for _ in range(star_limit + 5)])  # quarantined hub
    _cycle(graph, [names["y"].any_group() for _ in range(12)])
    members = _random_components(graph, names["r"], names["r"].any_group, 150)
    junk = [
        Sighting("domain", "gmail.com", ("domain", "gmail.com")),
        Sighting("domain", "https://www.Gmail.com/", ("domain", "gmail.com")),
    ]
    _bridge(graph, names["j"].rng, members, junk)
    return graph


def generate(seed: int, star_limit: int = 40) -> GeneratedCrm:
    """Person and group graphs; star_limit is the integration project's max_linked_identifiers."""
    return GeneratedCrm(persons=_persons(seed, star_limit), groups=_groups(seed, star_limit))


def _rows(graph: IdentifierGraph) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for row_number, row in enumerate(graph.rows):
        row_id = f"{graph.entity[0]}{row_number:06d}"
        occurred_at = (EPOCH + timedelta(minutes=row_number)).strftime("%Y-%m-%d %H:%M:%S")
        for position, sighting in enumerate(row):
            rows.append((f"{row_id}-{position}", row_id, row_id, sighting.identifier_type, sighting.raw_value, SOURCE, occurred_at, INGESTED_AT.strftime("%Y-%m-%d %H:%M:%S")))
    return rows


def write_seeds(seed: int, directory: Path) -> GeneratedCrm:
    """Write generated_crm_person_identifiers.csv and generated_crm_group_identifiers.csv
    (the headless CRM's identifiers interface), each replaced atomically."""
    data = generate(seed)
    directory.mkdir(parents=True, exist_ok=True)
    for graph in (data.persons, data.groups):
        name = f"generated_crm_{graph.entity}_identifiers.csv"
        partial = directory / f".{name}.{os.getpid()}"
        with partial.open("w", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(CSV_COLUMNS)
            writer.writerows(_rows(graph))
        partial.replace(directory / name)
    return data
