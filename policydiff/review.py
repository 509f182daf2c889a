"""`policydiff review`: what an edit to the data files changed, compared with a git revision.

The old and new versions of the same year are paired by target id first, then by name, so
that reformatting or reordering a file reports nothing and a renamed id still pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from enum import Enum
from pathlib import Path
from typing import Any

from .align import AlignSettings, Pair, align
from .diff import pair_change
from .errors import DataError
from .gitrev import repository_of
from .links import NO_LINKS
from .load import check_text
from .model import Target, TargetSet
from .report import Change, Coverage, LinkKind, Report, Status

_TARGET_FILE = re.compile(r"(^|/)targets_\d{4}\.ya?ml$")
_COMPARED_FIELDS = tuple(f.name for f in fields(Target) if f.name not in ("id", "location"))
# Within one year, a renamed id is paired by name only when the names are close.
_SAME_YEAR = AlignSettings(accept=0.8, confident=0.9)


class FileStatus(str, Enum):
    MODIFIED = "modified"
    ADDED = "added"
    DELETED = "deleted"


@dataclass(frozen=True)
class FileReview:
    path: str
    status: FileStatus
    report: Report
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        data = self.report.to_json()
        return {"path": self.path, "status": self.status.value, "notes": list(self.notes),
                "summary": data["summary"], "changes": data["changes"]}


def _edited_fields(old: Target, new: Target) -> list[str]:
    return [name for name in _COMPARED_FIELDS if getattr(old, name) != getattr(new, name)]


def _edit(old: Target, new: Target, kind: str) -> Change | None:
    """The change for one edited target, or None when nothing but its formatting changed."""
    edited = _edited_fields(old, new)
    if old.id != new.id:
        edited.insert(0, "id")
    if not edited:
        return None
    change = pair_change(Pair(old, new, 1.0, (), LinkKind.MATCHED, False))
    notes = [f"{kind} fields edited: {', '.join(edited)}"] + [n for n in change.notes]
    status = change.status
    if status is Status.UNCHANGED:
        status = Status.CHANGED
    return replace(change, status=status, notes=tuple(notes), signals=())


def _pair_lists(old: tuple[Target, ...], new: tuple[Target, ...], year: int, kind: str) -> list[Change]:
    new_by_id = {t.id: t for t in new}
    changes: list[Change] = []
    matched_new: set[str] = set()
    rest_old = []
    for target in old:
        if target.id in new_by_id:
            matched_new.add(target.id)
            change = _edit(target, new_by_id[target.id], kind)
            if change is not None:
                changes.append(change)
        else:
            rest_old.append(target)
    rest_new = tuple(t for t in new if t.id not in matched_new)
    by_name = align(tuple(rest_old), rest_new, year, year, NO_LINKS, _SAME_YEAR)
    for pair in by_name.pairs:
        change = _edit(pair.before, pair.after, kind)
        if change is not None:
            changes.append(change)
    label = "" if kind == "target" else f"{kind} "
    changes += [Change(Status.DROPPED, t, None, notes=(f"{label}removed",) if label else ()) for t in by_name.unpaired_before]
    changes += [Change(Status.NEW, None, t, notes=(f"{label}added",) if label else ()) for t in by_name.unpaired_after]
    return changes


def _empty(year: int, region: str) -> TargetSet:
    return TargetSet(region=region, year=year, sources=(), targets=())


def review_sets(old: TargetSet, new: TargetSet, path: str, status: FileStatus) -> FileReview:
    changes = _pair_lists(old.targets, new.targets, new.year, "target")
    changes += _pair_lists(old.actuals, new.actuals, new.year, "actual")
    notes = []
    if old.sources != new.sources and status is FileStatus.MODIFIED:
        notes.append("sources edited")
    if old.year != new.year and status is FileStatus.MODIFIED:
        notes.append(f"year changed: {old.year} → {new.year}")
    report = Report(old.year, new.year, new.region, tuple(changes),
                    Coverage(old.source_kinds, new.source_kinds), f"{path}@base", path, new.region_en)
    return FileReview(path, status, report, tuple(notes))


def _load_version(text: str, path: Path, label: str) -> TargetSet:
    result = check_text(text, path)
    if not result.ok or result.target_set is None:
        errors = tuple(p for p in result.problems if p.is_error)
        renamed = tuple(replace(p, file=f"{p.file} ({label})") for p in errors)
        raise DataError(renamed)
    return result.target_set


def review(paths: list[Path], base: str | None = None) -> tuple[str, list[FileReview]]:
    """Every target file under `paths` that differs from `base`, reviewed; (base used, reviews)."""
    anchor = paths[0] if paths else Path.cwd()
    repo = repository_of(anchor.resolve())
    revision = base or repo.default_base()
    repo.verify(revision)
    relative = [str(p.resolve().relative_to(repo.root)) if p.resolve() != repo.root else "." for p in paths] or ["."]
    reviews: list[FileReview] = []
    for name in repo.changed_files(revision, relative):
        if not _TARGET_FILE.search(name):
            continue
        path = repo.root / name
        old_text = repo.show(revision, name)
        new_text = path.read_text(encoding="utf-8") if path.is_file() else None
        if old_text is None and new_text is None:
            continue
        new = _load_version(new_text, path, "working tree") if new_text is not None else None
        old = _load_version(old_text, path, revision) if old_text is not None else None
        status = FileStatus.ADDED if old is None else (FileStatus.DELETED if new is None else FileStatus.MODIFIED)
        reference = new or old
        assert reference is not None
        reviews.append(review_sets(old or _empty(reference.year, reference.region),
                                   new or _empty(reference.year, reference.region), name, status))
    return revision, reviews


