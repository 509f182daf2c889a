"""`policydiff report A B`: one document for colleagues, as self-contained HTML or Markdown.

Sections: the summary; a diverging bar chart of the raised and lowered targets by sector
(rates in percentage points, levels in % of the earlier target: two panels, never one axis
for both); the change table with evidence and source titles; the scorecard of year A where
outcomes exist; sparklines of the headline indicators' history.

The charts are hand-written SVG from string templates (a plotting library would add
50–500 ms of import, a CDN script or megabytes per file). The file loads nothing from the
network, needs no JavaScript, and every string from the data passes through `text.html`.
CJK text is measured as 1 em a character, Latin as about 0.55 em.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from policydiff.comparison.history import Series, series_of
from policydiff.comparison.report import STATUS_ORDER, Ambition, Change, Report, Status
from policydiff.comparison.scorecard import Scorecard
from policydiff.contract.model import Target, TargetSet, format_number
from policydiff.contract.sectors import SECTORS
from policydiff.render.options import Lang, display_name, signed, target_value_text
from policydiff.render.text import html as esc

HEADLINE_COUNT = 6
FONT_PX = 13
LABEL_EM = 16  # longest indicator label in the chart before it is shortened with …
LEVEL_CLIP = 100.0  # level changes beyond ±100% are drawn at the edge and labelled with their value


@dataclass(frozen=True)
class ReportData:
    report: Report
    before: TargetSet
    after: TargetSet
    card: Scorecard | None  # year A's scorecard, when a later file reports outcomes for A
    headlines: tuple[Series, ...]
    lang: Lang = Lang.BOTH


def collect(first: int, second: int, directory: Path, lang: Lang = Lang.BOTH) -> ReportData:
    """Everything the report shows, computed from the region in `directory`."""
    from policydiff.comparison.pipeline import compare_sets, links_for
    from policydiff.comparison.scorecard import build, region_sets

    sets = region_sets(directory)
    by_year = {s.year: s for s in sets}
    from policydiff.load import datadir
    from policydiff.load.loader import load_file

    before = by_year.get(first) or load_file(datadir.resolve(str(first), directory))
    after = by_year.get(second) or load_file(datadir.resolve(str(second), directory))
    report = compare_sets(before, after, links_for(after, directory))
    scored = build(before, [s for s in sets if s.year > before.year])
    card = scored if scored.summary()["with_data"] else None
    headline_ids = _headlines(after)
    headlines = series_of([(after.year, t.id) for t in headline_ids], sets, directory)
    return ReportData(report, before, after, card, headlines, lang)


def _headlines(target_set: TargetSet) -> list[Target]:
    """The later year's macro-economy targets first, then the rest in file order."""
    ordered = sorted(target_set.targets, key=lambda t: t.sector != "macro")
    return ordered[:HEADLINE_COUNT]


# ---------------------------------------------------------------- text measurement

def em_width(text: str) -> float:
    """Display width in em: wide (CJK) characters 1, others about 0.55."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.55 for ch in text)


def shorten(text: str, limit_em: float) -> str:
    if em_width(text) <= limit_em:
        return text
    out = ""
    for ch in text:
        if em_width(out + ch) > limit_em - 1:
            break
        out += ch
    return out + "…"


# ---------------------------------------------------------------- chart

@dataclass(frozen=True)
class Bar:
    sector: str
    label: str
    value: float  # pp or %
    text: str  # the value as printed beside the bar
    ambition: Ambition | None


def _bars(report: Report, lang: Lang) -> tuple[list[Bar], list[Bar]]:
    """(rate bars in pp, level bars in %) for the raised and lowered targets."""
    rates: list[Bar] = []
    levels: list[Bar] = []
    order = list(SECTORS)
    changes = [c for c in report.changes if c.status in (Status.RAISED, Status.LOWERED) and c.delta is not None]
    changes.sort(key=lambda c: (order.index(c.sector) if c.sector in order else len(order), c.sector or ""))
    for change in changes:
        target = change.after or change.before
        assert target is not None and change.delta is not None
        name = display_name(target, Lang.ZH if lang is Lang.BOTH else lang)
        sector = change.sector or "—"
        if change.delta_unit == "个百分点":
            rates.append(Bar(sector, name, change.delta, signed(change.delta, " pp"), change.ambition))
        elif change.delta_pct is not None:
            levels.append(Bar(sector, name, change.delta_pct, signed(change.delta_pct, "%", digits=1), change.ambition))
    return rates, levels


def _nice_limit(values: list[float], clip: float | None) -> float:
    top = max((abs(v) for v in values), default=1.0) or 1.0
    if clip is not None:
        top = min(top, clip)
    for power in range(-2, 9):
        for step in (1, 2, 2.5, 5):
            limit = step * 10 ** power
            if limit >= top:
                return float(limit)
    return top


def diverging_chart(bars: list[Bar], title: str, unit: str, clip: float | None = None) -> str:
    """A horizontal diverging bar chart: sector headings, one bar per change around zero."""
    if not bars:
        return ""
    label_px = int(min(LABEL_EM, max(em_width(b.label) for b in bars)) * FONT_PX) + 16
    value_px = 64
    half = 220
    width = label_px + 2 * half + 2 * value_px
    zero = label_px + value_px + half
    limit = _nice_limit([b.value for b in bars], clip)
    row, top = 20, 34
    parts: list[str] = []
    y = top
    previous = None
    for bar in bars:
        if bar.sector != previous:
            parts.append(f'<text class="sector" x="4" y="{y + 14}">{esc(SECTORS.get(bar.sector, bar.sector))}</text>')
            y += row
            previous = bar.sector
        clipped = abs(bar.value) > limit
        length = min(abs(bar.value), limit) / limit * half
        x = zero if bar.value >= 0 else zero - length
        kind = "more" if bar.ambition is Ambition.MORE else ("less" if bar.ambition is Ambition.LESS else "same")
        label = shorten(bar.label, LABEL_EM)
        parts.append(f'<text class="label" x="{label_px - 8}" y="{y + 14}" text-anchor="end">'
                     f'<title>{esc(bar.label)}</title>{esc(label)}</text>')
        parts.append(f'<rect class="bar {kind}" x="{x:.1f}" y="{y + 3}" width="{max(length, 1):.1f}" height="{row - 6}">'
                     f'<title>{esc(bar.label)}: {esc(bar.text)}</title></rect>')
        text_x = zero + length + 4 if bar.value >= 0 else zero - length - 4
        anchor = "start" if bar.value >= 0 else "end"
        parts.append(f'<text class="value" x="{text_x:.1f}" y="{y + 14}" text-anchor="{anchor}">'
                     f'{esc(bar.text)}{" ›" if clipped and bar.value > 0 else ""}</text>'
                     if not (clipped and bar.value < 0) else
                     f'<text class="value" x="{text_x:.1f}" y="{y + 14}" text-anchor="end">‹ {esc(bar.text)}</text>')
        y += row
    height = y + 24
    axis = (f'<line class="zero" x1="{zero}" y1="{top - 6}" x2="{zero}" y2="{y}"/>'
            f'<text class="tick" x="{zero - half}" y="{y + 16}" text-anchor="middle">−{format_number(limit)}</text>'
            f'<text class="tick" x="{zero}" y="{y + 16}" text-anchor="middle">0</text>'
            f'<text class="tick" x="{zero + half}" y="{y + 16}" text-anchor="middle">+{format_number(limit)}</text>')
    return (f'<svg class="chart" role="img" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" aria-label="{esc(title)}">'
            f'<text class="title" x="4" y="18">{esc(title)} ({esc(unit)})</text>{axis}{"".join(parts)}</svg>')


def sparkline_svg(series: Series, width: int = 180, height: int = 44) -> str:
    """Targets as a line (broken where a year has none), outcomes as dots, on one scale."""
    targets, actuals = series.values("target"), series.values("actual")
    present = [v for v in targets + actuals if v is not None]
    n = len(series.points)
    if not present or n == 0:
        return ""
    low, high = min(present), max(present)
    span = (high - low) or 1.0
    pad = 6

    def xy(index: int, value: float) -> tuple[float, float]:
        x = pad + (index * (width - 2 * pad) / max(n - 1, 1))
        y = height - pad - (value - low) / span * (height - 2 * pad)
        return x, y

    segments: list[list[tuple[float, float]]] = [[]]
    for index, value in enumerate(targets):
        if value is None:
            if segments[-1]:
                segments.append([])
        else:
            segments[-1].append(xy(index, value))
    lines = []
    for segment in segments:
        if len(segment) > 1:
            points = " ".join(f"{x:.1f},{y:.1f}" for x, y in segment)
            lines.append(f'<polyline class="target" points="{points}"/>')
        elif len(segment) == 1:
            x, y = segment[0]
            lines.append(f'<circle class="target" cx="{x:.1f}" cy="{y:.1f}" r="2.5"/>')
    dots = [f'<circle class="actual" cx="{x:.1f}" cy="{y:.1f}" r="3"/>'
            for index, value in enumerate(actuals) if value is not None for x, y in [xy(index, value)]]
    gaps = [f'<rect class="gap" x="{xy(i, low)[0] - 3:.1f}" y="0" width="6" height="{height}"/>'
            for i, p in enumerate(series.points) if not p.document]
    return (f'<svg class="spark" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{esc(series.indicator.name)}">'
            f'{"".join(gaps)}{"".join(lines)}{"".join(dots)}</svg>')


# ---------------------------------------------------------------- HTML

CSS = """
:root { --more: #1a7f37; --less: #cf222e; --same: #6e7781; --ink: #1f2328; --muted: #59636e; --rule: #d0d7de; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
       "WenQuanYi Micro Hei", "Noto Sans", "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); margin: 2rem auto; max-width: 1100px; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid var(--rule);
padding-bottom: .2rem; margin-top: 2rem; }
.muted { color: var(--muted); } .counts span { display: inline-block; margin-right: 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .4rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num { white-space: nowrap; text-align: right; font-variant-numeric: tabular-nums; }
.status { white-space: nowrap; font-weight: 600; }
.raised, .more, .exceeded, .met { color: var(--more); } .lowered, .less, .missed { color: var(--less); }
.partial { color: #9a6700; } .not_comparable, .changed { color: #8250df; } .no_data, .unchanged { color: var(--muted); }
.evidence { color: var(--muted); font-size: .78rem; width: 34%; } td.name { width: 18%; }
svg text { font-family: inherit; font-size: 13px; fill: var(--ink); }
svg .title { font-weight: 600; } svg .sector { font-weight: 600; fill: var(--muted); } svg .tick { fill: var(--muted); font-size: 11px; }
svg .bar.more { fill: var(--more); } svg .bar.less { fill: var(--less); } svg .bar.same { fill: var(--same); }
svg .zero { stroke: var(--ink); stroke-width: 1; }
svg.spark polyline.target { fill: none; stroke: #0969da; stroke-width: 2; }
svg.spark circle.target { fill: #0969da; } svg.spark circle.actual { fill: #bc4c00; }
svg.spark rect.gap { fill: #eaeef2; }
.sparks { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 1rem; }
.spark-card { border: 1px solid var(--rule); border-radius: 6px; padding: .5rem .7rem; }
.legend i { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 .8rem; vertical-align: middle; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
"""


def _source_titles(*sets: TargetSet) -> dict[tuple[int, str], str]:
    return {(s.year, source.id): source.title for s in sets for source in s.sources}


def _evidence(target: Target | None, year: int, titles: dict[tuple[int, str], str]) -> str:
    """Each quote with the title of its source document (never the bare source id)."""
    if target is None:
        return ""
    return "<br>".join(f"<b>{year}</b> {esc(titles.get((year, e.source), e.source))}: “{esc(e.quote)}”"
                       for e in target.evidence)


def _change_rows(data: ReportData) -> str:
    from policydiff.render.report import delta_text

    titles = _source_titles(data.before, data.after)
    order = list(SECTORS)
    rows = []
    changes = sorted(data.report.changes, key=lambda c: (STATUS_ORDER.index(c.status),
                                                         order.index(c.sector) if c.sector in order else len(order)))
    for change in changes:
        target = change.after or change.before
        assert target is not None
        values = f"{target_value_text(change.before) if change.before else '—'} → " \
                 f"{target_value_text(change.after) if change.after else '—'}"
        notes = list(change.notes)
        if change.ambition in (Ambition.MORE, Ambition.LESS):
            notes.insert(0, f"{change.ambition.value} ambitious")
        if change.outcome is not None:
            notes.append(f"outcome {target_value_text(change.outcome.actual)}: {change.outcome.verdict.value}")
        evidence = "<br>".join(part for part in (
            _evidence(change.before, data.before.year, titles), _evidence(change.after, data.after.year, titles)) if part)
        rows.append(
            f'<tr class="change-row"><td class="status {change.status.value}">{esc(change.status.value.replace("_", " "))}</td>'
            f"<td>{esc(change.sector or '')}</td><td class=\"name\">{esc(display_name(target, data.lang))}</td>"
            f'<td class="num">{esc(values)}</td><td class="num">{esc(delta_text(change))}</td>'
            f"<td>{esc('; '.join(notes))}</td><td class=\"evidence\">{evidence}</td></tr>")
    return "\n".join(rows)


def _scorecard_section(data: ReportData) -> str:
    from policydiff.render.scorecard import label, margin_text, ordered, summary_line

    card = data.card
    if card is None:
        return ""
    titles = _source_titles(data.before, data.after)
    rows = []
    for item in ordered(card, show_no_data=False):
        actual = item.actual
        actual_year = item.match.reported.file_year if item.match else 0
        evidence = "<br>".join(p for p in (_evidence(item.target, card.year, titles),
                                           _evidence(actual, actual_year, titles)) if p)
        rows.append(f'<tr class="score-row"><td class="status {item.status.value}">{esc(label(item.status))}</td>'
                    f"<td>{esc(item.target.sector or '')}</td><td class=\"name\">{esc(display_name(item.target, data.lang))}</td>"
                    f'<td class="num">{esc(target_value_text(item.target))}</td>'
                    f'<td class="num">{esc(target_value_text(actual)) if actual else "—"}</td>'
                    f'<td class="num">{esc(margin_text(item))}</td><td>{esc("; ".join(item.assessment.notes))}</td>'
                    f'<td class="evidence">{evidence}</td></tr>')
    return (f'<section id="scorecard"><h2>Were the {card.year} targets met?</h2>'
            f'<p>{esc(summary_line(card))}. Rules: exceeded, met, partial, missed as in docs/outcomes.md; targets '
            f"without a reported outcome are not listed.</p>"
            "<table><thead><tr><th>verdict</th><th>sector</th><th>indicator</th><th>target</th><th>outcome</th>"
            "<th>margin</th><th>notes</th><th>evidence</th></tr></thead><tbody>"
            + "\n".join(rows) + "</tbody></table></section>")


def _sparks_section(data: ReportData) -> str:
    cards = []
    for series in data.headlines:
        svg = sparkline_svg(series)
        if not svg:
            continue
        first, last = series.points[0].year, series.points[-1].year
        latest = next((p.target for p in reversed(series.points) if p.target is not None), None)
        cards.append(f'<div class="spark-card"><div>{esc(display_name(series.indicator, data.lang))}</div>{svg}'
                     f'<div class="muted">{first}–{last}; latest target {esc(target_value_text(latest)) if latest else "—"}'
                     "</div></div>")
    if not cards:
        return ""
    return ('<section id="history"><h2>Headline indicators over the years</h2><p class="legend">'
            '<i style="background:#0969da"></i>target<i style="background:#bc4c00"></i>outcome'
            '<i style="background:#eaeef2"></i>no document that year</p>'
            f'<div class="sparks">{"".join(cards)}</div></section>')


def render_html(data: ReportData) -> str:
    report = data.report
    counts = report.summary()
    region = data.after.region + (f" ({data.after.region_en})" if data.after.region_en else "")
    rates, levels = _bars(report, data.lang)
    charts = diverging_chart(rates, "Rates and shares: change", "percentage points") + \
        diverging_chart(levels, "Levels and counts: change", f"% of the {report.from_year} target", clip=LEVEL_CLIP)
    titles = [esc(s.title) for s in data.before.sources] + [esc(s.title) for s in data.after.sources]
    coverage = "".join(f'<p class="muted">{esc(line)}</p>'
                       for line in report.coverage.messages(str(report.from_year), str(report.to_year)))
    count_text = "".join(f'<span class="{s.value}">{counts[s.value]} {esc(s.value.replace("_", " "))}</span>'
                         for s in STATUS_ORDER)
    return f"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(region)}: targets {report.from_year} → {report.to_year}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>{esc(region)}: targets {report.from_year} → {report.to_year}</h1>
<p class="muted">Sources: {"; ".join(titles)}</p></header>
<section id="summary"><h2>Summary</h2><p class="counts">{count_text}</p>{coverage}</section>
<section id="chart"><h2>What was raised and lowered, by sector</h2>
<p class="muted">Green: more ambitious, red: less ambitious (a lower ceiling is more ambitious). Rates are compared
in percentage points; levels in % of the earlier target, drawn up to ±{format_number(LEVEL_CLIP)}% (› beyond).</p>
{charts or '<p>No target was raised or lowered.</p>'}</section>
<section id="changes"><h2>All changes</h2>
<table><thead><tr><th>status</th><th>sector</th><th>indicator</th><th>{report.from_year} → {report.to_year}</th>
<th>change</th><th>notes</th><th>evidence</th></tr></thead><tbody>
{_change_rows(data)}
</tbody></table></section>
{_scorecard_section(data)}
{_sparks_section(data)}
<footer class="muted"><p>Made by policydiff from curated, source-cited data files.</p></footer>
</body>
</html>
"""


def render_markdown(data: ReportData) -> str:
    """The same document in Markdown: tables, block-character sparklines, no SVG."""
    from policydiff.render.history import sparklines
    from policydiff.render.options import RenderOptions
    from policydiff.render.report import render_markdown as changes_markdown
    from policydiff.render.scorecard import render_markdown as card_markdown
    from policydiff.render.text import markdown

    options = RenderOptions(lang=data.lang)
    parts = [changes_markdown(data.report, options)]
    if data.card is not None:
        # one level down: the scorecard is a section of this document
        parts.append(card_markdown(data.card, options).replace("\n## ", "\n### ").replace("# ", "## ", 1))
    if data.headlines:
        lines = ["## Headline indicators over the years", "", "| indicator | years | targets | outcomes |",
                 "| --- | --- | --- | --- |"]
        for series in data.headlines:
            targets, actuals = sparklines(series)
            lines.append(f"| {markdown(display_name(series.indicator, data.lang))} | "
                         f"{series.points[0].year}–{series.points[-1].year} | `{targets}` | `{actuals}` |")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


__all__ = ["Change", "ReportData", "collect", "render_html", "render_markdown"]
