"""Reference oracle for the provenance query hash of a metric query.

The hash is defined by a JavaScript function:

    normalized = template.replace(/\\s+/g, ' ').trim()
    paramString = JSON.stringify(params, Object.keys(params).sort())
    sha256(normalized + paramString) as hex, first 16 characters

This module computes the same bytes with Python's hashlib and json, reproducing what
JavaScript does where Python would do otherwise:
- `\\s` and `trim()` know a fixed set of white space (no U+001C..U+001F or U+0085,
  which Python's `str.isspace` counts, but U+FEFF, which it does not);
- `Object.keys(...).sort()` compares UTF-16 code units, not code points;
- the sorted top-level keys are a replacer array: every object, nested ones included,
  keeps only those keys, in that order;
- numbers are doubles printed by `Number.prototype.toString` (`1.0` is `1`, `1e20` is
  `100000000000000000000`, `1e21` is `1e+21`); NaN and infinities become `null`;
- text is not ASCII-escaped, only `"`, `\\` and control characters are.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Mapping
from typing import Any

# ECMAScript WhiteSpace and LineTerminator: what `\s` matches and `trim()` removes.
JS_WHITE_SPACE = "\t\n\u000b\u000c\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_JS_WHITE_SPACE_RUN = re.compile(f"[{JS_WHITE_SPACE}]+")


def normalized_template(template: str) -> str:
    """The template with every run of white space made one space, and trimmed."""
    return _JS_WHITE_SPACE_RUN.sub(" ", template).strip(" ")


def js_number(value: float) -> str:
    """A number as JSON.stringify prints it (Number.prototype.toString for finite ones)."""
    if math.isnan(value) or math.isinf(value):
        return "null"
    if value == 0:
        return "0"  # -0 too
    sign = "-" if value < 0 else ""
    # repr gives the shortest digits that read back as the same double, as JavaScript does.
    mantissa, _, exponent_text = repr(abs(value)).partition("e")
    whole, _, fraction = mantissa.partition(".")
    digits_with_zeros = whole + fraction
    leading_zeros = len(digits_with_zeros) - len(digits_with_zeros.lstrip("0"))
    digits = digits_with_zeros.lstrip("0").rstrip("0")
    # value = 0.<digits> x 10^point
    point = len(whole) - leading_zeros + int(exponent_text or 0)
    k = len(digits)
    if k <= point <= 21:
        text = digits + "0" * (point - k)
    elif 0 < point <= 21:
        text = digits[:point] + "." + digits[point:]
    elif -6 < point <= 0:
        text = "0." + "0" * -point + digits
    else:
        exponent = point - 1
        text = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if exponent >= 0 else "-") + str(abs(exponent))
    return sign + text


def _utf16_order(key: str) -> bytes:
    return key.encode("utf-16-be", "surrogatepass")


def _stringify(value: Any, keys: list[str]) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return js_number(float(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        members = [f"{json.dumps(key, ensure_ascii=False)}:{_stringify(value[key], keys)}" for key in keys if key in value]
        return "{" + ",".join(members) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_stringify(item, keys) for item in value) + "]"
    raise TypeError(f"a parameter value must be text, a number, true/false, null, a list or a mapping, got {value!r}")


def parameters_json(parameters: Mapping[str, Any]) -> str:
    """JSON.stringify(parameters, Object.keys(parameters).sort())."""
    keys = sorted((str(key) for key in parameters), key=_utf16_order)
    return _stringify(parameters, keys)


def query_hash(template: str, parameters: Mapping[str, Any] | None) -> str:
    """The first 16 hex characters of sha256(normalized template + parameters JSON)."""
    payload = normalized_template(template) + parameters_json(parameters or {})
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
