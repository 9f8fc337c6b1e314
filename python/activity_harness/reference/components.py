"""Reference oracle for headless CRM resolution: connected components by union-find.

Identifiers are (identifier_type, normalised value) pairs. Identifiers on the same source
row are linked; an entity is a connected component, named after its smallest identifier.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

Identifier = tuple[str, str]


class UnionFind:
    """Disjoint sets with path halving and union by size (no recursion: chains are long)."""

    def __init__(self) -> None:
        self._parent: dict[Identifier, Identifier] = {}
        self._size: dict[Identifier, int] = {}

    def add(self, node: Identifier) -> None:
        if node not in self._parent:
            self._parent[node] = node
            self._size[node] = 1

    def find(self, node: Identifier) -> Identifier:
        parent = self._parent
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(self, first: Identifier, second: Identifier) -> None:
        root_a, root_b = self.find(first), self.find(second)
        if root_a == root_b:
            return
        if self._size[root_a] < self._size[root_b]:
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._size[root_a] += self._size[root_b]

    def nodes(self) -> list[Identifier]:
        return list(self._parent)


def smallest_identifiers(rows: Iterable[Iterable[Identifier]]) -> dict[Identifier, Identifier]:
    """Each identifier of the rows mapped to the smallest identifier of its component."""
    sets = UnionFind()
    for row in rows:
        identifiers = list(row)
        for identifier in identifiers:
            sets.add(identifier)
        for identifier in identifiers[1:]:
            sets.union(identifiers[0], identifier)
    smallest: dict[Identifier, Identifier] = {}
    for node in sets.nodes():
        root = sets.find(node)
        smallest[root] = min(smallest.get(root, node), node)
    return {node: smallest[sets.find(node)] for node in sets.nodes()}


def linked_identifier_counts(rows: Iterable[Iterable[Identifier]]) -> dict[Identifier, int]:
    """For each identifier, how many distinct other identifiers share a row with it."""
    neighbours: dict[Identifier, set[Identifier]] = {}
    for row in rows:
        identifiers = set(row)
        for identifier in identifiers:
            neighbours.setdefault(identifier, set()).update(identifiers - {identifier})
    return {identifier: len(linked) for identifier, linked in neighbours.items()}


def resolve(
    rows: Iterable[Iterable[Identifier]], blocked: Iterable[Identifier], max_linked_identifiers: int
) -> tuple[dict[Identifier, Identifier], set[Identifier]]:
    """The package's semantics: blocked identifiers are dropped first; then identifiers
    sharing rows with more than max_linked_identifiers others are quarantined; the rest
    is partitioned. Returns (identifier -> smallest identifier of its entity, quarantined)."""
    blocked_set = set(blocked)
    usable_rows = [[identifier for identifier in row if identifier not in blocked_set] for row in rows]
    counts = linked_identifier_counts(usable_rows)
    over_linked = {identifier for identifier, count in counts.items() if count > max_linked_identifiers}
    kept_rows = [[identifier for identifier in row if identifier not in over_linked] for row in usable_rows]
    return smallest_identifiers(row for row in kept_rows if row), over_linked


def entity_id(smallest: Identifier) -> str:
    """The id of an entity: md5 of its smallest identifier's type and value joined by a space."""
    identifier_type, value = smallest
    return hashlib.md5(f"{identifier_type} {value}".encode()).hexdigest()
