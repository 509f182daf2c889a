"""`policydiff verify`: prove every evidence quote against the source text it cites.

For every target and actual of a data file, each evidence quote must

1. be found in the text file its source names (`sources[].file`, looked up in a sources
   directory), comparing without whitespace (PDF text breaks lines and puts spaces inside
   numbers), after NFKC (full-width digits, ％ and －) and in simplified script (OpenCC t2s);
2. state the item's value (an evidence item's own `value` overrides it) in some written
   form: 1.2万 or 12000, 一千亿 or 1000亿, 百分之八 or 8%, both ends of a range (6.5%－7%), a
   decline's absolute number after 下降/降低/减少 (value -3 ← 下降3%), or the same amount in
   another unit of the table (200万千瓦时 = 2吉瓦时);
3. carry the qualifier words `qualifier` says: 以上/超过/突破/不低于 for at_least, 左右/约 for
   about, 以内/以下/控制在/不超过 for at_most, none of them for exact.

Each failure is a `Problem` at the line of the data file to fix: a quote's own line, the
`value` line for a value the quote does not state, the `qualifier` line for a qualifier it
contradicts. A source whose text is missing is one problem, not one per quote.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from policydiff.contract.errors import Problem, Severity, UnreadableFileError, UsageError
from policydiff.contract.model import Qualifier, Target, TargetSet, format_number
from policydiff.curation.validate import FileReport, ValidationReport
from policydiff.curation.wording import WORDS_FOR, QuoteCheck, Said, check_quote, squash

SOURCES_ENV_VAR = "POLICYDIFF_SOURCES"

# -- where the quotes are in the data file -----------------------------------------------------


@dataclass(frozen=True)
class Lines:
    """Line numbers of one item's fields and of each of its evidence quotes and values."""

    item: int
    value: int
    qualifier: int
    quotes: tuple[int, ...]
    evidence_values: tuple[int, ...]


def _child(node: yaml.Node, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key and isinstance(value_node, yaml.Node):
                return value_node
    return None


def _line(node: yaml.Node | None, default: int) -> int:
    return node.start_mark.line + 1 if node is not None else default


def item_lines(text: str, file: str) -> dict[tuple[str, int], Lines]:
    """{("targets", index): Lines} from the file's YAML nodes (the model keeps only the item's
    own line)."""
    from policydiff.load import yamlnodes

    root, _ = yamlnodes.compose(text, file)
    found: dict[tuple[str, int], Lines] = {}
    if root is None:
        return found
    for kind in ("targets", "actuals"):
        items = _child(root, kind)
        if not isinstance(items, yaml.SequenceNode):
            continue
        for index, node in enumerate(items.value):
            line = _line(node, 0)
            evidence = _child(node, "evidence")
            entries = evidence.value if isinstance(evidence, yaml.SequenceNode) else []
            found[(kind, index)] = Lines(
                line, _line(_child(node, "value"), line), _line(_child(node, "qualifier"), line),
                tuple(_line(_child(entry, "quote"), _line(entry, line)) for entry in entries),
                tuple(_line(_child(entry, "value"), _line(entry, line)) for entry in entries))
    return found


def source_lines(text: str, file: str) -> dict[str, int]:
    """{source id: line of its `file` field (else of the source)}."""
    from policydiff.load import yamlnodes

    root, _ = yamlnodes.compose(text, file)
    sources = _child(root, "sources") if root is not None else None
    lines: dict[str, int] = {}
    if isinstance(sources, yaml.SequenceNode):
        for node in sources.value:
            ident = _child(node, "id")
            if isinstance(ident, yaml.ScalarNode):
                lines[ident.value] = _line(_child(node, "file"), _line(node, 0))
    return lines


# -- the sources directory -----------------------------------------------------------------


def sources_dir(explicit: str | Path | None, data_directory: Path, region: str) -> Path | None:
    """Where the source texts of a data directory are, first found of:

    1. `--sources DIR` (explicit; must be a directory);
    2. `$POLICYDIFF_SOURCES`;
    3. a `sources/` folder beside the data files;
    4. in a checkout, a `shared/` folder above the repository (`shared_dirs`):
       `shared/sources/<region>`, else `shared/seeds`.

    None when there is none (every source is then reported missing once).
    """
    if explicit is not None:
        chosen = Path(explicit)
        if not chosen.is_dir():
            raise UsageError(f"--sources {chosen}: not a directory")
        return chosen
    from_env = os.environ.get(SOURCES_ENV_VAR)
    if from_env:
        chosen = Path(from_env)
        if not chosen.is_dir():
            raise UsageError(f"${SOURCES_ENV_VAR}={from_env}: not a directory")
        return chosen
    beside = data_directory / "sources"
    if beside.is_dir():
        return beside
    for shared in shared_dirs(data_directory):
        for candidate in (shared / "sources" / region, shared / "seeds"):
            if candidate.is_dir():
                return candidate
    return None


def shared_dirs(data_directory: Path | None = None) -> list[Path]:
    """`shared/` folders beside a checkout or above it (/work/main → /work/shared; a worktree
    /work/wt/x → /work/shared): of the repository holding the data directory, then of the
    checkout this code runs from (none for an installed package)."""
    roots: list[Path] = []
    if data_directory is not None:
        roots += [root for root in [_checkout_root(data_directory.resolve())] if root is not None]
    code = Path(__file__).resolve().parents[2]
    if (code / "pyproject.toml").is_file():
        roots.append(code)
    found: list[Path] = []
    for root in roots:
        for parent in root.parents:
            candidate = parent / "shared"
            if candidate.is_dir() and candidate not in found:
                found.append(candidate)
    return found


def _checkout_root(start: Path) -> Path | None:
    for parent in (start, *start.parents):
        if (parent / "pyproject.toml").is_file() or (parent / ".git").exists():
            return parent
    return None


@lru_cache(maxsize=64)
def _document(path: Path) -> str:
    """Read as extract reads a policy text: a regular file only (never a pipe or a device),
    bounded, a link only within its directory, in UTF-8, UTF-16 or GB18030."""
    from policydiff.curation.extract.decode import read_document

    return squash(read_document(path))


def load_source(sources: Path, name: str) -> tuple[str | None, str]:
    """(squashed text, "") of the source text `name` in `sources`, or (None, why not). `name`
    comes from a data file in a pull request: it must stay inside the sources directory (no
    absolute path, no `..`), or verify would read /etc/passwd and quote it in a CI log."""
    relative = Path(name)
    if not name or relative.is_absolute() or ".." in relative.parts or "\\" in name:
        return None, f"`file: {name}` must be a file name inside the sources directory (no path out of it)"
    path = sources / relative
    if not os.path.lexists(path):
        return None, ""
    try:
        return _document(path), ""
    except UnreadableFileError as error:
        return None, str(error)


# -- a data file ---------------------------------------------------------------------------


def verify_file(path: Path, sources: Path | None, region: str | None = None) -> FileReport:
    """Every quote of one data file against its sources (`sources` from `sources_dir` when None
    is not what the caller wants)."""
    from policydiff.load.files import read_text
    from policydiff.load.loader import load_result

    file = str(path)
    try:
        result = load_result(path)
        text = read_text(path)
    except UnreadableFileError as error:
        return FileReport(file, (Problem(Severity.ERROR, str(error).removeprefix(f"{path}: "), file),), True)
    if result.target_set is None or not result.ok:
        errors = tuple(p for p in result.problems if p.is_error)
        note = Problem(Severity.ERROR, "not verified: the file breaks the data contract", file,
                       hint="fix what `policydiff validate` reports first")
        return FileReport(file, (*errors, note))
    problems = list(prove(result.target_set, text, file, sources))
    problems.sort(key=lambda p: (p.line, p.column, not p.is_error))
    return FileReport(file, tuple(problems))


def prove(target_set: TargetSet, text: str, file: str, sources: Path | None) -> Iterator[Problem]:
    """The problems of one loaded data file (its YAML `text` gives the lines)."""
    lines = item_lines(text, file)
    where_source = source_lines(text, file)
    documents: dict[str, tuple[str, str] | None] = {}  # source id → (file name, squashed text)
    for source in target_set.sources:
        line = where_source.get(source.id, 0)
        if source.file is None:
            yield Problem(Severity.WARNING, f"source `{source.id}` names no `file`: its quotes are not checked",
                          file, line, 1, "sources", "add `file:` with the name of its text in the sources directory")
            documents[source.id] = None
            continue
        document, unreadable = load_source(sources, source.file) if sources is not None else (None, "")
        if unreadable:
            yield Problem(Severity.ERROR, f"source text of `{source.id}` cannot be read: {unreadable}", file, line, 1,
                          "sources", "make it a plain-text file in the sources directory (not a link out of it, "
                          "a pipe or a device)")
            documents[source.id] = None
            continue
        if document is None:
            place = f"in {sources}" if sources is not None else "(no sources directory found)"
            yield Problem(Severity.ERROR, f"source text {source.file} of `{source.id}` not found {place}: "
                          "its quotes are not checked", file, line, 1, "sources",
                          f"pass --sources DIR or set ${SOURCES_ENV_VAR}")
            documents[source.id] = None
            continue
        documents[source.id] = (source.file, document)
    for kind, items in (("targets", target_set.targets), ("actuals", target_set.actuals)):
        for index, item in enumerate(items):
            own = lines.get((kind, index))
            yield from _prove_item(item, f"{kind}[{index}]", own, documents, file)


def _prove_item(item: Target, path: str, lines: Lines | None, documents: dict[str, tuple[str, str] | None],
                file: str) -> Iterator[Problem]:
    base = item.location.line if item.location else 0
    qualifier_line = lines.qualifier if lines else base
    checked: list[tuple[str, QuoteCheck]] = []  # quotes that state the value, for the qualifier
    for number, evidence in enumerate(item.evidence):
        quote_line = lines.quotes[number] if lines and number < len(lines.quotes) else base
        here = f"{path}.evidence[{number}]"
        shown = _shown(evidence.quote)
        found = documents.get(evidence.source)
        if found is not None:
            name, document = found
            if squash(evidence.quote) not in document:
                near = closest_passage(squash(evidence.quote), document)
                yield Problem(Severity.ERROR, f"`{item.id}`: quote not found in {name}: “{shown}”", file,
                              quote_line, 1, f"{here}.quote",
                              f"the source has “{near}”" if near else "copy the sentence from the source")
        value = evidence.value or item.value
        value_line = (lines.evidence_values[number] if evidence.value is not None and lines
                      else lines.value if lines else base)
        check = check_quote(evidence.quote, value, item.unit, item.metric, outcome=item.year is not None)
        if not check.value_ok:
            numbers = ", ".join(check.numbers) or "none"
            yield Problem(Severity.ERROR, f"`{item.id}`: the quote does not state {value} {item.unit}: “{shown}”",
                          file, value_line, 1, f"{here}.value" if evidence.value is not None else f"{path}.value",
                          f"numbers in the quote: {numbers}; fix `value` or the quote"
                          + ("; a decline is stated by 下降/降低/减少 before the number" if check.sign_missing else ""))
            continue
        if check.decline_unsigned:
            yield Problem(Severity.WARNING, f"`{item.id}`: the quote states a decline but the value is "
                          f"{format_number(value.low)}: “{shown}”", file, value_line, 1, f"{path}.value",
                          f"the data contract records a decline as a negative value ({format_number(-value.low)}) "
                          "with direction: down")
        checked.append((shown, check))
    yield from _qualifier_problems(item, path, checked, file, qualifier_line)


def _qualifier_problems(item: Target, path: str, checked: list[tuple[str, QuoteCheck]], file: str,
                        line: int) -> Iterator[Problem]:
    """A quote whose words say another qualifier is an error, or a warning where another quote
    agrees (the sources disagree, as with values); a qualifier other than exact that no quote
    says is an error: a quote without words beside one with them is only less precise."""
    expected = f"qualifier {item.qualifier.value} expects {WORDS_FOR[item.qualifier]}"
    agreed = any(check.agrees(item.qualifier) for _, check in checked)
    for shown, check in checked:
        if not check.agrees(item.qualifier) and check.qualified:
            said = check.said[0]
            if agreed:
                yield Problem(Severity.WARNING, f"`{item.id}`: the sources disagree on the qualifier: "
                              f"{item.qualifier.value}, but this quote says {'/'.join(said.words)}: “{shown}”",
                              file, line, 1, f"{path}.qualifier", "keep one and say why in `note`")
            else:
                yield Problem(Severity.ERROR, f"`{item.id}`: {expected}, the quote says {'/'.join(said.words)}: "
                              f"“{shown}”", file, line, 1, f"{path}.qualifier", _qualifier_hint(said))
    silent = [shown for shown, check in checked if not any(said.words for said in check.said)]
    if item.qualifier is not Qualifier.EXACT and silent and len(silent) == len(checked):
        yield Problem(Severity.ERROR, f"`{item.id}`: {expected}, the quote says no qualifier word: “{silent[0]}”",
                      file, line, 1, f"{path}.qualifier",
                      "set `qualifier: exact` (or remove it), or quote the words that qualify the number")


def _qualifier_hint(said: Said) -> str:
    options = sorted(q.value for q in said.allows)
    return f"set `qualifier: {' or '.join(options)}`, or fix the quote"


def _shown(quote: str, limit: int = 80) -> str:
    text = re.sub(r"\s+", " ", quote).strip()
    return text if len(text) <= limit else text[:limit - 1] + "…"


def closest_passage(quote: str, document: str) -> str:
    """The passage of the document most like a quote that is not in it (for the hint)."""
    from rapidfuzz import fuzz

    if not quote:
        return ""
    alignment = fuzz.partial_ratio_alignment(quote, document)
    if alignment is None or alignment.score < 60:
        return ""
    return _shown(document[alignment.dest_start:alignment.dest_end])


# -- many files ------------------------------------------------------------------------------


@dataclass(frozen=True)
class VerifyTarget:
    """One data file and the sources directory its quotes are checked in."""

    path: Path
    sources: Path | None


def plan(paths: Iterable[Path], explicit_sources: str | Path | None, region: str | None = None) -> list[VerifyTarget]:
    """Each file with its sources directory (`sources_dir`, per data directory and region)."""
    from policydiff.load.datadir import top_region_name

    chosen: dict[Path, Path | None] = {}
    planned: list[VerifyTarget] = []
    for path in paths:
        directory = path.parent
        if directory not in chosen:
            chosen[directory] = sources_dir(explicit_sources, directory, region or top_region_name(directory))
        planned.append(VerifyTarget(path, chosen[directory]))
    return planned


def verify_paths(paths: Iterable[Path], explicit_sources: str | Path | None = None,
                 region: str | None = None) -> ValidationReport:
    """The verification report of every file (exit_code: 0 proven, 1 a failure, 2 unreadable)."""
    return ValidationReport(tuple(verify_file(item.path, item.sources) for item in plan(paths, explicit_sources, region)))
