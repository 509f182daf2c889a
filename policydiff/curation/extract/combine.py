"""Several documents of one year → one draft data file (sources kept apart, repeats merged)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from policydiff.contract.errors import UsageError
from policydiff.contract.model import Source
from policydiff.curation.extract.build import Extraction, assemble
from policydiff.curation.extract.rules import Draft


def combine(extractions: Sequence[Extraction]) -> Extraction:
    if len(extractions) == 1:
        return extractions[0]
    years = sorted({e.target_set.year for e in extractions})
    if len(years) > 1:
        raise UsageError(f"the files set targets for different years ({', '.join(map(str, years))}); "
                         "give --year, or extract each year on its own")
    drafts: list[Draft] = []
    sources: list[Source] = []
    ids: set[str] = set()
    for extraction in extractions:
        offset = len(sources)
        for source in extraction.part_sources:
            ident, count = source.id, 1
            while ident in ids:
                count += 1
                ident = f"{source.id}-{count}"
            ids.add(ident)
            sources.append(dataclasses.replace(source, id=ident))
        drafts.extend(dataclasses.replace(d, part=d.part + offset) for d in extraction.drafts)
    first = extractions[0].target_set
    return assemble(drafts, year=years[0], region=first.region, sources=sources)
