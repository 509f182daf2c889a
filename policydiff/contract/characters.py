"""The characters data text may not carry, defined once for the checker, the writer and the renderers.

Data from a pull request reaches terminals, spreadsheets and CI logs: C0/C1 controls, DEL,
bidirectional overrides and isolates (which reorder what a reviewer sees, CVE-2021-42574),
zero-width characters, line/paragraph separators and a stray BOM are never part of a stated
indicator. Tab is allowed everywhere; newline only where a field allows several lines.
"""

from __future__ import annotations

import re

_HIDDEN = "\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff"

HIDDEN = re.compile(f"[{_HIDDEN}]")  # everything above except newline
HIDDEN_OR_NEWLINE = re.compile(f"[\n{_HIDDEN}]")
