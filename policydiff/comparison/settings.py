"""Settings of the align stage, kept light so callers can name them without importing it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AlignSettings:
    accept: float = 0.55  # lowest score that makes a pair
    confident: float = 0.75  # pairs scoring below this are marked for review
    candidates: int = 5  # candidates kept per target for --explain
    exhaustive_limit: int = 40_000  # above this many pairs per block, prefilter with cdist
    explain: bool = False  # score every candidate fully, for `align --explain`
