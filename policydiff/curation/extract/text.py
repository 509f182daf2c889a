"""Text normalisation for extraction: a document → parts (a bundle splits at `•` lines) →
paragraphs (PDF-broken lines rejoined, whitespace inside words and numbers removed) →
sentences (。！？ and line ends) → clauses (，；：).

Every clause keeps two spellings of the same length: `text`, the input with only its
whitespace normalised (evidence quotes are cut from it, so they are verbatim), and `folded`,
the same characters width-folded (NFKC's mapping of full-width digits, ％, －, ～ and
punctuation, one character for one) and in simplified script, which the rules read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# NFKC's width folding, restricted to the one-to-one part: full-width ASCII (U+FF01–FF5E) and
# the ideographic space; offsets in the folded text are offsets in the original.
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_DASHES = {ord(c): "-" for c in "‐‑‒–−﹣"}
_FOLD = str.maketrans({**{k: chr(v) for k, v in _WIDTH.items()}, **_DASHES, ord("〜"): "~"})

# whitespace between two ASCII letters or digits is a word break (Report on, 5 G); any other
# whitespace in a line is PDF debris ("1000 亿元", "统 筹")
_SPACES = re.compile(r"\s+")
_KEEP_SPACE = re.compile(r"[A-Za-z]")

# A line that ends without closing punctuation continues on the next line (a PDF line break),
# unless it is a heading: short, or starting with an enumeration marker.
_CLOSING = set("。！？!?；;：:…」』”\"’)）】》")
ENUMERATION = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．](?![0-9])|第[一二三四五六七八九十]+[章节部分条]|——|[•·●▪■◆])")
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
_CLAUSE_END = re.compile(r"[，,；;：:]")

# A clause longer than an evidence quote may be (the data contract's 2000 characters) could not
# be drafted anyway; it is skipped, since the rules read a clause once per number in it, and a
# hostile text of one endless enumeration (a、b、c … 10 MB) would cost the square of its length.
MAX_CLAUSE = 2000


@dataclass(frozen=True)
class Clause:
    text: str  # as in the input, whitespace normalised
    folded: str  # width-folded, simplified: same length as `text`
    start: int  # offset in its sentence


@dataclass(frozen=True)
class Sentence:
    text: str
    folded: str
    clauses: tuple[Clause, ...]
    paragraph: int  # index of its paragraph in the part


@dataclass(frozen=True)
class Paragraph:
    text: str
    folded: str
    heading: bool  # a line that starts with an enumeration marker (一、 (一) 1. ——)


@dataclass(frozen=True)
class Part:
    """One document of a bundle (or the whole file): its first line and its paragraphs."""

    title: str
    paragraphs: tuple[Paragraph, ...]


def fold(text: str) -> str:
    """Width-folded (one character for one) and in simplified script."""
    return simplify(text.translate(_FOLD))


@lru_cache(maxsize=1)
def _converter() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def simplify(text: str) -> str:
    """Traditional → simplified, keeping the length (a phrase conversion that would change it is
    redone character by character), so offsets stay valid."""
    if text.isascii():
        return text
    converted = str(_converter().convert(text))
    if len(converted) == len(text):
        return converted.replace("矽", "硅")
    return "".join(c if len(c) == 1 else o for o, c in zip(text, (str(_converter().convert(ch)) for ch in text), strict=False))


def squeeze(line: str) -> str:
    """A line's whitespace removed, except one space between two ASCII letters."""
    def replace(match: re.Match[str]) -> str:
        start, end = match.start(), match.end()
        before = line[start - 1] if start else ""
        after = line[end] if end < len(line) else ""
        return " " if before and after and _KEEP_SPACE.match(before) and _KEEP_SPACE.match(after) else ""
    return _SPACES.sub(replace, line.strip())


def is_heading(line: str) -> bool:
    return bool(ENUMERATION.match(line))


def _joins(line: str, following: str, typical: int) -> bool:
    """Whether `line` was broken mid-sentence and continues in `following`."""
    if not line or line[-1] in _CLOSING or not following:
        return False
    if is_heading(following):
        return False
    if len(following) <= 16 and not re.search(r"[，,。；;：:、]", following):
        return False  # a short unpunctuated line is a heading (推动乡村全面振兴)
    if is_heading(line) and len(line) < max(60, typical * 0.6):
        return False
    # a short line without closing punctuation is a title or a heading ("政府工作报告")
    return len(line) >= min(40, max(20, typical * 0.6))


def paragraphs(text: str) -> list[str]:
    """Lines whitespace-normalised, empty ones dropped, PDF-broken lines rejoined."""
    lines = [squeeze(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return []
    lengths = sorted(len(line) for line in lines)
    typical = lengths[len(lengths) * 3 // 4]  # long lines are the body's; headings are short
    joined: list[str] = []
    for line in lines:
        if joined and _joins(joined[-1], line, typical):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


_BUNDLE_MARK = re.compile(r"^\s*•", re.MULTILINE)


def parts(text: str) -> list[Part]:
    """A bundle of documents (each starting with a `•` line) split into its documents."""
    starts = [m.start() for m in _BUNDLE_MARK.finditer(text)]
    if len(starts) < 2:
        chunks = [text]
    else:
        chunks = ([text[: starts[0]]] if text[: starts[0]].strip() else []) + [
            text[s:e] for s, e in zip(starts, [*starts[1:], len(text)], strict=False)]
    result = []
    for chunk in chunks:
        lines = paragraphs(chunk)
        if not lines:
            continue
        title = lines[0].lstrip("•").strip() if lines[0].startswith("•") else ""
        body = lines[1:] if title else lines
        result.append(Part(title, tuple(Paragraph(line, fold(line), is_heading(line)) for line in body)))
    return result


# A sentence longer than this (the longest real one is under 400 characters) is read in pieces
# cut at clause marks, so nothing that looks along a sentence costs more than a piece's length.
MAX_SENTENCE = 5000


def _pieces(paragraph: str) -> list[str]:
    found: list[str] = []
    for piece in _SENTENCE_END.split(paragraph):
        while len(piece) > MAX_SENTENCE:
            cut = max(piece.rfind(mark, 0, MAX_SENTENCE) for mark in "，,；;：:")
            cut = cut + 1 if cut > 0 else MAX_SENTENCE
            found.append(piece[:cut])
            piece = piece[cut:]
        found.append(piece)
    return found


def sentences(part: Part) -> list[Sentence]:
    result: list[Sentence] = []
    for index, paragraph in enumerate(part.paragraphs):
        offset = 0
        for piece in _pieces(paragraph.text):
            if not piece:
                continue
            folded = paragraph.folded[offset: offset + len(piece)]
            result.append(Sentence(piece, folded, clauses(piece, folded), index))
            offset += len(piece)
    return result


def clauses(text: str, folded: str) -> tuple[Clause, ...]:
    """The sentence cut at ，；： (commas inside numbers, 1,200, are not cuts)."""
    result: list[Clause] = []
    start = 0
    for match in _CLAUSE_END.finditer(folded):
        position = match.start()
        if folded[position] == "," and 0 < position < len(folded) - 1 and folded[position - 1].isdigit() \
                and folded[position + 1: position + 4].isdigit():
            continue
        if start < position <= start + MAX_CLAUSE:
            result.append(Clause(text[start:position], folded[start:position], start))
        start = position + 1
    if start < len(text):
        tail = text[start:].rstrip("。！？!?")
        if tail and len(tail) <= MAX_CLAUSE:
            result.append(Clause(tail, folded[start: start + len(tail)], start))
    return tuple(result)
