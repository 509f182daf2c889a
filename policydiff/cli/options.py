"""Option bundles declared once, shared by every command that prints a report or reads data.

A bundle is a frozen dataclass the command receives as one parameter; `bundle()` adds its
options to the command's signature, so typer shows them in --help like any other option.
"""

import functools
import inspect
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from policydiff.cli.exit import ExitCode
from policydiff.render.options import Lang, RenderOptions

F = TypeVar("F", bound=Callable[..., Any])

MAX_WIDTH = 1000


@dataclass(frozen=True)
class DataOptions:
    data_dir: Optional[Path]
    region: Optional[str]


@dataclass(frozen=True)
class ViewOptions:
    lang: Lang
    width: Optional[int]
    colour: Optional[bool]
    output: Optional[Path]


_DATA_PARAMS = [
    inspect.Parameter("data_dir", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        Optional[Path], typer.Option("--data-dir", file_okay=False, help=(
            "Directory of targets_YYYY.yaml files (default: $POLICYDIFF_DATA, the current directory or ./data "
            "when they hold target files, else the bundled data)."))]),
    inspect.Parameter("region", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        Optional[str], typer.Option("--region", envvar="POLICYDIFF_REGION", help=(
            "Region of the data directory (`policydiff regions` lists them; default: its top-level files)."))]),
]

_VIEW_PARAMS = [
    inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, default=Lang.BOTH, annotation=Annotated[
        Lang, typer.Option("--lang", help="Indicator names in Chinese, English or both.")]),
    inspect.Parameter("width", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        Optional[int], typer.Option("--width", min=40, max=MAX_WIDTH, help="Table width (default: terminal width).")]),
    inspect.Parameter("colour", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        Optional[bool], typer.Option("--color/--no-color", help=(
            "Force colour on or off (default: on a terminal, unless NO_COLOR is set or TERM=dumb)."))]),
    inspect.Parameter("output", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=Annotated[
        Optional[Path], typer.Option("--output", "-o", help="Write the report to FILE (atomically) instead of stdout.")]),
]


def _bundle(name: str, params: list[inspect.Parameter], build: Callable[..., Any]) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        signature = inspect.signature(func, eval_str=True)
        own = [p for p in signature.parameters.values() if p.name != name]

        @functools.wraps(func)
        def wrapper(**kwargs: Any) -> Any:
            values = {p.name: kwargs.pop(p.name) for p in params}
            return func(**kwargs, **{name: build(**values)})

        parameters = own + params
        wrapper.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in parameters}
        return wrapper  # type: ignore[return-value]
    return decorate


def data_options(func: F) -> F:
    """Adds --data-dir and --region; the command receives them as `data: DataOptions`."""
    return _bundle("data", _DATA_PARAMS, DataOptions)(func)


def view_options(func: F) -> F:
    """Adds --lang, --width, --color/--no-color, --output; the command receives `view: ViewOptions`."""
    return _bundle("view", _VIEW_PARAMS, ViewOptions)(func)


def colour_wanted(to_terminal: bool) -> bool:
    """Colour unless told otherwise (--color/--no-color decide before this is asked):
    NO_COLOR set and not empty turns it off (no-color.org); FORCE_COLOR set and not empty turns
    it on, even into a pipe, except FORCE_COLOR=0 or false, which turn it off (the chalk/Node
    reading); otherwise only on a terminal, and never on TERM=dumb."""
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR", "")
    if force:
        return force.strip().lower() not in ("0", "false", "no", "off")
    return to_terminal and os.environ.get("TERM", "") != "dumb"


def terminal_width(to_terminal: bool) -> int:
    """$COLUMNS when it is a sane number, else the terminal's width, else 120; within [40, MAX_WIDTH]."""
    raw = os.environ.get("COLUMNS", "")
    width = int(raw) if raw.isdigit() else 0
    if not width and to_terminal:
        try:
            width = os.get_terminal_size().columns
        except OSError:
            width = 0
    return min(max(width or 120, 40), MAX_WIDTH)


def render_options(view: ViewOptions, **extra: Any) -> RenderOptions:
    to_terminal = view.output is None and sys.stdout.isatty()
    width = view.width if view.width is not None else terminal_width(to_terminal)
    colour = view.colour if view.colour is not None else colour_wanted(to_terminal)
    return RenderOptions(width=width, colour=colour, lang=view.lang, **extra)


def emit(text: str, output: Optional[Path], protected: tuple[Path, ...] = (), draft: bool = False) -> None:
    """The report to stdout, or atomically to --output (never onto an input file)."""
    if output is None:
        sys.stdout.write(text)
        return
    from policydiff.load.files import write_atomic

    write_atomic(output, text, protected, draft)
    sys.stderr.write(f"wrote {output}\n")


def names(values: Optional[list[str]]) -> list[str]:
    """Values of a repeatable option that also takes comma-separated lists."""
    return [name.strip() for value in values or [] for name in value.split(",") if name.strip()]


def finish(code: ExitCode) -> None:
    raise typer.Exit(int(code))
