"""`policydiff cache info|clear`: the report cache (see `outputcache`)."""

import sys

import typer

from policydiff.cli import outputcache
from policydiff.cli.app import app, guarded

cache_app = typer.Typer(help="Inspect or clear the cache of finished reports.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


@cache_app.command("info")
@guarded
def info() -> None:
    """Where the cache is, how many entries and bytes it holds, and its limits."""
    directory = outputcache.cache_dir()
    if directory is None:
        sys.stdout.write("cache: off (POLICYDIFF_NO_CACHE is set)\n")
        return
    found = outputcache.entries(directory)
    size = sum(p.stat().st_size for p in found if p.is_file())
    from policydiff.render.text import one_line

    sys.stdout.write(f"cache: {one_line(str(directory))}\nentries: {len(found)}\nbytes: {size}\n"
                     f"limits: {outputcache.MAX_ENTRIES} entries, {outputcache.MAX_BYTES} bytes\n")


@cache_app.command("clear")
@guarded
def clear() -> None:
    """Remove every cached report."""
    sys.stdout.write(f"removed {outputcache.clear()} cache entries\n")
