"""`policydiff verify`: every evidence quote found in its source text and stating its value."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from policydiff.cli.app import command
from policydiff.cli.exit import ExitCode
from policydiff.cli.options import DataOptions, data_options, finish


@command()
@data_options
def verify(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Files to verify (default: every targets_*.yaml of the region).")] = None,
    sources: Annotated[Optional[Path], typer.Option("--sources", file_okay=False, help=(
        "Directory of the source texts that `sources[].file` names (default: $POLICYDIFF_SOURCES, "
        "a sources/ folder beside the data, else shared/sources/REGION or shared/seeds above a checkout)."))] = None,
    style: Annotated[str, typer.Option("--format", help="human, github (Actions annotations) or json.")] = "human",
    *, data: DataOptions,
) -> None:
    """Prove every evidence quote against its source text: found there, stating the value and qualifier.

    Each quote must be in the text its source names (whitespace, full-width and traditional
    script aside), state the item's value in some written form, and carry the qualifier words
    `qualifier` says.

    Exit 0 all proven, 1 a quote fails (or a source text is missing), 2 usage error or unreadable file.
    """
    from policydiff.cli.data import open_dataset
    from policydiff.curation.validate import ProblemFormat, format_report
    from policydiff.curation.verify import verify_paths
    from policydiff.load.datadir import target_files
    from policydiff.render.text import visible

    try:
        problem_format = ProblemFormat(style)
    except ValueError:
        raise typer.BadParameter("use human, github or json", param_hint="--format") from None
    if paths:
        files = [file for path in paths for file in (target_files(path) if path.is_dir() else [path])]
        region = data.region
    else:
        dataset = open_dataset(data)
        files, region = dataset.files(), dataset.name
    if not files:
        sys.stderr.write("policydiff: no targets_*.yaml files to verify\n")
        finish(ExitCode.USAGE)
    report = verify_paths(files, sources, region)
    text = format_report(report, problem_format)
    if problem_format is not ProblemFormat.JSON:
        text = visible(text)  # quotes come from the data files
    stream = sys.stderr if problem_format is ProblemFormat.HUMAN and report.exit_code != 0 else sys.stdout
    stream.write(text)
    finish(ExitCode(report.exit_code))
