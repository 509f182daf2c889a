"""Time frames: the plan year of a document, and whether a stretch of text sets this year's
targets (plan), reports last year's results (review), or speaks of several years (horizon)."""

from __future__ import annotations

import re
from collections import Counter
from enum import StrEnum

from policydiff.curation.extract import vocab


class Frame(StrEnum):
    PLAN = "plan"  # this year's commitments: targets
    REVIEW = "review"  # last year's outcomes: actuals, year = plan year − 1
    MULTI_REVIEW = "multi_review"  # a review of several years (过去五年): only last year's figures count
    HORIZON = "horizon"  # multi-year or later goals: not this year's targets
    OTHER_YEAR = "other_year"  # an earlier year than last year: history


_YEAR = r"((?:19|20)\d\d)"
_PLAN_YEAR_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(_YEAR + r"年[^。\n]{0,16}政府工作报告"), 0),
    (re.compile(r"政府工作报告[^。\n]{0,6}" + _YEAR + r"年"), 0),
    (re.compile(_YEAR + r"年(?:工作)?回顾"), 1),
    (re.compile(r"回顾\s*" + _YEAR + r"\s*年"), 1),
    (re.compile(r"展望\s*" + _YEAR + r"\s*年"), 0),
    (re.compile(r"做好\s*" + _YEAR + r"\s*年"), 0),
    (re.compile(_YEAR + r"年(?:经济社会发展|政府工作|重点工作|工作任务|主要预期目标|发展主要预期目标|工作的总体要求)"), 0),
    (re.compile(r"对\s*" + _YEAR + r"\s*年政府工作的建议"), 0),
    (re.compile(r"——\s*" + _YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日在"), 0),
    (re.compile(r"[(（]\s*" + _YEAR + r"\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[)）]"), 0),
)
_ANY_YEAR = re.compile(_YEAR + r"\s*年")


def plan_year(text: str) -> int | None:
    """The year whose targets a document sets: from its title (2025年政府工作报告), its review
    heading (2024年工作回顾 → 2025), a 做好2025年 sentence or its date; else the year it names most."""
    for pattern, offset in _PLAN_YEAR_PATTERNS:
        match = pattern.search(text)
        if match:
            return int(match.group(1)) + offset
    years = Counter(int(y) for y in _ANY_YEAR.findall(text))
    if not years:
        return None
    most = years.most_common(1)[0][0]
    # a work report that opens with its review (过去的一年… 2024年…) and names no plan year names
    # the year under review most: the plan is the next one
    review = _OPENING_REVIEW.search(text)
    plan = _PLAN_TALK.search(text)
    if review and (plan is None or review.start() < plan.start()) and str(most + 1) not in text:
        return most + 1
    return most


_OPENING_REVIEW = re.compile(r"过去的一年|过去一年|刚刚过去的一年|一年来|回顾这一年")
_PLAN_TALK = re.compile(r"今年|新的一年|本年度|展望")


# A level-1 heading: 一、 or 第一部分 (not the (一) or 1. of a subsection).
LEVEL_ONE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)")
_REVIEW_HEADING = re.compile(r"回顾|过去|一年来|工作总结|去年工作|成就|成绩")
_MULTI_YEAR_HEADING = re.compile(r"五年|十年|三年|十[一二三四五六七八九]五|届|规划纲要|远景目标|时期")


def heading_frame(heading: str, year: int | None) -> Frame:
    """The frame a level-1 heading opens: a review of last year (一、2024年工作回顾), of several
    (过去五年工作回顾, “十三五”时期发展成就), a multi-year plan (“十四五”时期主要目标任务), else this
    year's plan."""
    last_year = str(year - 1) if year else "\0"
    this_year = str(year) if year else "\0"
    review = bool(_REVIEW_HEADING.search(heading)) or (last_year in heading and this_year not in heading)
    several = bool(_MULTI_YEAR_HEADING.search(heading))
    if review and not re.search(r"展望|今年", heading):
        return Frame.MULTI_REVIEW if several else Frame.REVIEW
    if several and not re.search("今年|" + this_year, heading):
        return Frame.HORIZON
    return Frame.PLAN


_IN_YEAR = re.compile(r"(?:到|至|在)?((?:19|20)\d\d)年(?:(?:底|末)前|前|底|末|以前)?")


def clause_markers(folded: str, year: int | None) -> Frame | None:
    """The time a clause names, if it names one: 今年/2025年 plan, 去年/2024年 review, 到2027年/
    十四五/年均 horizon, an earlier year history; the last one named counts (从2007年的248亿美元
    上升到2012年的772亿美元 is about 2012). 比上年 (a comparison) names no time."""
    text = vocab.COMPARISON.sub(lambda m: "\0" * len(m.group()), folded)
    # 赤字率从去年的2.1%提高到2.3%: the year a change starts from is not the year it speaks of
    text = re.sub(r"[从由](?:去年|上年|(?:19|20)\d\d年)", lambda m: "\0" * len(m.group()), text)
    if vocab.HORIZON_WORDS.search(text):
        return Frame.HORIZON
    found: list[tuple[int, Frame]] = []
    for match in _IN_YEAR.finditer(text):
        named = int(match.group(1))
        if year is None:
            continue
        if named > year:
            return Frame.HORIZON
        frame = Frame.PLAN if named == year else Frame.REVIEW if named == year - 1 else Frame.OTHER_YEAR
        found.append((match.start(), frame))
    for words, frame in ((vocab.REVIEW_WORDS, Frame.REVIEW), (vocab.PLAN_WORDS, Frame.PLAN)):
        for word in words:
            position = text.rfind(word)
            if position >= 0:
                found.append((position, frame))
    return max(found)[1] if found else None
