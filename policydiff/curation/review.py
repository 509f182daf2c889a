"""`policydiff review`: what an edit to the data files changed, compared with a git revision.

The before and after versions of the same year are paired by target id first, then by name, so
that reformatting or reordering a file reports nothing and a renamed id still pairs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any

from policydiff.comparison.align import AlignSettings, Pair, align
from policydiff.comparison.diff import pair_change
from policydiff.comparison.links import NO_LINKS
from policydiff.comparison.report import Change, Coverage, LinkKind, Report, Status
from policydiff.contract.errors import DataError, UsageError
from policydiff.contract.model import Source, Target, TargetSet
from policydiff.contract.spec import TARGET_FILE
from policydiff.curation.gitrev import Repository, repository_of
from policydiff.load.files import read_text
from policydiff.load.loader import check_text

_COMPARED_FIELDS = tuple(f.name for f in fields(Target) if f.name not in ("id", "location"))
_SOURCE_FIELDS = tuple(f.name for f in fields(Source) if f.name != "id")
# Within one year, a renamed id is paired by name only when the names are close.
_SAME_YEAR = AlignSettings(accept=0.8, confident=0.9)


class FileStatus(StrEnum):
    MODIFIED = "modified"
    ADDED = "added"
    DELETED = "deleted"
    RENAMED = "renamed"  # moved (or renamed .yml ↔ .yaml): same year and region, old path in `renamed_from`


@dataclass(frozen=True)
class FileReview:
    path: str
    status: FileStatus
    report: Report
    notes: tuple[str, ...] = ()
    renamed_from: str | None = None

    @property
    def edited(self) -> bool:
        """Whether anything but formatting changed (an added or deleted file always counts)."""
        return self.status not in (FileStatus.MODIFIED, FileStatus.RENAMED) or bool(self.report.changes or self.notes)

    def to_json(self) -> dict[str, Any]:
        data = self.report.to_json()
        head: dict[str, Any] = {"path": self.path, "status": self.status.value}
        if self.renamed_from is not None:
            head["renamed_from"] = self.renamed_from
        return {**head, "notes": list(self.notes), "summary": data["summary"], "changes": data["changes"]}


def _differing(before: object, after: object, names: tuple[str, ...]) -> list[str]:
    return [name for name in names if getattr(before, name) != getattr(after, name)]


def _edit(pair: Pair, kind: str) -> Change | None:
    """The change for one edited target, or None when nothing but its formatting changed."""
    before, after = pair.before, pair.after
    edited = _differing(before, after, _COMPARED_FIELDS)
    if before.id != after.id:
        edited.insert(0, "id")
    if not edited:
        return None
    paired = pair_change(pair)
    change = replace(paired, notes=(f"{kind} fields edited: {', '.join(edited)}", *paired.notes), signals=())
    if change.status is not Status.UNCHANGED:
        return change
    # the value stayed, something else was edited: no "±0" delta, the notes say what
    return replace(change, status=Status.CHANGED, delta=None, delta_unit=None, delta_pct=None, ambition=None)


def _pair_lists(before: tuple[Target, ...], after: tuple[Target, ...], year: int, kind: str) -> list[Change]:
    after_by_id = {t.id: t for t in after}
    changes: list[Change] = []
    matched_after: set[str] = set()
    rest_before = []
    for target in before:
        if target.id in after_by_id:
            matched_after.add(target.id)
            change = _edit(Pair(target, after_by_id[target.id], 1.0, (), LinkKind.MATCHED, False), kind)
            if change is not None:
                changes.append(change)
        else:
            rest_before.append(target)
    rest_after = tuple(t for t in after if t.id not in matched_after)
    by_name = align(tuple(rest_before), rest_after, year, year, NO_LINKS, _SAME_YEAR)
    for pair in by_name.pairs:
        change = _edit(pair, kind)
        if change is not None:
            changes.append(change)
    label = "" if kind == "target" else f"{kind} "
    changes += [Change(Status.DROPPED, t, None, notes=(f"{label}removed",) if label else ()) for t in by_name.unpaired_before]
    changes += [Change(Status.NEW, None, t, notes=(f"{label}added",) if label else ()) for t in by_name.unpaired_after]
    return changes


def _empty(year: int, region: str) -> TargetSet:
    return TargetSet(region=region, year=year, sources=(), targets=())


def _source_notes(before_sources: tuple[Source, ...], after_sources: tuple[Source, ...]) -> list[str]:
    """Sources added, removed or edited, by id (reordering them is not an edit)."""
    before, after = {s.id: s for s in before_sources}, {s.id: s for s in after_sources}
    notes = [f"source added: {ident}" for ident in after if ident not in before]
    notes += [f"source removed: {ident}" for ident in before if ident not in after]
    for ident in before.keys() & after.keys():
        edited = _differing(before[ident], after[ident], _SOURCE_FIELDS)
        if edited:
            notes.append(f"source edited: {ident} ({', '.join(edited)})")
    return sorted(notes, key=lambda note: (not note.startswith("source added"), note))


def _file_notes(before: TargetSet, after: TargetSet) -> list[str]:
    """Edits to the file's own fields: region, year, sources."""
    notes = [f"{name} changed: {getattr(before, name)} → {getattr(after, name)}"
             for name in _differing(before, after, ("region", "region_en", "year"))]
    return notes + _source_notes(before.sources, after.sources)


def review_sets(before: TargetSet, after: TargetSet, path: str, status: FileStatus) -> FileReview:
    changes = _pair_lists(before.targets, after.targets, after.year, "target")
    changes += _pair_lists(before.actuals, after.actuals, after.year, "actual")
    notes = _file_notes(before, after) if status in (FileStatus.MODIFIED, FileStatus.RENAMED) else []
    # Coverage notes compare two years' document sets; an edit within a year is told by `notes`.
    kinds = (after if status is not FileStatus.DELETED else before).source_kinds
    report = Report(before.year, after.year, after.region, tuple(changes), Coverage(kinds, kinds),
                    f"{path}@base", path, after.region_en, from_sources=before.sources, to_sources=after.sources)
    return FileReview(path, status, report, tuple(notes))


def _shown(path: Path) -> str:
    """`path` as a person at the terminal would type it: relative to the cwd when below it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _load_version(text: str, name: str, label: str) -> TargetSet:
    """One version of a data file; DataError naming the file (and the revision, for an old one)."""
    result = check_text(text, Path(name))
    if not result.ok or result.target_set is None:
        errors = tuple(p for p in result.problems if p.is_error)
        raise DataError(tuple(replace(p, file=label) for p in errors))
    return result.target_set


Versions = tuple[TargetSet | None, TargetSet | None]


def _versions(repo: Repository, revision: str, name: str) -> Versions:
    """The before (at `revision`) and after (work tree) versions of one changed path. The base version
    is read strictly (a non-UTF-8 blob is an input error, never decoded with replacement
    characters); the work tree's only if it is a regular file inside its directory."""
    path = repo.root / name
    before_text = repo.show(revision, name)
    after_text = read_text(Path(_shown(path))) if os.path.lexists(path) else None
    after = _load_version(after_text, name, _shown(path)) if after_text is not None else None
    before = _load_version(before_text, name, f"{revision}:{name}") if before_text is not None else None
    return before, after


def _file_review(name: str, before: TargetSet | None, after: TargetSet | None, renamed_from: str | None = None) -> FileReview:
    status = (FileStatus.RENAMED if renamed_from is not None else FileStatus.ADDED if before is None
              else FileStatus.DELETED if after is None else FileStatus.MODIFIED)
    reference = after or before
    assert reference is not None
    empty = _empty(reference.year, reference.region)
    review_ = review_sets(before or empty, after or empty, name, status)
    if renamed_from is None:
        return review_
    return replace(review_, renamed_from=renamed_from, notes=(f"renamed from {renamed_from}", *review_.notes))


def _with_renames(found: dict[str, Versions]) -> list[FileReview]:
    """One review per path; a deleted and an added file of the same year and region are one
    file moved (git's rename detection compares bytes, and a move usually edits a line or two)."""
    added = {name: after for name, (before, after) in found.items() if before is None and after is not None}
    renamed: dict[str, str] = {}  # after path → before path
    for name, (before, after) in found.items():
        if after is None and before is not None:
            partner = next((other for other, candidate in added.items() if other not in renamed
                            and candidate is not None and (candidate.year, candidate.region) == (before.year, before.region)),
                           None)
            if partner is not None:
                renamed[partner] = name
    reviews = []
    for name, (before, after) in sorted(found.items()):
        if name in renamed.values():
            continue
        if name in renamed:
            reviews.append(_file_review(name, found[renamed[name]][0], after, renamed[name]))
        elif before is not None or after is not None:
            reviews.append(_file_review(name, before, after))
    return reviews


def _relative_paths(repo: Repository, paths: list[Path], revision: str) -> list[str]:
    """The paths relative to the root; UsageError for one that is neither in the work tree nor at `revision`."""
    relative = []
    for path in paths:
        name = repo.relative(path)
        if not path.exists() and not repo.exists_at(revision, name):
            raise UsageError(f"{path}: no such file or directory, neither in the working tree nor at {revision}")
        relative.append(name)
    return relative or ["."]


def review(paths: list[Path], base: str | None = None) -> tuple[str, list[FileReview]]:
    """Every target file under `paths` that differs from `base`, reviewed; (base used, reviews).

    A file whose edits are only formatting (key order, flow style, reordered entries) is left out.
    """
    anchor = paths[0] if paths else Path.cwd()
    repo = repository_of(anchor.resolve())
    revision = base or repo.default_base()
    repo.verify(revision)
    relative = _relative_paths(repo, paths, revision)
    found = {name: _versions(repo, revision, name) for name in repo.changed_files(revision, relative)
             if TARGET_FILE.match(PurePosixPath(name).name)}
    return revision, [r for r in _with_renames(found) if r.edited]
