"""The command-line adapter: parses options, calls the core, maps typed errors to exit codes.

`run` is the console entry point. It imports the app only inside its guard, so that a
Ctrl-C or a closed pipe during start-up ends quietly instead of printing a traceback.
"""

from __future__ import annotations

import sys


def run() -> None:
    """Console entry point. The collector is switched off: a short-lived process whose
    large structures (YAML nodes, candidates) form no cycles only pays for its scans."""
    import gc

    gc.disable()
    try:
        from policydiff.cli.app import main

        code = main()
        sys.stdout.flush()
    except KeyboardInterrupt:
        sys.stderr.write("policydiff: interrupted\n")
        code = 130
    except BrokenPipeError:
        code = closed_pipe()
    sys.exit(code)


def closed_pipe() -> int:
    """The reader went away (`policydiff units | head -1`): stop quietly, as cat does. Standard
    output becomes /dev/null, so the flush at exit cannot fail again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's buffer)
        pass
    return 0
