"""Rendering of `policydiff align --explain`: each target's candidates with their signals."""

from __future__ import annotations

from typing import Any

from policydiff.comparison.align import Alignment, Candidate, deciding_signal
from policydiff.contract.model import Target
from policydiff.render.options import target_value_text
from policydiff.render.text import json_text, one_line


def _signals(candidate: Candidate) -> str:
    return ", ".join(f"{s.name} {s.value:+.3f}" + (f" ({s.detail})" if s.detail and s.name not in ("name_zh", "name_en") else "")
                     for s in candidate.signals)


def _shown(target: Target) -> str:
    """A target on one line: data text with control characters and newlines made visible."""
    return one_line(f"{target.id}  {target.name}  {target_value_text(target)}")


def _decided(candidates: tuple[Candidate, ...], chosen: str, after: tuple[Target, ...]) -> str:
    """Which signal set the chosen candidate apart from the best other one, and by how much."""
    winner = next((c for c in candidates if after[c.after].id == chosen), None)
    others = [c for c in candidates if c is not winner and not c.vetoed]
    if winner is None or not others:
        return ""
    name, margin = deciding_signal(winner, others[0])
    if not name:
        return ""
    return (f"  (next {after[others[0].after].id} {others[0].score:.3f}; "
            f"decided by {name} {margin:+.3f})")


def explain_text(before: tuple[Target, ...], after: tuple[Target, ...], alignment: Alignment, explain: bool) -> str:
    paired = {pair.before.id: pair for pair in alignment.pairs}
    lines: list[str] = []
    for index, target in enumerate(before):
        pair = paired.get(target.id)
        head = _shown(target)
        if pair is None:
            lines.append(f"{head}\n  → unpaired")
        else:
            mark = " [pinned]" if pair.link.value == "pinned" else (" [review]" if pair.review else "")
            lines.append(f"{head}\n  → {_shown(pair.after)}  score {pair.score:.3f}{mark}"
                         + (one_line(_decided(alignment.candidates[index], pair.after.id, after)) if explain else ""))
        if explain:
            for candidate in alignment.candidates[index]:
                other = after[candidate.after]
                verdict = one_line(f"vetoed: {candidate.vetoed}") if candidate.vetoed else f"{candidate.score:.3f}"
                lines.append(f"     ? {one_line(other.id + '  ' + other.name)}  {verdict}  [{one_line(_signals(candidate))}]")
    if alignment.unpaired_after:
        lines.append("unpaired in the later year:")
        lines += [f"  + {_shown(t)}" for t in alignment.unpaired_after]
    return "\n".join(lines) + "\n"


def explain_json(before: tuple[Target, ...], after: tuple[Target, ...], alignment: Alignment) -> str:
    paired = {pair.before.id: pair for pair in alignment.pairs}
    items: list[dict[str, Any]] = []
    for index, target in enumerate(before):
        pair = paired.get(target.id)
        items.append({
            "from": target.id,
            "to": pair.after.id if pair else None,
            "score": round(pair.score, 4) if pair else None,
            "link": pair.link.value if pair else None,
            "review": pair.review if pair else False,
            "candidates": [{"to": after[c.after].id, "score": round(c.score, 4), "vetoed": c.vetoed or None,
                            "signals": [s.to_json() for s in c.signals]} for c in alignment.candidates[index]],
        })
    return json_text({"pairs": items, "unpaired_to": [t.id for t in alignment.unpaired_after]}, indent=2) + "\n"
