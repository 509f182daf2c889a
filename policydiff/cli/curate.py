"""Commands for curators: review (what an edit changed since a git revision), textconv."""

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from policydiff.cli.app import command
from policydiff.cli.exit import ExitCode
from policydiff.cli.options import DataOptions, ViewOptions, data_options, emit, finish, render_options, view_options
from policydiff.render.options import OutputFormat


@command()
@data_options
@view_options
def review(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Data files or directories (default: the data directory).")] = None,
    base: Annotated[Optional[str], typer.Option("--base", help=(
        "Git revision to compare with (default: merge-base with origin/main, else HEAD)."))] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f", help=(
        "Output format (markdown suits $GITHUB_STEP_SUMMARY)."))] = OutputFormat.TABLE,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when any target was edited.")] = False,
    *, data: DataOptions, view: ViewOptions,
) -> None:
    """Report what edits to targets_*.yaml changed since a git revision: values raised or
    lowered, targets added or removed, qualifier, unit and evidence edits."""
    from policydiff.curation.review import review as run_review
    from policydiff.render.review import RENDERERS

    chosen = list(paths) if paths else [_review_directory(data)]
    used_base, reviews = run_review(chosen, base)
    options = render_options(view, show_unchanged=True)
    emit(RENDERERS[output_format](reviews, used_base, options), view.output)
    finish(ExitCode.DIFFERENCES if exit_code and any(r.edited for r in reviews) else ExitCode.OK)


def _review_directory(data: DataOptions) -> Path:
    """--data-dir, $POLICYDIFF_DATA, ./data, else the current directory: never the bundled
    data, which is not in the repository under review."""
    from policydiff.load import datadir

    if data.data_dir is not None or os.environ.get(datadir.ENV_VAR) or data.region:
        return datadir.dataset(data.data_dir, data.region).directory
    local = Path("data")
    return local if local.is_dir() else Path(".")


@command()
def textconv(
    path: Annotated[Path, typer.Argument(help="A targets file (git passes a temporary copy).")],
) -> None:
    """Print a data file as one line per target, for `git diff` (diff.policydiff.textconv).

    A file that cannot be parsed is printed as it is, so `git diff` always works.
    """
    from policydiff.curation.textconv import textconv_text
    from policydiff.render.text import visible

    sys.stdout.write(visible(textconv_text(path)))
