"""Checked choices for options that name things (--status, --sector, --show, --fail-on).

An unknown name is a usage error (exit 2) that lists the valid names and, when one is close,
asks "did you mean …?": `--sector rare-earth` must not silently print "no targets".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from policydiff.contract.errors import UsageError


def did_you_mean(name: str, valid: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
    return f" (did you mean {close[0]}?)" if close else ""


def choose(option: str, names: Iterable[str], valid: Sequence[str], aliases: dict[str, str] | None = None) -> list[str]:
    """`names` checked against `valid` (after `aliases` and - → _ where that makes a valid name),
    in the order given; UsageError naming the first unknown one."""
    chosen: list[str] = []
    for raw in names:
        name = (aliases or {}).get(raw, raw)
        if name not in valid and name.replace("-", "_") in valid:
            name = name.replace("-", "_")
        if name not in valid:
            from policydiff.render.text import one_line

            raise UsageError(f"{option}: unknown value {one_line(raw)!r}{did_you_mean(name, valid)}; "
                             f"use one or more of: {', '.join(valid)}")
        if name not in chosen:
            chosen.append(name)
    return chosen
