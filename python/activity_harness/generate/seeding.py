"""Randomness keyed by entity: every draw is a pure function of (seed, entity key, field, index).

An entity (a visitor, a session, a post) is keyed by a 64-bit hash of its kind and number;
each of its random fields is a splitmix64 hash of that key, the field's name and a draw
index, turned into a uniform number. There is no global stream: adding a field, an entity
kind or more entities never changes the values already drawn, and everything is computed
on whole NumPy arrays at once. The integer mixing is exact (uint64 wrap-around), so the
same seed gives the same draws on every machine.
"""

from __future__ import annotations

import hashlib

import numpy as np
import numpy.typing as npt

U64 = npt.NDArray[np.uint64]
F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_TO_UNIT = 2.0**-53


def stable_hash(text: str) -> int:
    """A 64-bit hash of a text that is the same in every process (unlike hash())."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


def mix(values: U64) -> U64:
    """The splitmix64 finaliser: a bijection of uint64 that scrambles every bit."""
    with np.errstate(over="ignore"):
        z = values + _GOLDEN
        z = (z ^ (z >> np.uint64(30))) * _MIX_1
        z = (z ^ (z >> np.uint64(27))) * _MIX_2
    return z ^ (z >> np.uint64(31))


def entity_keys(seed: int, kind: str, numbers: npt.ArrayLike) -> U64:
    """The keys of entities of one kind, numbered 0, 1, ... (or any integers)."""
    base = np.uint64(stable_hash(f"{seed}/{kind}"))
    return mix(np.asarray(numbers, dtype=np.uint64) ^ base)


def child_keys(parents: U64, kind: str, numbers: npt.ArrayLike) -> U64:
    """Keys of the entities numbered `numbers` inside each parent (the sessions of a visitor)."""
    with np.errstate(over="ignore"):
        return mix(parents ^ mix(np.asarray(numbers, dtype=np.uint64) + np.uint64(stable_hash(kind))))


def uniform(keys: U64, field: str, index: int = 0) -> F64:
    """One uniform number in (0, 1) per key, for the named field."""
    with np.errstate(over="ignore"):
        bits = mix(keys ^ np.uint64(stable_hash(field)) ^ (np.uint64(index) * _GOLDEN))
    return ((bits >> np.uint64(11)).astype(np.float64) + 0.5) * _TO_UNIT


def bernoulli(keys: U64, field: str, probability: float | F64) -> npt.NDArray[np.bool_]:
    return uniform(keys, field) < probability


def integers(keys: U64, field: str, low: int, high: int | I64) -> I64:
    """Uniform integers in [low, high) (high may differ per key)."""
    return (low + np.floor(uniform(keys, field) * (np.asarray(high) - low))).astype(np.int64)


def choice(keys: U64, field: str, weights: npt.ArrayLike) -> I64:
    """An index into `weights` per key, with probability proportional to the weight."""
    cumulative = np.cumsum(np.asarray(weights, dtype=np.float64))
    return np.searchsorted(cumulative / cumulative[-1], uniform(keys, field), side="right").astype(np.int64)


def normal(keys: U64, field: str) -> F64:
    """Standard normal draws (Box-Muller on two independent uniforms)."""
    radius = np.sqrt(-2.0 * np.log(uniform(keys, field, 0)))
    return radius * np.cos(2.0 * np.pi * uniform(keys, field, 1))


def lognormal(keys: U64, field: str, median: float, sigma: float) -> F64:
    """Heavy-tailed positive draws: half are below `median`, the tail grows with sigma."""
    return median * np.exp(sigma * normal(keys, field))


def exponential(keys: U64, field: str, mean: float | F64) -> F64:
    return -np.log(uniform(keys, field)) * mean


def geometric(keys: U64, field: str, mean: float) -> I64:
    """Counts 0, 1, 2, ... with the given mean (each further step continues with probability mean / (1 + mean))."""
    continue_probability = mean / (1.0 + mean)
    return np.floor(np.log(uniform(keys, field)) / np.log(continue_probability)).astype(np.int64)
