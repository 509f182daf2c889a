"""Numbers as Chinese documents write them: 1200, 1,200, 1.3, 一千二百, 两千, 十五点八, 3万4000,
1.2万, 5千亿, 三千五, 二〇二五, 百分之八, 三分之一, 一半.

The one reader of a numeral's value: `read_numeral` scans the numeral at a position of a text
(value and end), `read_fraction` a share written X分之Y, and `parse_number` a whole string.
policydiff.curation.wording (verify) scans sentences with it; policydiff.curation.extract parses
its numeral runs with `parse_number`.

The magnitude characters 万 and 亿 are numerals here (3万4000 = 34000); a caller that reads a
stated quantity leaves a trailing 万/亿 to the unit when the unit table has it (1.2万人 is 1.2 万人,
as stated), see policydiff.curation.extract.quantities.
"""

from __future__ import annotations

import re

DIGITS: dict[str, int] = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                          "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
# The magnitude words a number may end with, longest first (1.2万亿, 5千亿, 3百万, 6600多万).
MAGNITUDES: dict[str, float] = {"千万亿": 1e15, "百万亿": 1e14, "万亿": 1e12, "千亿": 1e11, "百亿": 1e10,
                                "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}

# Thousands separators only in groups of three (1,200; 1234,567 is 1234 then 567).
_ARABIC = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+")
# The section after an Arabic 万 or 亿 (3万4000, 1亿5000万); not a year or a longer number (3万2025年).
_ARABIC_TAIL = re.compile(r"[0-9]{1,4}(?![0-9.,年])")
_ZEROS = "零〇○"
# 千 of 千瓦, 千米, 千克 begins the unit, not a numeral (三千瓦 is 3 千瓦, 200万千瓦时 is 200 万千瓦时).
_UNIT_AFTER_QIAN = ("瓦", "米", "克")

Number = int | float


def _tidy(value: float) -> Number:
    """An integer when the value is whole (1200, not 1200.0), else the float rounded to 10 digits."""
    rounded = round(value, 10)
    return int(rounded) if float(rounded).is_integer() and abs(rounded) < 1e15 else rounded


def _qian_is_unit(text: str, i: int) -> bool:
    return text[i] == "千" and text[i + 1:i + 2] in _UNIT_AFTER_QIAN


def _chinese_group(text: str, start: int, bare_unit: bool) -> tuple[float, int] | None:
    """A Chinese numeral below 10 000 at text[start:]: 一千二百三十四, 十五, 两百, 三千零五, 一千零十,
    十五点八, 一百点五, and the shorthand 三千五 (= 3500). A bare 十/百/千 (十五, 千亿) only where
    `bare_unit` allows it (the start of a numeral, not the section after 万)."""
    i = start
    section = 0  # the small-unit parts (一千二百 of 一千二百三十)
    digit: int | None = None  # the digit not yet given a place
    last_unit = 10_000  # 千 before 百 before 十
    while i < len(text):
        char = text[i]
        if char in DIGITS:
            if digit is not None and not (digit == 0 and text[i - 1] in _ZEROS):
                break  # 十四五 is 十四 then 五; 零五 is 5
            digit = DIGITS[char]
        elif char in SMALL_UNITS and not _qian_is_unit(text, i):
            unit = SMALL_UNITS[char]
            if unit >= last_unit or (digit is None and (i != start or not bare_unit)):
                break  # 千百, 十百, 三千万千瓦's second 千
            if digit == 0 and (unit != 10 or (bare_unit and not section)):
                break  # 零百 and a leading 零十 are not numerals; 一千零十 (= 1010) is
            section += (digit or 1) * unit
            digit, last_unit = None, unit
        elif char == "点" and (digit is not None or section) and text[i + 1:i + 2] in DIGITS:
            whole = section + _trailing(text, i, digit, last_unit)
            j = i + 1
            while j < len(text) and text[j] in DIGITS:
                j += 1
            return float(f"{whole}.{''.join(str(DIGITS[c]) for c in text[i + 1:j])}"), j
        else:
            break
        i += 1
    if i == start:
        return None
    return float(section + _trailing(text, i, digit, last_unit)), i


def _trailing(text: str, end: int, digit: int | None, last_unit: int) -> int:
    """The last digit of a group: one place below the unit before it (三千五 = 3500, 一百五 = 150)."""
    if not digit:
        return 0
    return digit * (last_unit // 10 if last_unit < 10_000 and text[end - 2] in SMALL_UNITS else 1)


def _digit_by_digit(text: str, start: int) -> tuple[float, int] | None:
    """二〇二五: two or more digits read one by one, where no unit follows (二〇二五年)."""
    end = start
    while end < len(text) and text[end] in DIGITS and text[end] != "两":
        end += 1
    if end - start < 2 or (end < len(text) and (text[end] in SMALL_UNITS or text[end] in BIG_UNITS
                                                  or text[end] == "点")):
        return None
    return float("".join(str(DIGITS[c]) for c in text[start:end])), end


def _group(text: str, start: int, first: bool) -> tuple[float, int, bool] | None:
    """A section of a numeral at text[start:]: Arabic (of any size first, 1 to 4 digits after
    万/亿) or Chinese below 10 000; as (value, end, arabic)."""
    arabic = (_ARABIC if first else _ARABIC_TAIL).match(text, start)
    if arabic is not None:
        return float(arabic.group().replace(",", "")), arabic.end(), True
    chinese = _chinese_group(text, start, bare_unit=first)
    return (chinese[0], chinese[1], False) if chinese else None


def _magnitude(text: str, i: int, arabic: bool) -> tuple[str, float, int] | None:
    """The magnitude word after a section: 万, 亿, 万亿, and after Arabic digits 千/百 before them
    (5千亿, 3百万); as (word, multiplier of the section, end)."""
    scale, word = 1.0, i
    if arabic and text[i:i + 1] in ("千", "百") and text[i + 1:i + 2] in BIG_UNITS:
        scale, word = SMALL_UNITS[text[i]], i + 1
    if text.startswith("万亿", word):
        return "万亿", scale * 1e12, word + 2
    if text[word:word + 1] in BIG_UNITS:
        return text[word], scale * BIG_UNITS[text[word]], word + 1
    return None


def read_numeral(text: str, start: int = 0, *, digit_by_digit: bool = True) -> tuple[Number, int] | None:
    """The numeral written at text[start:] and where it ends, as (value, end); None when there is
    none. The longest reading: 三千万千瓦 reads 三千万, 十四五 reads 十四, 3万2025年 reads 3万.

    Arabic (1,200, 1.3, 3万4000, 1.2万亿, 5千亿, 1亿5000万), Chinese (十五, 一千零五, 两千亿,
    十五点八万, 一万亿, 三亿五千万, 三千五 = 3500, 两万三 = 23 000) and, with `digit_by_digit`,
    digits read one by one (二〇二五). A magnitude word alone (万, 亿) is not a numeral here."""
    if digit_by_digit and text[start:start + 1] in DIGITS:
        spelled = _digit_by_digit(text, start)
        if spelled is not None:
            return _tidy(spelled[0]), spelled[1]
    total = 0.0  # the 亿 (or 万亿) part read so far
    wan = 0.0  # the 万 part of the section below it
    after = 0.0  # the magnitude just read, while no section has followed it
    i = start
    while True:
        group = _group(text, i, first=i == start)
        if group is None:
            break
        value, end, arabic = group
        if after and not arabic and end == i + 1 and text[i] not in _ZEROS \
                and text[end:end + 1] not in ("点", *SMALL_UNITS, *BIG_UNITS):
            # 两万三 = 23 000, 一亿五 = 150 000 000: a lone digit after 万/亿 is one place lower
            return _tidy(total + wan + value * after / 10), end
        magnitude = _magnitude(text, end, arabic)
        if magnitude is None or not value:
            return _tidy(total + wan + value), end
        word, multiplier, word_end = magnitude
        if word == "万" and not wan:
            wan, after = value * multiplier, 1e4
        elif word == "亿" and not total:
            # 一万三千亿 = 1.3 × 10^12: the 万 part read so far is in the section 亿 multiplies
            total, wan, after = wan * 1e8 + value * multiplier, 0.0, 1e8
        elif word == "万亿" and not total and not wan:
            total, after = value * multiplier, 1e12
        else:
            return _tidy(total + wan + value), end
        i = word_end
    if i == start:
        return None
    return _tidy(total + wan), i


def read_fraction(text: str, start: int = 0) -> tuple[Number, Number, int] | None:
    """A share written X分之Y at text[start:], as (denominator, numerator, end): 百分之八 →
    (100, 8, 4), 三分之一 → (3, 1, 4). None when there is none (or the denominator is zero)."""
    denominator = read_numeral(text, start, digit_by_digit=False)
    if denominator is None or not denominator[0] or not text.startswith("分之", denominator[1]):
        return None
    numerator = read_numeral(text, denominator[1] + 2, digit_by_digit=False)
    if numerator is None:
        return None
    return denominator[0], numerator[0], numerator[1]


def parse_number(text: str) -> Number:
    """The number a numeral states: 1,200 → 1200; 一千二百 → 1200; 十五点八万 → 158000; 3万4000 → 34000;
    1.3万亿 → 1.3e12; 百分之八 → 8 (a percentage); 三分之一 → 0.333…; 一半 → 0.5. ValueError if the
    whole text is not one numeral (十四五, 二十届, 千百; digits one by one such as 一二 neither)."""
    compact = text.strip()
    if compact in ("半", "一半"):
        return 0.5
    fraction = read_fraction(compact)
    if fraction is not None and fraction[2] == len(compact):
        denominator, numerator, _ = fraction
        return _tidy(numerator if compact.startswith("百分之") else numerator / denominator)
    read = read_numeral(compact, digit_by_digit=False)
    if read is None or read[1] != len(compact):
        raise ValueError(f"not a numeral: {text!r}")
    return read[0]


def to_chinese(number: int, liang: bool = False) -> str:
    """The standard written form of a whole number: 1005 → 一千零五, 15 → 十五, 20500 → 二万零五百.

    With `liang`, 2 before 千/百/万/亿 is written 两 (两千, 两百)."""
    if number < 0:
        raise ValueError("negative")
    if number == 0:
        return "零"
    digits = "零一二三四五六七八九"

    def small(value: int) -> str:
        parts: list[str] = []
        zero = False
        for place, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = value // place % 10
            if digit == 0:
                zero = bool(parts)
                continue
            if zero:
                parts.append("零")
                zero = False
            word = "两" if liang and digit == 2 and place >= 100 else digits[digit]
            parts.append(word + name)
        return "".join(parts)

    text = ""
    skipped = False  # a zero section (1亿0万5) or a short lower section is read with 零
    for size, name in ((100_000_000, "亿"), (10_000, "万"), (1, "")):
        part = number // size if size == 100_000_000 else number // size % 10_000
        if part == 0:
            skipped = skipped or bool(text)
            continue
        if text and (skipped or part < 1000):
            text += "零"
        text += (small(part) if part < 10_000 else to_chinese(part, liang)) + name
        skipped = False
    return text[1:] if text.startswith("一十") else text
