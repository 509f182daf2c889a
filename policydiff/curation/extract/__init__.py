"""`policydiff extract`: draft a year's targets and results from a policy text, by rules drawn from
the language of Chinese policy documents (see docs/extract.md).

    text → parts (bundles split at • lines) → paragraphs → sentences → clauses (text)
         → stated quantities (quantities, through contract.numerals and the unit table)
         → targets / results / left out, with names, metric, qualifier, direction (rules, frames)
         → a data file (build, contract.writer)
"""

from __future__ import annotations

import re
from pathlib import Path

from policydiff.contract.errors import UsageError
from policydiff.contract.model import Source, SourceKind
from policydiff.curation.extract.build import Extraction, assemble, guess_kind, guess_region
from policydiff.curation.extract.frames import plan_year
from policydiff.curation.extract.rules import Draft, read_part
from policydiff.curation.extract.text import parts as split_parts

__all__ = ["Extraction", "extract_text", "extract_file", "extract_drafts"]


def _title(part_title: str, first_line: str, kind: SourceKind, year: int, region: str) -> str:
    if part_title:
        return part_title
    if kind is SourceKind.WORK_REPORT and not re.search(r"\d{4}年", first_line):
        return f"{year}年国务院政府工作报告" if region == "中国" else f"{year}年{region}人民政府工作报告"
    if len(first_line) > 60 or first_line.endswith(("：", ":")):
        return f"{year}年{region}文件"
    return first_line


def extract_drafts(text: str, year: int | None = None) -> tuple[int, list[Draft], list[tuple[str, str, str]]]:
    """The plan year, the drafts of every part, and each part's (title, first line, opening text)."""
    found = plan_year(text) if year is None else year
    if found is None:
        raise UsageError("cannot tell the plan year from the text (no 2025年政府工作报告, 今年 …); give --year")
    drafts: list[Draft] = []
    heads: list[tuple[str, str]] = []
    texts: list[str] = []
    for index, part in enumerate(split_parts(text)):
        part_text = "\n".join(p.text for p in part.paragraphs)
        part_year = found if year is not None else (plan_year(part_text) if part.title else None) or found
        # a bundle's parts share the plan year of the bundle unless one states its own later year
        if part_year < found:
            part_year = found
        drafts.extend(read_part(part, part_year, index))
        heads.append((part.title, part.paragraphs[0].text if part.paragraphs else ""))
        texts.append(part_text[:1500])
    return found, drafts, [(title, first, body) for (title, first), body in zip(heads, texts, strict=False)]


def extract_text(text: str, file_name: str | None = None, *, year: int | None = None, region: str | None = None,
                 source_id: str | None = None, kind: SourceKind | None = None) -> Extraction:
    """Draft the data file of one document (a bundle gives one source per part with figures)."""
    found, drafts, heads = extract_drafts(text, year)
    part_texts = [head[2] for head in heads]
    place = region or guess_region(text)
    sources: list[Source] = []
    ids: set[str] = set()
    for index, (title, first_line, _) in enumerate(heads):
        part_kind = kind or guess_kind(title, part_texts[index])
        ident = source_id or f"{_kind_slug(part_kind)}-{found}"
        base, count = ident, 1
        while ident in ids:
            count += 1
            ident = f"{base}-{count}"
        ids.add(ident)
        sources.append(Source(id=ident, title=_title(title, first_line, part_kind, found, place), kind=part_kind,
                              file=file_name))
    from policydiff.curation.extract.rules import MAX_DRAFTS

    stopped = [f"Stopped after {MAX_DRAFTS} figures in one part: this is not a policy text as written by "
               "people; check what was read"] if len(drafts) >= MAX_DRAFTS else []
    return assemble(drafts, year=found, region=place, sources=sources, notes=stopped)


def _kind_slug(kind: SourceKind) -> str:
    return {SourceKind.WORK_REPORT: "work-report", SourceKind.PARTY_PLAN: "party-plan",
            SourceKind.POLICY: "policy", SourceKind.OTHER: "document"}[kind]


def extract_file(path: Path, **options: object) -> Extraction:
    from policydiff.curation.extract.decode import read_document

    return extract_text(read_document(path), path.name, **options)  # type: ignore[arg-type]
