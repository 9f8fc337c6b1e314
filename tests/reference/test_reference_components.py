"""Hand-computed cases for the union-find reference of headless CRM resolution."""

import hashlib

from activity_harness.reference import components

A, B, C, D, E = (("email", f"{name}@x.test") for name in "abcde")
PHONE = ("phone", "14155550101")
USER = ("user_id", "u1")


def test_identifiers_on_one_row_are_one_entity_named_by_the_smallest() -> None:
    assert components.smallest_identifiers([[USER, PHONE, B]]) == {USER: B, PHONE: B, B: B}


def test_a_long_chain_is_one_component_whatever_its_length() -> None:
    chain = [("user_id", f"u{i:04d}") for i in range(1000)]
    rows = [[chain[i + 1], chain[i]] for i in reversed(range(999))]
    assert set(components.smallest_identifiers(rows).values()) == {chain[0]}


def test_separate_rows_stay_separate_and_lone_identifiers_are_kept() -> None:
    assert components.smallest_identifiers([[A, B], [C], [D, E], [E, D]]) == {A: A, B: A, C: C, D: D, E: D}


def test_cycles_and_repeated_rows() -> None:
    rows = [[C, D], [D, E], [E, C], [C, D]]
    assert components.smallest_identifiers(rows) == {C: C, D: C, E: C}


def test_linked_identifier_counts_are_distinct_neighbours() -> None:
    rows = [[A, B], [A, B], [A, C], [A]]
    assert components.linked_identifier_counts(rows) == {A: 2, B: 1, C: 1}


def test_blocked_identifiers_do_not_glue_and_hubs_are_quarantined() -> None:
    junk = ("email", "test@test.com")
    rows = [[A, junk], [B, junk], [C, PHONE], [D, PHONE], [E, PHONE]]
    resolved, over_linked = components.resolve(rows, blocked=[junk], max_linked_identifiers=2)
    assert over_linked == {PHONE}
    assert resolved == {A: A, B: B, C: C, D: D, E: E}
    resolved, over_linked = components.resolve(rows, blocked=[junk], max_linked_identifiers=3)
    assert over_linked == set()
    assert resolved[E] == resolved[PHONE] == C


def test_entity_id_is_md5_of_type_space_value() -> None:
    assert components.entity_id(A) == hashlib.md5(b"email a@x.test").hexdigest()
