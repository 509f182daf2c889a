"""The exit-code contract, in one place: every command returns one of these."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    DIFFERENCES = 1  # only with --exit-code
    INVALID_DATA = 1  # only from validate and verify
    USAGE = 2  # a usage error, or an input that cannot be read or is malformed
    INTERNAL = 3  # a bug in policydiff
    INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT
