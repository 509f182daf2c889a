"""Numbers as Chinese documents write them: 1200, 1,200, 1.3, 一千二百, 两千, 十五点八, 3万4000,
1.2万, 百分之八, 三分之一, 一半.

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
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS) + "点"

_ARABIC = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|[0-9]*\.[0-9]+")
_FRACTION = re.compile(r"^(?P<den>.+?)分之(?P<num>.+)$")

Number = int | float


def _tidy(value: float) -> Number:
    """An integer when the value is whole (1200, not 1200.0), else the float rounded to 10 digits."""
    rounded = round(value, 10)
    return int(rounded) if float(rounded).is_integer() and abs(rounded) < 1e15 else rounded


def _below_10000(text: str) -> Number:
    """一千二百三十四, 十五, 两百, 三千零五, 二十五 — and digit strings 1234 inside mixed forms."""
    if not text:
        raise ValueError("empty numeral")
    if _ARABIC.fullmatch(text):
        return float(text.replace(",", "")) if "." in text else int(text.replace(",", ""))
    total = 0
    digit: int | None = None
    last_unit = 10_000
    for char in text:
        if char in DIGITS:
            if digit is not None and digit != 0 and DIGITS[char] != 0:
                raise ValueError(f"two digits in a row in {text!r}")
            digit = DIGITS[char]
        elif char in SMALL_UNITS:
            unit = SMALL_UNITS[char]
            if unit >= last_unit:
                raise ValueError(f"{char} out of order in {text!r}")
            if digit is None and total:  # 千百: a place needs its digit, except first (十五, 百亿)
                raise ValueError(f"{char} without a digit in {text!r}")
            total += (1 if digit is None or (digit == 0) else digit) * unit
            digit, last_unit = None, unit
        else:
            raise ValueError(f"not a numeral: {char!r} in {text!r}")
    if digit:
        # 三千五 (= 3500) and 两万三 shorthand: a trailing digit after a unit is one place lower
        total += digit * (last_unit // 10 if last_unit < 10_000 and text[-2:-1] in SMALL_UNITS else 1)
    return total


def _with_decimal(text: str) -> Number:
    """十五点八 → 15.8, 1.5 → 1.5."""
    if "点" in text:
        whole, _, fraction = text.partition("点")
        if not fraction or any(c not in DIGITS for c in fraction):
            raise ValueError(f"bad decimal part in {text!r}")
        return float(f"{_below_10000(whole) if whole else 0}.{''.join(str(DIGITS[c]) for c in fraction)}")
    return _below_10000(text)


def parse_number(text: str) -> Number:
    """The number a numeral states: 1,200 → 1200; 一千二百 → 1200; 十五点八万 → 158000; 3万4000 → 34000;
    1.3万亿 → 1.3e12; 百分之八 → 8 (a percentage); 三分之一 → 0.333…; 一半 → 0.5. ValueError if none."""
    compact = text.strip()
    if not compact:
        raise ValueError("empty numeral")
    if compact in ("半", "一半"):
        return 0.5
    fraction = _FRACTION.match(compact)
    if fraction:
        denominator, numerator = parse_number(fraction.group("den")), parse_number(fraction.group("num"))
        if denominator == 0:
            raise ValueError(f"zero denominator in {text!r}")
        if fraction.group("den") == "百":
            return _tidy(numerator)
        return _tidy(numerator / denominator)
    return _tidy(_big(compact))


def _big(text: str) -> float:
    """Sections split at 亿 and 万: 1.3万亿 = 1.3 × 10^12, 三亿五千万 = 350 000 000, 3万4000 = 34 000."""
    for char, size in (("亿", BIG_UNITS["亿"]), ("万", BIG_UNITS["万"])):
        if char in text:
            head, _, tail = text.partition(char)
            high = _big(head) if head else 1.0  # 1.3万亿: the 万 multiplies the 亿 (万亿 = 10^12)
            low = _big(tail) if tail else 0.0
            if tail and low >= size:
                raise ValueError(f"{tail!r} is too large after {char} in {text!r}")
            if tail and tail[0] in DIGITS and len(tail) == 1 and not tail.isdigit():
                low = DIGITS[tail] * size / 10  # 两万三 = 23 000
            return high * size + low
    return float(_with_decimal(text))


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
