"""`policydiff extract`: draft a data file of targets and results from policy texts."""

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from policydiff.cli.app import command
from policydiff.cli.exit import ExitCode
from policydiff.cli.options import emit, finish


class DraftFormat(StrEnum):
    YAML = "yaml"
    JSON = "json"


class KindChoice(StrEnum):
    WORK_REPORT = "work_report"
    PARTY_PLAN = "party_plan"
    POLICY = "policy"
    OTHER = "other"


@command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Policy texts (UTF-8, GB18030 or UTF-16 plain text).",
                                                metavar="FILE...")],
    year: Annotated[Optional[int], typer.Option("--year", min=1900, max=2200, help=(
        "Plan year (default: from the text: 2025年政府工作报告, 2024年工作回顾 …)."))] = None,
    region: Annotated[Optional[str], typer.Option("--region", help=(
        "Region name for the file (default: from the text, e.g. 包头市 from 包头市人民政府)."))] = None,
    source_id: Annotated[Optional[str], typer.Option("--source-id", help=(
        "Id of the source (default: work-report-YYYY, party-plan-YYYY …; -2, -3 for further parts)."))] = None,
    kind: Annotated[Optional[KindChoice], typer.Option("--kind", help="Kind of document (default: guessed from its title).")] = None,
    against: Annotated[Optional[Path], typer.Option("--against", help=(
        "A data file: list only candidates it lacks, then what it holds that the text does not state."))] = None,
    output_format: Annotated[DraftFormat, typer.Option("--format", "-f", help="Output format.")] = DraftFormat.YAML,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the draft to FILE (atomically).")] = None,
) -> None:
    """Draft a year's targets and results from policy texts, for a curator to check.

    Targets are this year's commitments (今年 … 达到/增长/新增 …), results the review section's
    outcomes (year = plan year − 1); multi-year goals are listed in a comment, not drafted.
    Every item quotes its clause verbatim; `# review:` lines say what to check.
    Exit 0; 2 when a file cannot be read or decoded.
    """
    from policydiff.contract.errors import UsageError
    from policydiff.contract.model import SourceKind
    from policydiff.curation.extract import extract_file
    from policydiff.curation.extract.against import compare_with
    from policydiff.curation.extract.combine import combine
    from policydiff.render.text import one_line

    if source_id is not None:
        import re

        from policydiff.contract.spec import SLUG_PATTERN

        if not re.match(SLUG_PATTERN, source_id):
            raise typer.BadParameter("use lowercase ASCII letters, digits and - (e.g. work-report-2025)",
                                     param_hint="--source-id")
    progress = len(files) > 1 and sys.stderr.isatty()
    extractions = []
    for number, path in enumerate(files, 1):
        if progress:
            sys.stderr.write(f"\r[{number}/{len(files)}] {one_line(path.name[:60])}\033[K")
            sys.stderr.flush()
        extractions.append(extract_file(path, year=year, region=region, source_id=source_id,
                                        kind=SourceKind(kind.value) if kind else None))
    if progress:
        sys.stderr.write("\r\033[K")
    result = combine(extractions)
    if against is not None:
        from policydiff.load.loader import load_file

        result = compare_with(result, load_file(against), str(against))
    if output_format is DraftFormat.JSON:
        from policydiff.render.text import json_text

        text = json_text(result.to_json(), indent=2) + "\n"  # strict, with bidi and C1 characters escaped
    else:
        text = result.to_yaml()
    if not result.target_set.targets and not result.target_set.actuals and not result.notes:
        sys.stderr.write("policydiff: no targets or results found in the text\n")
    if output is not None and output.suffix not in (".yaml", ".yml", ".json"):
        raise UsageError(f"--output {output}: use a .yaml (or .json) file name")
    emit(text, output, protected=tuple(files) + ((against,) if against else ()), draft=True)
    finish(ExitCode.OK)
