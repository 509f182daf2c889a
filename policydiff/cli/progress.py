"""A progress line on stderr for a comparison that takes more than about a second.

Only to a terminal (a CI log gets no control characters), never with --quiet; the line is
erased when the work is done, so the report below it starts clean.
"""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import TextIO

DELAY = 1.0


class Progress:
    def __init__(self, message: str, stream: TextIO | None = None, delay: float = DELAY, enabled: bool = True) -> None:
        self.message = message
        self.stream = stream if stream is not None else sys.stderr
        self.delay = delay
        self.enabled = enabled and _is_terminal(self.stream)
        self.shown = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def _show(self) -> None:
        with self._lock:
            if self._timer is None:  # already finished
                return
            self.stream.write(f"policydiff: {self.message} …")
            self.stream.flush()
            self.shown = True

    def __enter__(self) -> Progress:
        if self.enabled:
            self._timer = threading.Timer(self.delay, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        with self._lock:
            timer, self._timer = self._timer, None
            if timer is not None:
                timer.cancel()
            if self.shown:
                self.stream.write("\r\x1b[K")  # erase the line
                self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
