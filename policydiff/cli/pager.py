"""Long output to a terminal goes through a pager, the way git does it.

`$POLICYDIFF_PAGER`, else `$PAGER`, else `less`; with `LESS=FRX` unless LESS is set (quit if
one screen, keep colours, do not clear the screen). Only when stdout is a terminal and the text
is taller than it; an empty pager or `cat` means none.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys


def pager_command() -> list[str] | None:
    raw = os.environ.get("POLICYDIFF_PAGER", os.environ.get("PAGER", "less"))
    try:
        command = shlex.split(raw)
    except ValueError:
        return None
    if not command or command[0] == "cat" or shutil.which(command[0]) is None:
        return None
    return command


def wants_pager(text: str, enabled: bool | None) -> bool:
    """`enabled` is --pager/--no-pager (None: decide): never unless stdout is a terminal."""
    if enabled is False or not sys.stdout.isatty():
        return False
    try:
        rows = os.get_terminal_size(sys.stdout.fileno()).lines
    except (OSError, ValueError):
        rows = 24
    return text.count("\n") >= rows


def page(text: str) -> bool:
    """Show `text` through the pager; False when no pager could run (the caller prints it)."""
    command = pager_command()
    if command is None:
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert process.stdin is not None
    try:
        process.stdin.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
        process.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early
        pass
    while True:
        try:
            process.wait()
            break
        except KeyboardInterrupt:  # like git: Ctrl-C belongs to the pager
            continue
    return True
