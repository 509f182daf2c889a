"""How policy documents word a number: reading the numbers a sentence writes, the declines and
the qualifier words around them, and whether a sentence states a recorded value.

Numbers come in every written form: digits (1200, 1,200, 1.3), with magnitude words (1.2万,
5千亿, 3万4000, 6600多万), Chinese numerals (一千, 两千亿, 十五点八万, 百万), percentages and
fractions in words (百分之八, 三分之一, 1/3, 一半), bare magnitudes after 近/上/破 (近亿, 上万)
and ranges (6.5%－7%, 3~5万). Text is compared squashed (`squash`): NFKC, so full-width digits,
％ and － read as 8, % and -; no whitespace, since PDF text puts spaces inside numbers; and in
simplified script (OpenCC t2s), so 萬 and 億 read as 万 and 亿.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from policydiff.contract.model import Metric, Qualifier, Value, format_number
from policydiff.contract.numerals import BIG_UNITS, DIGITS, MAGNITUDES, SMALL_UNITS, read_fraction, read_numeral


def squash(text: str) -> str:
    """The comparable form of a text: NFKC (full-width → half-width), whitespace removed,
    traditional → simplified."""
    from policydiff.comparison.normalise import to_simplified

    return to_simplified(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))


def reading(sentence: str) -> str:
    """A sentence as numbers are read from it: squashed, with the full-width comma kept apart
    from a thousands separator (NFKC turns ，into ,: 100，200 is two numbers, 1,200 one)."""
    return squash(sentence.replace("，", "；"))


# -- numbers ---------------------------------------------------------------------------------

# Values are read by policydiff.contract.numerals (the one reader of numerals); this module finds
# where numbers stand in a sentence and what the words around them say.
_MAGNITUDE_WORDS = "|".join(sorted(MAGNITUDES, key=len, reverse=True))  # 千万亿 … 万
_UNIT_CHARS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)  # 十百千万亿
_NUMERAL_START = "".join(DIGITS) + "".join(SMALL_UNITS)  # where a Chinese numeral may begin
_ARABIC_FRACTION = re.compile(r"(?P<num>[0-9]+)/(?P<den>[1-9][0-9]*)(?![0-9])")
_APPROXIMATE = re.compile(rf"(?P<word>多|余)(?P<mag>{_MAGNITUDE_WORDS})?")
_RANGE_DASH = "~-—–至到"
_BARE_MAGNITUDE_AFTER = "近上超破逾"  # 近亿人次, 上万家, 破亿


@dataclass(frozen=True)
class Numeral:
    """A number a text writes, at [start, end) of the (squashed) text it was read from.

    `value` includes its magnitude word (1.2万 → 12000, 一千亿 → 1e11). `percent`: a share
    written in words (百分之八, 三分之一 → 33.33…, 一半 → 50), in %; `rounded` when a curator
    records it rounded (33.3). `scale`: the magnitude the first number of a range borrows from
    the second (the 3 of 3~5万). `approx`: 多 or 余 after it (1000多家). `declined`: a decline
    word governs it (下降3%, 分别下降3.5%、2.9%, 降幅超过3%).
    """

    start: int
    end: int
    value: float
    percent: bool = False
    rounded: bool = False
    scale: float = 1.0
    approx: str = ""
    declined: bool = False


def read_numbers(text: str) -> list[Numeral]:
    """Every number written in `text` (squashed, see `reading`), in order. The 千 of 千瓦 after
    a number is its unit, not another number."""
    found: list[Numeral] = []
    i = 0
    while i < len(text):
        numeral = _fraction_at(text, i) or _bare_magnitude_at(text, i) or _number_at(text, i)
        if numeral is None or (found and found[-1].end == i and text[i] in "十百千万亿"):
            i += 1
            continue
        found.append(numeral)
        i = numeral.end
        while i < len(text) and text[i] in _UNIT_CHARS:
            i += 1  # the rest of a unit such as 千瓦 or 万吨 after a complete number
    scaled = [_borrow_scale(text, number, found[k + 1] if k + 1 < len(found) else None)
              for k, number in enumerate(found)]
    return _mark_declines(text, scaled)


def _after_digit(text: str, i: int) -> bool:
    return i > 0 and (text[i - 1].isascii() and text[i - 1].isdigit() or text[i - 1] == ".")


def _number_at(text: str, i: int) -> Numeral | None:
    if _after_digit(text, i) or not (text[i].isascii() and text[i].isdigit() or text[i] in _NUMERAL_START):
        return None
    read = read_numeral(text, i)
    return _approximate(text, Numeral(i, read[1], float(read[0]))) if read else None


def _approximate(text: str, number: Numeral) -> Numeral:
    """6600多万, 100余家, 4万多亿: the 多/余 of a round number, with a magnitude word after it."""
    match = _APPROXIMATE.match(text, number.end)
    if match is None:
        return number
    scale = MAGNITUDES[match.group("mag")] if match.group("mag") else 1.0
    return Numeral(number.start, match.end(), number.value * scale, approx=match.group("word"))


def _fraction_at(text: str, i: int) -> Numeral | None:
    """三分之一, 百分之八, 千分之五, 3分之1, 1/3, 一半: as a percentage."""
    if text.startswith("一半", i):
        return Numeral(i, i + 2, 50.0, percent=True)
    if text[i].isascii() and text[i].isdigit():
        if _after_digit(text, i):
            return None
        match = _ARABIC_FRACTION.match(text, i)
        if match is not None:
            return Numeral(i, match.end(), 100 * int(match.group("num")) / int(match.group("den")),
                           percent=True, rounded=True)
    fraction = read_fraction(text, i)
    if fraction is None:
        return None
    denominator, numerator, end = fraction
    share = _approximate(text, Numeral(i, end, float(numerator)))  # 三分之一多
    return Numeral(i, share.end, 100 * share.value / denominator, percent=True,
                   rounded=denominator not in (10, 100, 1000), approx=share.approx)


def _bare_magnitude_at(text: str, i: int) -> Numeral | None:
    """近亿, 上万, 破亿: a magnitude word alone after 近/上/超/破/逾 is one of it."""
    if i == 0 or text[i - 1] not in _BARE_MAGNITUDE_AFTER or text[i] not in BIG_UNITS:
        return None
    word = "万亿" if text.startswith("万亿", i) else text[i]
    return Numeral(i, i + len(word), MAGNITUDES[word])


def _borrow_scale(text: str, number: Numeral, following: Numeral | None) -> Numeral:
    """3~5万: the 3 is 3万 too, so the first number of a range borrows the second's magnitude."""
    if following is None or number.end >= len(text) or text[number.end] not in _RANGE_DASH:
        return number
    if following.start != number.end + 1:
        return number
    written = text[following.start:following.end]
    magnitude = next((m for word, m in sorted(MAGNITUDES.items(), key=lambda kv: -len(kv[0]))
                      if written.endswith(word)), 1.0)
    if magnitude == 1.0:
        return number
    return _with(number, scale=magnitude)


def _with(number: Numeral, **changes: object) -> Numeral:
    from dataclasses import replace

    return replace(number, **changes)  # type: ignore[arg-type]


# -- declines ------------------------------------------------------------------------------

# Longest first: 下降 before 降. 降至/降到 set a level, not a decline: they are qualifier words.
_DECLINE_WORDS = ("下降", "降低", "减少", "下调", "压减", "削减", "缩减", "精简", "压缩", "减排", "回落",
                  "下滑", "降幅", "减幅", "降", "减")
_FILLERS = ("了", "为", "达")
_DECLINE_AFTER = re.compile(r"[%‰]?的?幅度(?:压减|下降|降低|减少|削减|压缩)")  # 按5%的幅度压减
_LIST_GAP = re.compile(r"[^0-9;；。,，!?！？:：]{0,7}?(?:、|和|及|与)")


def _declined_before(before: str) -> bool:
    """Whether `before` ends with a decline word, past a qualifier word and a filler
    (下降3%, 降幅超过3%, 降幅为3%; not 降至3%, the level it falls to)."""
    word = _prefix_word(before)
    if word in _LEVEL_WORDS:
        return False
    text = before[: len(before) - len(word)]
    for filler in _FILLERS:
        text = text.removesuffix(filler)
    return text.endswith(_DECLINE_WORDS)


def _mark_declines(text: str, numbers: list[Numeral]) -> list[Numeral]:
    """Each number a decline word governs: the one after it, and the rest of a list it begins
    (分别下降3.5%、2.9%; 分别减少3%左右和5%左右)."""
    marked: list[Numeral] = []
    for number in numbers:
        declined = (_declined_before(text[max(0, number.start - 8):number.start])
                    or bool(_DECLINE_AFTER.match(text, number.end)))
        if not declined and marked and marked[-1].declined:
            declined = bool(_LIST_GAP.fullmatch(text, marked[-1].end, number.start))
        marked.append(_with(number, declined=True) if declined else number)
    return marked


def _minus(text: str, numeral: Numeral) -> bool:
    """-3% written with a sign, not the dash of a range (6.5%-7%, 2万-3万)."""
    before = numeral.start - 1
    return before >= 0 and text[before] == "-" and (before == 0 or not re.match(
        r"[0-9%‰万亿千百十个家人元吨]", text[before - 1]))


# -- amounts -------------------------------------------------------------------------------


def unit_magnitude(unit: str) -> float:
    """The magnitude a unit's symbol begins with: 万人 → 1e4, 亿元 → 1e8, 万亿元 → 1e12."""
    for word in ("万亿", "亿", "万"):
        if unit.startswith(word) and len(unit) > len(word):
            return MAGNITUDES[word]
    return 1.0


def _unit_after(text: str, position: int) -> str:
    """The longest known unit symbol written at text[position:] (千瓦时 before 千瓦)."""
    from policydiff.contract.units import lookup

    for length in range(min(8, len(text) - position), 0, -1):
        candidate = text[position:position + length]
        if lookup(candidate) is not None:
            return candidate
    return ""


def _close(first: float, second: float) -> bool:
    return math.isclose(first, second, rel_tol=1e-9, abs_tol=1e-9)


def _decimals(number: float) -> int:
    text = format_number(number)
    return len(text.partition(".")[2])


def amount_stated(text: str, numeral: Numeral, number: float, unit: str) -> bool:
    """Whether `numeral` (read from `text`) writes the amount `number` `unit`, sign aside: the
    same number with the magnitudes written out (1.2万人 = 12000 人 = 1.2 万人), or the same
    amount in another unit of the table (200万千瓦时 = 2 吉瓦时)."""
    from policydiff.contract.units import lookup

    wanted = abs(number)
    if numeral.percent:
        if unit not in ("%", "％"):
            return False
        return _close(numeral.value, wanted) or (numeral.rounded and _close(round(numeral.value, _decimals(wanted)),
                                                                            wanted))
    known = lookup(unit)
    stated = lookup(_unit_after(text, numeral.end))
    for scale in {1.0, numeral.scale}:
        written = numeral.value * scale
        if _close(written, wanted * unit_magnitude(unit)):
            return True
        if (known is not None and stated is not None and known.dimension is stated.dimension
                and _close(written / unit_magnitude(stated.symbol) * stated.factor, wanted * known.factor)):
            return True
    return False


def is_stated(text: str, numeral: Numeral, number: float, unit: str) -> bool:
    """`amount_stated`, and a negative number as a decline (下降3% or -3%)."""
    if not amount_stated(text, numeral, number, unit):
        return False
    return number >= 0 or numeral.declined or _minus(text, numeral)


def states(sentence: str, number: float, unit: str = "") -> bool:
    """Whether the sentence writes `number` `unit` in any form (a negative number as a decline)."""
    text = reading(sentence)
    return any(is_stated(text, numeral, number, unit) for numeral in read_numbers(text))


# -- qualifiers ------------------------------------------------------------------------------

_AT_LEAST, _ABOUT, _AT_MOST, _EXACT = Qualifier.AT_LEAST, Qualifier.ABOUT, Qualifier.AT_MOST, Qualifier.EXACT
_LEAST, _NEAR, _MOST = frozenset({_AT_LEAST}), frozenset({_ABOUT}), frozenset({_AT_MOST})
# Words just before a number, longest first, so 不超过 is read before 超过 and 不低于 before 低于.
PREFIX_WORDS: tuple[tuple[str, frozenset[Qualifier]], ...] = tuple(sorted((
    ("不低于", _LEAST), ("不少于", _LEAST), ("至少", _LEAST), ("超过", _LEAST), ("突破", _LEAST),
    ("超", _LEAST), ("逾", _LEAST), ("大于", _LEAST), ("高于", _LEAST), ("破", _LEAST), ("上", _LEAST),
    ("站上", _LEAST), ("迈上", _LEAST), ("跨上", _LEAST), ("跃上", _LEAST), ("跨越", _LEAST),
    ("约", _NEAR), ("大约", _NEAR), ("将近", frozenset({_ABOUT, _AT_MOST})),
    ("近", frozenset({_ABOUT, _AT_MOST})), ("接近", frozenset({_ABOUT, _AT_MOST})),
    ("控制在", _MOST), ("不超过", _MOST), ("不高于", _MOST), ("低于", _MOST), ("少于", _MOST),
    ("不大于", _MOST),
    # the level something is cut to: a ceiling as a target, the outcome as a result
    *((word, frozenset({_AT_MOST, _EXACT})) for word in (
        "降至", "降到", "降低到", "下降到", "减至", "减少到", "压减至", "压减到", "压缩至", "压缩到")),
), key=lambda pair: -len(pair[0])))
_NOT_PREFIX = ("节约", "制约", "简约", "合约", "签约", "附近", "最近", "靠近", "打破", "以上", "线上", "之上")
SUFFIX_WORDS: dict[str, frozenset[Qualifier]] = {
    "以上": _LEAST, "左右": _NEAR, "上下": _NEAR, "以内": _MOST, "之内": _MOST, "以下": _MOST,
}
_APPROXIMATE_ALLOWS = frozenset({_AT_LEAST, _ABOUT})  # 1000多家: a floor, loosely
# 以上 that belongs to a name: 规模以上工业, 限额以上, 县级以上, 三级以上医院, 65岁以上.
_NAME_BEFORE_SUFFIX = re.compile(r"(?:规模|限额|级|岁|星|本科|大专)$")
_NUMERAL_CHARS = "0-9." + "".join(DIGITS) + _UNIT_CHARS
# From the end of a number to a qualifier word after it: its unit, then any more numbers of
# an enumeration (87万吨、253GW以上; 88%、70%和96%以上), all within one clause.
_SUFFIX = re.compile(
    rf"(?P<gap>[^0-9;；。,，!?！？:：、]{{0,7}}?"
    rf"(?:(?:、|和|及|与)[{_NUMERAL_CHARS}]+[^0-9;；。,，!?！？:：、]{{0,7}}?)*?)"
    rf"(?P<word>{'|'.join(SUFFIX_WORDS)})")
_LEVEL_WORDS = frozenset(word for word, allows in PREFIX_WORDS if _EXACT in allows)
# 控制在2.6% in a review of the past year is the outcome itself.
_OUTCOME_EXACT = frozenset({"控制在"})

WORDS_FOR: dict[Qualifier, str] = {
    Qualifier.AT_LEAST: "以上/超过/突破/不低于", Qualifier.ABOUT: "左右/约",
    Qualifier.AT_MOST: "以内/以下/控制在/不超过", Qualifier.EXACT: "none of 以上/左右/以内/超过/控制在",
}


@dataclass(frozen=True)
class Said:
    """The qualifier words found around a number, and the qualifiers they allow."""

    words: tuple[str, ...]
    allows: frozenset[Qualifier]

    def agrees(self, qualifier: Qualifier) -> bool:
        return qualifier in self.allows or (qualifier is Qualifier.EXACT and not self.words)


def _prefix_word(before: str) -> str:
    if before.endswith(_NOT_PREFIX) and not before.endswith("将近"):
        return ""
    return next((word for word, _ in PREFIX_WORDS if before.endswith(word)), "")


def qualifier_said(text: str, first: Numeral, last: Numeral | None = None, outcome: bool = False) -> Said:
    """The qualifier words of the quantity written from `first` to `last` (a range's two ends):
    a word just before it (超过, 控制在, 至少 in 至少降低30%), 多/余 right after the number
    (1000多家), or a word after its unit or a list it ends (以上, 左右, 以内)."""
    last = last or first
    words: list[str] = []
    allows: set[Qualifier] = set()
    before = text[max(0, first.start - 8):first.start]
    word = _prefix_word(before)
    if not word:  # past a decline word: 至少降低30%, 降幅超过3% reads 超过 already
        for decline in _DECLINE_WORDS:
            if before.endswith(decline):
                word = _prefix_word(before[: -len(decline)])
                break
    if word:
        words.append(word)
        allows |= dict(PREFIX_WORDS)[word]
        if outcome and word in _OUTCOME_EXACT:
            allows.add(_EXACT)
    if last.approx:
        words.append(last.approx)
        allows |= _APPROXIMATE_ALLOWS
    match = _SUFFIX.match(text, last.end)
    if match and not _NAME_BEFORE_SUFFIX.search(text[:match.start("word")]):
        words.append(match.group("word"))
        allows |= SUFFIX_WORDS[match.group("word")]
    return Said(tuple(words), frozenset(allows))


# -- a sentence against a recorded value ------------------------------------------------------


@dataclass(frozen=True)
class QuoteCheck:
    """What a sentence says about a recorded value.

    `value_ok` when it states every end of the value; `said`: the qualifier words at each place
    that states it (one of them agreeing is enough); `sign_missing` when a negative value's
    number is there without a decline word; `decline_unsigned` when a growth recorded positive is
    only ever written as a decline (下降3% recorded as 3).
    """

    value_ok: bool
    numbers: tuple[str, ...]
    said: tuple[Said, ...] = ()
    sign_missing: bool = False
    decline_unsigned: bool = False

    def agrees(self, qualifier: Qualifier) -> bool:
        return any(said.agrees(qualifier) for said in self.said)

    @property
    def qualified(self) -> bool:
        """Every place that states the value has qualifier words."""
        return bool(self.said) and all(said.words for said in self.said)


def check_quote(quote: str, value: Value, unit: str, metric: Metric = Metric.LEVEL,
                outcome: bool = False) -> QuoteCheck:
    """Whether `quote` states `value` `unit`, and which qualifier words go with it (`outcome`:
    the value is a result, not a target)."""
    text = reading(quote)
    numbers = read_numbers(text)
    shown = tuple(text[n.start:n.end] for n in numbers)
    ends = [value.low, value.high] if value.is_range else [value.low]
    stating = [[n for n in numbers if is_stated(text, n, end, unit)] for end in ends]
    if not all(stating):
        unsigned = all(any(amount_stated(text, n, end, unit) for n in numbers) for end in ends)
        return QuoteCheck(False, shown, sign_missing=unsigned and any(end < 0 for end in ends))
    if len(stating) == 1:
        pairs = [(n, n) for n in stating[0]]
    else:
        pairs = [(low, high) for low in stating[0] for high in stating[1] if high.start > low.start] or \
                [(stating[0][0], stating[1][0])]
    decline = metric is Metric.GROWTH and all(end > 0 for end in ends) and all(low.declined for low, _ in pairs)
    return QuoteCheck(True, shown, tuple(qualifier_said(text, low, high, outcome) for low, high in pairs),
                      decline_unsigned=decline)
