"""`extract --against`: the candidates a data file lacks, and what it holds that the text does not
state, matched by the alignment engine on the name and then on the value."""

from __future__ import annotations

import dataclasses

from policydiff.contract.model import Target, TargetSet
from policydiff.contract.units import convert
from policydiff.curation.extract.build import Extraction, describe


def _same_value(a: Target, b: Target) -> bool:
    try:
        low, high = convert(a.value.low, a.unit, b.unit), convert(a.value.high, a.unit, b.unit)
    except ValueError:
        return False
    return abs(low - b.value.low) < 1e-9 * max(1.0, abs(low)) and abs(high - b.value.high) < 1e-9 * max(1.0, abs(high))


def _split(found: tuple[Target, ...], held: tuple[Target, ...], year: int,
           held_year: int) -> tuple[list[Target], list[Target]]:
    """(candidates the data lacks, data items the text does not state)."""
    from policydiff.comparison.align import align

    alignment = align(held, found, held_year, year)
    matched_found: set[str] = set()
    matched_held: set[str] = set()
    for pair in alignment.pairs:
        if _same_value(pair.after, pair.before):
            matched_found.add(pair.after.id)
            matched_held.add(pair.before.id)
    # the same value and unit under another wording still counts when the engine paired nothing
    for item in found:
        if item.id in matched_found:
            continue
        for other in held:
            if other.id not in matched_held and _same_value(item, other) and _name_overlap(item.name, other.name):
                matched_found.add(item.id)
                matched_held.add(other.id)
                break
    return ([t for t in found if t.id not in matched_found], [t for t in held if t.id not in matched_held])


def _name_overlap(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    from policydiff.comparison.normalise import normalise_name

    x, y = normalise_name(a), normalise_name(b)
    return bool(x and y) and (x in y or y in x or fuzz.ratio(x, y) >= 60)


def compare_with(extraction: Extraction, data: TargetSet, label: str) -> Extraction:
    draft = extraction.target_set
    new_targets, missing_targets = _split(draft.targets, data.targets, draft.year, data.year)
    new_actuals, missing_actuals = _split(draft.actuals, data.actuals, draft.year, data.year)
    kept = {t.id for t in new_targets} | {f"actuals/{a.id}" for a in new_actuals}
    reviews = {key: value for key, value in extraction.reviews.items() if key in kept}
    notes = ["", f"Compared with {label}: {len(draft.targets) - len(new_targets)} targets and "
                 f"{len(draft.actuals) - len(new_actuals)} results are already there (left out above)."]
    if missing_targets or missing_actuals:
        notes.append(f"In {label} but not stated in the text:")
        notes += [f"  target {describe(t)}" for t in missing_targets]
        notes += [f"  result {describe(a)} ({a.year})" for a in missing_actuals]
    else:
        notes.append(f"Everything in {label} is stated in the text.")
    target_set = dataclasses.replace(draft, targets=tuple(new_targets), actuals=tuple(new_actuals))
    return dataclasses.replace(extraction, target_set=target_set, reviews=reviews, notes=extraction.notes + tuple(notes))
