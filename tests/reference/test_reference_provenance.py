"""The provenance query hash's Python reference against the definition, a JavaScript
function: hashes pinned from running that function in Node.js, and, where Node.js is
installed, the function itself on thousands of numbers and awkward texts."""

from __future__ import annotations

import json
import math
import random
import shutil
import struct
import subprocess
from typing import Any

import pytest

from activity_harness.reference.provenance import js_number, normalized_template, parameters_json, query_hash

# The definition, verbatim.
SPEC_FUNCTION = """
const crypto = require('crypto');
function generateQueryHash(template, params) {
  const normalized = template.replace(/\\s+/g, ' ').trim();
  const paramString = JSON.stringify(params, Object.keys(params).sort());
  return crypto
    .createHash('sha256')
    .update(normalized + paramString)
    .digest('hex')
    .substring(0, 16);
}
const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
console.log(JSON.stringify(cases.map(([template, params]) => generateQueryHash(template, params))));
"""

# (template, parameters, hash printed by generateQueryHash in Node.js 20).
PINNED = [
    ("select 1", {}, "fb83ebd93334e7aa"),
    ("  select\t1\n", {"b": 2, "a": 1}, "26a91032baa34b07"),
    ("select ${x}", {"x": 1.0}, "1d3ea8d69fe3ec8c"),
    ("select ${x}", {"x": 1e20}, "7b0f614c9d09ac59"),
    ("select ${x}", {"x": 1e21}, "48f9b4caf029146c"),
    ("select ${x}", {"x": 0.1}, "8959ffc3869ccf40"),
    ("select ${x}", {"x": 1e-7}, "b6a2315f9041a28d"),
    ("select ${x}", {"x": -0.0}, "13d0a8d9445c5a38"),
    ("select ${x}", {"x": 12345678901234567890}, "f6fe132f44aaec2d"),
    # No-break, em and zero-width no-break spaces are white space; keys sort by UTF-16 code
    # units (the emoji's surrogates before U+FF01); only quotes, backslashes and control
    # characters are escaped.
    ("q\u00a0\u2003x\ufeff", {"\U0001F600": 1, "\uff01": 2, "é": "ü\u2028\x00\"\\"}, "22952bc658a65b03"),
    # The sorted top-level keys filter nested objects too: only "a" and "b" survive inside.
    ("q", {"a": {"a": {"b": 1}, "c": 2}, "b": [{"a": 1, "z": 2}, None, True, False]}, "1e8f05393a0d8c22"),
]


@pytest.mark.parametrize(("template", "parameters", "expected"), PINNED)
def test_reference_gives_the_pinned_hash(template: str, parameters: dict[str, Any], expected: str) -> None:
    assert query_hash(template, parameters) == expected


@pytest.mark.parametrize(("value", "text"), [
    (1.0, "1"), (1e20, "100000000000000000000"), (1e21, "1e+21"), (0.1, "0.1"), (1e-6, "0.000001"), (1e-7, "1e-7"),
    (-0.0, "0"), (123.456, "123.456"), (-1.5e-10, "-1.5e-10"), (2.5e25, "2.5e+25"), (float("nan"), "null"), (float("inf"), "null"),
])
def test_numbers_print_as_in_javascript(value: float, text: str) -> None:
    assert js_number(value) == text


def test_white_space_is_javascripts() -> None:
    # U+001C..U+001F and U+0085 are white space to Python's str.isspace, not to JavaScript.
    assert normalized_template(" a\x1c\x85 \u3000\n b ") == "a\x1c\x85 b"


def test_nested_keys_are_kept_only_under_top_level_names() -> None:
    assert parameters_json({"page": {"activity": "viewed_page", "page": 1}}) == '{"page":{"page":1}}'


def _random_doubles(count: int) -> list[float]:
    rng = random.Random(20240301)
    doubles: list[float] = []
    while len(doubles) < count:
        value = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0]
        if math.isfinite(value):
            doubles.append(value)
    return doubles + [round(rng.uniform(-1e6, 1e6), rng.randint(0, 8)) for _ in range(count // 4)]


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed: only the pinned hashes are checked")
def test_reference_equals_the_javascript_definition() -> None:
    cases: list[list[Any]] = [["select ${x}", {"x": value}] for value in _random_doubles(4000)]
    cases += [[template, parameters] for template, parameters, _ in PINNED]
    cases += [[" \u2028a\u00a0 b\u1680", {"k\u00e9y": ["\u0007", {"k\u00e9y": "\U0001F600", "x": 1}], "\U0001F600": {}, "\ufb01": None}]]
    completed = subprocess.run(["node", "-e", SPEC_FUNCTION], input=json.dumps(cases, ensure_ascii=False), capture_output=True, text=True, check=True)
    expected = json.loads(completed.stdout)
    mismatches = [(case, want) for case, want in zip(cases, expected) if query_hash(case[0], case[1]) != want]
    assert not mismatches, f"{len(mismatches)} of {len(cases)} differ, e.g. {mismatches[0]}"
