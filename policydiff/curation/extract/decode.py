"""Bytes of a policy text → str: UTF-8 (a BOM allowed), UTF-16 (by BOM or by its NUL pattern),
else GB18030; anything else is a clear error (UnreadableFileError, exit 2)."""

from __future__ import annotations

from pathlib import Path

from policydiff.contract.errors import UnreadableFileError

# The longest real policy text is under 100 KB, so this is a bundle of about a hundred; a larger
# file is refused before it is read, which bounds the time extraction takes (a few seconds).
MAX_TEXT_BYTES = 8_000_000


def _utf16_without_bom(raw: bytes) -> str | None:
    """Little- or big-endian UTF-16 recognised by NULs in every other byte (ASCII-heavy text) or,
    for Chinese text, by decoding cleanly into mostly CJK characters."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    even, odd = raw[0::2], raw[1::2]
    for encoding, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible(text) and (zeros.count(0) > len(zeros) * 0.3 or _mostly_text(text, cjk_share=0.5)):
            return text
    return None


def _plausible(text: str) -> bool:
    """Readable text: printable, and mostly ASCII or CJK (not the noise a binary file decodes to)."""
    readable = sum(1 for c in text if c.isascii() and (c.isprintable() or c in "\t\n\r") or _cjk(c))
    return bool(text) and readable >= len(text) * 0.9


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef"


def _mostly_text(text: str, cjk_share: float = 0.0) -> bool:
    """Printable text (few controls), with at least `cjk_share` of its letters CJK."""
    if not text:
        return True
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    if controls > len(text) * 0.01:
        return False
    if cjk_share:
        letters = [c for c in text if not c.isspace() and not c.isascii()]
        cjk = sum(1 for c in letters if _cjk(c))
        return bool(letters) and cjk >= len(letters) * cjk_share and len(letters) >= len(text) * 0.3
    return True


def decode_text(raw: bytes, path: Path | str) -> str:
    """The text of a policy document in any of the encodings Chinese texts come in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise UnreadableFileError(f"{path}: starts like UTF-16 text but is not; save it as UTF-8") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = ""
    else:
        if "\x00" not in text:
            return text
    wide = _utf16_without_bom(raw)
    if wide is not None:
        return wide
    if b"\x00" in raw:
        raise UnreadableFileError(f"{path}: binary file (contains NUL bytes), expected a plain-text policy document")
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as error:
        raise UnreadableFileError(
            f"{path}: not text in UTF-8, UTF-16 or GB18030 (undecodable byte 0x{raw[error.start]:02x} at offset "
            f"{error.start}); save it as UTF-8 plain text") from None
    if not _mostly_text(text, cjk_share=0.3):
        raise UnreadableFileError(f"{path}: does not decode to Chinese text in UTF-8, UTF-16 or GB18030; "
                                  "save it as UTF-8 plain text")
    return text


def read_document(path: Path) -> str:
    """A policy text file's contents, decoded; UnreadableFileError when that cannot be done."""
    from policydiff.load.files import read_bytes

    raw = read_bytes(path, MAX_TEXT_BYTES, what="a policy text", hint="split it into its documents")
    return decode_text(raw, path)
