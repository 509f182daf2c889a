"""The clause rules: which stated quantities are this year's targets or last year's results, and
what each one's indicator, metric, qualifier and direction are.

A sentence is read clause by clause. Its time frame comes from the words it uses (今年, 去年,
2024年, 到2027年, 年均), else from its paragraph, else from the section heading above it. Each
quantity takes its indicator from the words before it (地区生产总值增长8%) or, after a verb, from
the noun after it (新增10家绿色工厂); a list with 分别 pairs names with numbers in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from policydiff.contract.model import Direction, Metric, Qualifier, Value
from policydiff.contract.units import Dimension, lookup
from policydiff.curation.extract import vocab
from policydiff.curation.extract.frames import LEVEL_ONE, Frame, clause_markers, heading_frame
from policydiff.curation.extract.quantities import Mention, mentions
from policydiff.curation.extract.text import MAX_CLAUSE, Clause, Part, Sentence, sentences

# Drafts read from one part at most: the richest real document states a few hundred figures, so
# a text with more is machine-made, and reading on would only cost time (a 10 MB line of
# figures would take minutes); the draft says where it stopped.
MAX_DRAFTS = 2000


class Kind(StrEnum):
    TARGET = "target"
    ACTUAL = "actual"
    HORIZON = "horizon"  # a multi-year or later goal: listed in a comment, never mixed in
    UNKNOWN_UNIT = "unknown_unit"  # a figure whose unit the unit table lacks: listed in a comment


@dataclass(frozen=True)
class Draft:
    """One drafted target or result, before it gets an id."""

    kind: Kind
    name: str
    value: Value
    unit: str
    metric: Metric
    qualifier: Qualifier
    strive: bool
    direction: Direction
    sector: str | None
    quote: str
    year: int | None
    estimate: bool = False
    reviews: tuple[str, ...] = ()
    part: int = 0
    intended: Kind | None = None  # for an UNKNOWN_UNIT draft: what it would be with its unit declared


@dataclass
class _Item:
    """A quantity being read: its mention, clause, and the name found for it (mutable while the
    sentence is read, frozen into a Draft at the end)."""

    mention: Mention
    clause: Clause
    clause_index: int
    name_span: tuple[int, int]  # in the clause; (0, 0) when no name is stated next to the number
    name: str
    verb: str  # the word just before the number (增长, 达到 …), folded
    frame: Frame
    strive: bool
    estimate: bool
    subjects: list[str] = field(default_factory=list)  # names of a list it distributes over
    reviews: list[str] = field(default_factory=list)
    quote_from: int = -1  # index of the first clause the quote covers, when the name is from before
    skip: str = ""
    respective: bool = False  # a 分别 list: names pair with numbers in order
    from_to: bool = False  # the end of a change (从54万亿元增加到82.7万亿元)
    counted: bool = False  # the number counts the noun after it (新增10家绿色工厂): an increment


def _strip_leading(text: str, start: int, end: int) -> int:
    changed = True
    while changed and start < end:
        changed = False
        for word in vocab.LEADING:
            if text.startswith(word, start, end) and start + len(word) <= end:
                start += len(word)
                changed = True
                break
        else:
            match = re.match(r"(?:19|20)\d\d年(?:底|末)?|[0-9]+月(?:底|末)?|[，,、。；;：:\s]", text[start:end])
            if match:
                start += match.end()
                changed = True
    return start


def _strip_trailing(text: str, start: int, end: int) -> int:
    changed = True
    while changed and end > start:
        changed = False
        for word in vocab.TRAILING:
            if text.endswith(word, start, end) and end - len(word) >= start:
                end -= len(word)
                changed = True
                break
    return end


def _verb_before(text: str, start: int) -> str:
    """The change or level verb just before a number (增长 / 下降到 / 达到), '' if none."""
    window = text[max(0, start - 6): start]
    window = re.sub(r"(?:不低于|不少于|超过|突破|至少|控制在|不超过|低于|约|近|逾|超|大约|接近|分别|均|为|再|要|将)+$", "", window)
    for verbs in (vocab.DECLINE_VERBS, vocab.GROWTH_VERBS):
        for verb in verbs:
            for tail in ("到", "至", "了", ""):
                if window.endswith(verb + tail):
                    return verb + tail
    for word in ("达到", "突破", "保持在", "稳定在", "控制在", "为"):
        if window.endswith(word):
            return word
    return ""


def _in_quotes(sentence: str, position: int) -> bool:
    """Inside “…” or 《…》: part of a name (“十四五”, 《80条》), not a figure. Only the clause-sized
    stretch before the number is counted: a name in quotes is short, and counting from the start
    of an endless sentence for every number in it would cost the square of its length."""
    before = sentence[max(0, position - MAX_CLAUSE):position]
    return before.count("“") > before.count("”") or before.count("《") > before.count("》") \
        or before.count("「") > before.count("」")


_NAME_OK = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_REGULATION = re.compile(r"办法|细则|规定|条例|规程|指引|须知|章程")
_GOAL_WORDS = re.compile(r"^(?:经济)?(?:增长|增速)?(?:的)?(?:预期)?(?:目标)?$")
_ACTIONS = frozenset(vocab.OBJECT_VERBS) | frozenset(vocab.INCREMENT_WORDS)
_VERBISH = re.compile(r"增加|减少|提高|下降|降低|增长|实现|推进|完成|改革|建设|实施|推动|加快|取消|扩大|大幅")


_UNNUMBERED_HEADING = re.compile(r"^(?:(?:19|20)\d\d年|过去一年|今年)?(?:工作回顾|政府工作回顾|工作安排|重点工作|主要任务)$")
_OPENING_REVIEW = re.compile(r"^(?:过去的一年|过去一年|刚刚过去的一年|刚刚过去的(?:19|20)\d\d年|一年来|回顾这一年)")
_OPENING_PLAN = re.compile(r"^(?:今年|新的一年|展望(?:新的一年|今年|(?:19|20)\d\d年))")


def _opening_frame(paragraph: str) -> Frame | None:
    """The section a paragraph opens in a text without headings: a review (过去的一年，…) or the
    plan again (今年…, 新的一年…); None when its opening says neither."""
    if _OPENING_REVIEW.match(paragraph):
        return Frame.REVIEW
    if _OPENING_PLAN.match(paragraph):
        return Frame.PLAN
    return None


def _split_subjects(name: str, count: int = 0) -> list[str]:
    """多晶硅、单晶硅产能 → [多晶硅产能, 单晶硅产能]: a list, the head of its last item shared.
    With `count`, 和/及 split only when 、 alone does not give that many names."""
    urban_rural = re.match(r"^(.*?)城乡居民(.+)$", name)
    if urban_rural and count in (0, 2) and "、" not in name:
        head, rest = urban_rural.groups()
        return [f"{head}城镇居民{rest}", f"{head}农村居民{rest}"]
    pieces = [p for p in name.split("、") if p]
    if count and len(pieces) != count or not count and len(pieces) < 2:
        pieces = [p for p in re.split(r"、|和|及|与|以及", name) if p]
    if len(pieces) < 2 or any(_VERBISH.search(p) for p in pieces[:-1]):
        return [name]  # 规模大幅增加、专项转移支付项目: clauses, not a list of indicators
    last = pieces[-1]
    head = next((h for h in vocab.HEADS if last.endswith(h) and len(last) > len(h)), "")
    if head and not any(p.endswith(vocab.HEADS) for p in pieces[:-1]):
        return [p + head for p in pieces[:-1]] + [last]
    return pieces


_SCOPE = frozenset(("同口径", "可比口径", "按可比口径", "按同口径", "同口径计算", "按可比价格计算"))
_QUALIFIED_CHANGE = re.compile(r"(?:自然|名义|实际|同口径|可比|同比)(?:增幅|增速|增长|涨幅|降幅)")
_BARE_CHANGE = frozenset(("增幅", "增速", "增长", "涨幅", "降幅", "同比增长", "同比增幅", "同比", "增长率"))
_AGGREGATE = re.compile(r"(?:总值|增加值|收入|总额|投资|产值|规模|总量|营收|利润|税收)(?:同口径|可比口径)?$")


def _metric(item: _Item, unit_dimension: Dimension | None) -> tuple[Metric, bool]:
    """The metric, and whether the number is a decline (下降3% → -3)."""
    verb = item.verb
    name = item.name
    percent = unit_dimension is Dimension.PERCENT
    decline = any(verb.startswith(v) for v in vocab.DECLINE_VERBS) and not verb.endswith(("到", "至"))
    if unit_dimension is Dimension.PERCENTAGE_POINT:
        return Metric.INCREMENT, decline
    if percent:
        if decline:
            return Metric.GROWTH, True
        if any(verb.startswith(v) for v in vocab.GROWTH_VERBS) and not verb.endswith(("到", "至")):
            return Metric.GROWTH, False
        if re.search(r"涨幅|增速|增幅|增长$", name):
            return Metric.GROWTH, False
        if item.mention.fraction and any(w in item.clause.folded for w in vocab.DECLINE_VERBS):
            return Metric.GROWTH, True
        return Metric.SHARE, False
    clause = item.clause.folded[: item.mention.start]
    if verb in ("达到", "突破", "保持在", "稳定在", "控制在", "为") or verb.endswith(("到", "至")):
        return Metric.LEVEL, False
    if re.search(r"(?:完成|实现)$", clause) and _AGGREGATE.search(name):
        return Metric.LEVEL, False  # 地区生产总值完成4704.3亿元: the year's total, not an addition
    if item.counted or any(word in clause for word in vocab.INCREMENT_WORDS) or any(
            word in item.name for word in ("新增", "新开工")):
        return Metric.INCREMENT, False
    return Metric.LEVEL, False


def _sector(name: str, context: str) -> str | None:
    for text in (name, context):
        for word, sector in vocab.SECTOR_WORDS:
            if word in text:
                return sector
    return None


def _direction(name: str, qualifier: Qualifier, decline: bool) -> Direction:
    if decline or qualifier is Qualifier.AT_MOST or any(word in name for word in vocab.DOWN_WORDS):
        return Direction.DOWN
    return Direction.UP


class Reader:
    """Reads one part of a document, sentence by sentence, keeping the section's frame."""

    def __init__(self, part: Part, year: int | None, index: int = 0) -> None:
        self.part = part
        self.year = year
        self.index = index
        self.section = Frame.PLAN  # before any heading: a plan (a 一号文件 sets targets throughout)
        self.headed = False  # whether a heading has set the section
        self.drafts: list[Draft] = []

    def read(self) -> list[Draft]:
        if _REGULATION.search(self.part.title):
            return []  # 认定管理办法, 实施细则: thresholds and procedures, not targets
        paragraph_frame: Frame | None = None
        current_paragraph = -1
        for sentence in sentences(self.part):
            if sentence.paragraph != current_paragraph:
                current_paragraph = sentence.paragraph
                paragraph_frame = None
                heading = self.part.paragraphs[sentence.paragraph].folded
                if LEVEL_ONE.match(heading):
                    self.section = heading_frame(re.split(r"[。！？]", heading)[0], self.year)
                    self.headed = True
                elif _UNNUMBERED_HEADING.search(heading) and len(heading) <= 24 and not re.search(r"[。！？；;]", heading):
                    # 2024年工作回顾 / 2025年工作安排 on a line of its own: a heading without a number
                    self.section = heading_frame(heading, self.year)
                    self.headed = True
                elif not self.headed:
                    opening = _opening_frame(heading)
                    if opening is not None:  # 过去的一年，… opens the review of a report without headings
                        self.section = opening
            paragraph_frame = self.sentence(sentence, paragraph_frame)
            if len(self.drafts) >= MAX_DRAFTS:
                break  # not a policy text (the longest real one has a few hundred figures)
        return self.drafts

    # -- one sentence ------------------------------------------------------------------------------

    def sentence(self, sentence: Sentence, carried: Frame | None) -> Frame | None:
        """Reads the sentence; returns the frame its paragraph carries on with."""
        frame = carried or self.section
        explicit = carried is not None
        strive = False
        estimate = False
        items: list[_Item] = []
        paragraph_frame = carried
        for index, clause in enumerate(sentence.clauses):
            marker = clause_markers(clause.folded, self.year)
            if marker is Frame.PLAN and self.section in (Frame.REVIEW, Frame.MULTI_REVIEW) and not re.search(
                    "今年|新的一年|" + str(self.year), clause.folded):
                marker = None  # 预计年内… in a review: the year under review
            if marker is None and self.section is Frame.MULTI_REVIEW and "全年" in clause.folded:
                marker = Frame.REVIEW  # in a review of five years, 全年 is the last one
            clause_frame = frame
            if marker is not None:
                if marker is Frame.HORIZON and not _governs_sentence(clause.folded):
                    clause_frame = Frame.HORIZON  # 年均增长7%: this clause only
                else:
                    frame, explicit = marker, True
                    clause_frame = marker
                    if marker is not Frame.HORIZON:
                        paragraph_frame = marker
            if any(word in clause.folded for word in vocab.STRIVE):
                strive = True
            if "预计" in clause.folded:
                estimate = True
            found = mentions(clause.folded)
            for position, mention in enumerate(found):
                item = self.item(sentence, clause, index, mention, found[position - 1] if position else None,
                                 clause_frame, strive and _after_strive(clause.folded, mention, index, sentence),
                                 estimate)
                if item is not None:
                    items.append(item)
        self.resolve(sentence, items, explicit)
        return paragraph_frame

    def item(self, sentence: Sentence, clause: Clause, index: int, mention: Mention, previous: Mention | None,
             frame: Frame, strive: bool, estimate: bool) -> _Item | None:
        text = clause.folded
        unit = lookup(mention.unit)
        dimension = unit.dimension if unit else None
        skip = _not_a_figure(sentence, clause, mention, previous, dimension)
        # the words between the previous quantity (or the clause start) and this one
        start = previous.end if previous is not None else 0
        if previous is not None:  # …1.4万亿斤新台阶、亩产提升10.1斤: the name starts after the 、
            start = max(start, text.rfind("、", start, mention.start) + 1)
        segment_start = _strip_leading(text, start, mention.start)
        verb = _verb_before(text, mention.start)
        segment_end = _strip_trailing(text, segment_start, mention.start)
        name_span = (segment_start, segment_end)
        raw_before = text[start: mention.start]
        after_noun = _noun_after(text, mention)
        before_core = text[segment_start:segment_end]
        object_verb = _ends_with_object_verb(raw_before)
        counted = bool(after_noun and (not _NAME_OK.search(before_core) or object_verb))
        if counted and not object_verb and not _NAME_OK.search(text[:mention.start]) and re.search(
                r"[0-9]", text[mention.end:]) and not skip:
            skip = "a count describing the subject of the figure after it (75家龙头企业销售收入18.4亿元)"
        if counted:
            name_span = (mention.end, mention.end + len(after_noun))
        from_to = previous is not None and _change_from(text, previous, mention)
        if from_to and previous is not None:
            # 国内生产总值从54万亿元增加到82.7万亿元: the indicator is named before 从
            cut = max(text.rfind("从", 0, previous.number_start), text.rfind("由", 0, previous.number_start))
            head = max(text.rfind("、", 0, cut) + 1, 0)
            name_span = (_strip_leading(text, head, cut), _strip_trailing(text, head, cut))
            verb = _verb_before(text, mention.start)
        name = clause.text[name_span[0]: name_span[1]]
        item = _Item(mention, clause, index, name_span, name.strip(), verb, frame, strive, estimate, skip=skip)
        item.from_to = from_to
        item.counted = counted
        if "分别" in text[:mention.start]:
            item.subjects = _split_subjects(item.name) if item.name else []
            item.respective = True
        elif re.search(r"、|和", item.name) and not re.search(r"总数|总量|合计|总和|总额|等", item.name) and (
                dimension is Dimension.PERCENT or re.search(r"均|都|并肩|各", text[:mention.start])):
            item.subjects = _split_subjects(item.name)  # 二氧化硫、氮氧化物排放量下降3%: each of them
        return item

    # -- a sentence's items together ---------------------------------------------------------------

    def resolve(self, sentence: Sentence, items: list[_Item], explicit: bool) -> None:
        kept = [item for item in items if not item.skip]
        _distribute(kept)
        previous: _Item | None = None
        for item in kept:
            if previous is not None and _QUALIFIED_CHANGE.fullmatch(item.name) and item.mention.unit == "%":
                # …收入3.5亿元，自然增幅2%: the change of the indicator before it, as qualified
                item.name = _root_name(kept, item) + item.name
                item.quote_from = previous.quote_from if previous.quote_from >= 0 else previous.clause_index
            elif not _NAME_OK.search(item.name) or item.name in _ACTIONS or (
                    item.name in _BARE_CHANGE and previous is not None):  # 力保投产300个, …、增幅6.1%: whose?
                if previous is not None:
                    item.name = _continue_name(previous.name, item)
                    item.quote_from = previous.quote_from if previous.quote_from >= 0 else previous.clause_index
                    item.reviews.append("name taken from the indicator before it in the sentence")
                elif len(_NAME_OK.findall(own := _own_words(item))) >= 2:
                    item.name = own  # 工业经济总量成为全区第四个突破2000亿元大关: named before the ordinal
                elif item.clause_index > 0:  # 向困难群众发放一次性生活补助，惠及1100多万人
                    before = sentence.clauses[item.clause_index - 1]
                    item.name = before.text[_strip_leading(before.folded, 0, len(before.folded)):] + item.name
                    item.quote_from = item.clause_index - 1
                    item.reviews.append("name taken from the clause before the number: check it")
                else:
                    item.reviews.append("no indicator stated next to the number: name it")
                    item.name = item.name or item.clause.text[: item.mention.start].strip("，,、") or "?"
            elif item.name in _SCOPE and previous is not None:  # …收入3.5亿元，同口径完成3.67亿元
                item.name = _root_name(kept, item) + item.name
                item.quote_from = previous.quote_from if previous.quote_from >= 0 else previous.clause_index
            elif item.name in vocab.HEADS and previous is not None and previous.name != item.name:
                # 稀土新材料产能…、产值 → 稀土新材料产值; 中央对地方转移支付增加…、规模 → …转移支付规模
                subject = next((previous.name[: -len(h)] for h in vocab.HEADS
                                if previous.name.endswith(h) and len(previous.name) > len(h)),
                               previous.name if len(item.name) <= 2 else "")
                if subject:
                    item.name = subject + item.name
                    item.quote_from = previous.quote_from if previous.quote_from >= 0 else previous.clause_index
            if _GOAL_WORDS.match(item.name) and item.mention.unit == "%":
                item.name = "经济增长"  # 今年经济增长预期目标定为7.5%左右: the growth goal restated
                item.reviews.append("restates the growth goal: drop it if the main target is there")
            previous = item
        for item in kept:
            self.emit(sentence, item, explicit)

    def emit(self, sentence: Sentence, item: _Item, explicit: bool) -> None:
        mention = item.mention
        unit = lookup(mention.unit)
        dimension = unit.dimension if unit else None
        metric, decline = _metric(item, dimension)
        value = mention.value
        if decline and metric is Metric.GROWTH:
            value = Value(-value.high, -value.low)
        frame = item.frame
        estimate = item.estimate
        if estimate and frame is Frame.PLAN and not explicit:
            frame = Frame.REVIEW  # 预计全年…: an estimate of the year just ending
        if frame is Frame.MULTI_REVIEW:
            # the end of a change stated over the years is where the last year ended (城镇化率
            # 由45.9%提高到52.6%); other figures of a review of several years are not one year's
            if item.from_to:
                frame = Frame.REVIEW
                item.reviews.append("a level from a review of several years, read as last year's")
            else:
                frame = Frame.HORIZON
        if frame is Frame.OTHER_YEAR:
            return
        kind = {Frame.PLAN: Kind.TARGET, Frame.REVIEW: Kind.ACTUAL}.get(frame, Kind.HORIZON)
        intended = kind
        if not mention.known:
            kind = Kind.UNKNOWN_UNIT
        first = item.quote_from if 0 <= item.quote_from < item.clause_index else item.clause_index
        start = sentence.clauses[first].start
        end = item.clause.start + len(item.clause.text)
        if item.quote_from != -2:  # end at the list break after the number (…5.66万亿元、比上年增加…)
            cut = item.clause.folded.find("、", mention.end)
            if cut >= 0:
                end = item.clause.start + cut
        quote = sentence.text[start:end].strip("，,；;：:、 ")
        name = _tidy_name(item.name)
        reviews = list(item.reviews)
        if not explicit and not self.headed and kind in (Kind.TARGET, Kind.ACTUAL):
            reviews.append(f"{'target' if kind is Kind.TARGET else 'result'} by its section only (no time word in the sentence)")
        if mention.prefix in ("最高", "最低"):
            reviews.append(f"{mention.prefix}: a cap or a floor, perhaps not a target")
        if mention.value.is_range:
            reviews.append("a range: check both ends")
        year = self.year - 1 if kind is Kind.ACTUAL and self.year else None
        names = item.subjects if len(item.subjects) > 1 else [name]
        for each in names:
            self.drafts.append(Draft(
                kind=kind, name=_tidy_name(each), value=value, unit=mention.unit, metric=metric,
                qualifier=mention.qualifier, strive=item.strive, direction=_direction(each, mention.qualifier, decline),
                sector=_sector(each, item.clause.folded), quote=quote, year=year, estimate=estimate and kind is Kind.ACTUAL,
                reviews=tuple(reviews), part=self.index, intended=intended))


def _own_words(item: _Item) -> str:
    """The words of the number's own clause before it, when they name an indicator ending in a
    predicate (…成为全区第四个突破): the part before 成为; '' otherwise."""
    text = item.clause.folded[: item.mention.start]
    if "成为" not in text:
        return ""
    start = _strip_leading(text, 0, len(text))
    return _tidy_name(item.clause.text[start: item.mention.start])


def _root_name(items: list[_Item], item: _Item) -> str:
    """The indicator an unnamed variant refers back to: the last name before it in the sentence
    that is not itself a variant (自然增幅, 同口径)."""
    before = items[: items.index(item)]
    for other in reversed(before):
        if other.name and not _QUALIFIED_CHANGE.fullmatch(other.name) and other.name not in _SCOPE and \
                other.name not in _BARE_CHANGE and not any(other.name.endswith(s) for s in _SCOPE) and \
                not _QUALIFIED_CHANGE.search(other.name):
            return other.name
    return before[-1].name if before else ""


def _tidy_name(name: str) -> str:
    name = re.split(r"成为", name)[0] or name  # 工业经济总量成为全区第四个突破…: 成为 starts a predicate
    name = name.strip("，,、；;：: “”\"")
    name = re.sub(r"^(?:的|和|及|与)+|(?:的|和|及|与)+$", "", name)
    return name or "?"


def _continue_name(previous: str, item: _Item) -> str:
    """The name of a quantity stated without one (…达到134.9万亿元、增长5%; …力保投产300个): the
    indicator before it, with an action word of its own (投产) appended."""
    own = item.clause.folded[item.name_span[0]: item.mention.start]
    own = re.sub(r"(?:增长|增速|达到|突破|提高|提升|下降|降低|为|实现|完成)$", "", own)
    own = re.sub(r"^(?:力保|力争|确保|争取|实现|完成)", "", own)
    if own and _NAME_OK.search(own) and len(own) <= 4:
        return previous + own
    return previous


def _distribute(items: list[_Item]) -> None:
    """分别/均: pair a list of names with a list of numbers, or one number with every name."""
    index = 0
    while index < len(items):
        item = items[index]
        if len(item.subjects) > 1:
            run = [item]
            for other in items[index + 1:]:
                if other.clause is item.clause and not _NAME_OK.search(other.clause.folded[run[-1].mention.end: other.mention.start].replace("和", "")):
                    run.append(other)
                else:
                    break
            if len(run) != len(item.subjects) and item.respective:
                item.subjects = _split_subjects(item.name, len(run))
            if len(run) == len(item.subjects):
                qualifier = run[-1].mention.qualifier
                for subject, member in zip(item.subjects, run, strict=False):
                    member.name = subject
                    member.subjects = []
                    member.verb = member.verb or item.verb
                    member.quote_from = -2  # the whole clause: the items share it
                    if member.mention.qualifier is Qualifier.EXACT and qualifier is not Qualifier.EXACT:
                        member.mention = replace(member.mention, qualifier=qualifier)  # 以上 at the end of a list
                index += len(run)
                continue
            if item.respective and len(run) > 1:
                item.subjects = []  # 分别 with a list of numbers that does not pair: no split
            # (分别下降3% with one number: each of the names declines 3%)
        index += 1
    # 均占全国产能40%以上 / 占全国产能分别达到15%、10%: the subjects of the list before
    for position, item in enumerate(items):
        folded = item.clause.folded
        if position and (folded.startswith("均") or "分别" in folded) and item.clause_index > items[position - 1].clause_index:
            listed = _list_before(items, position)
            own = _tidy_name(item.name) if _NAME_OK.search(item.name) else ""
            if len(listed) > 1 and (folded.startswith("均") or own.startswith(("占", "比")) or (
                    not own and folded.startswith("分别"))):  # …分别达到1.35亿人次、453.8万吨，分别增长8.3%、7.9%
                if folded.startswith("均"):
                    item.subjects = [name + own for name in listed]
                else:
                    run = [i for i in items[position:] if i.clause is item.clause]
                    if len(run) == len(listed):
                        for name, member in zip(listed, run, strict=False):
                            member.name = name + own
                            member.subjects = []
                            member.verb = member.verb or run[0].verb  # 分别增长8.3%、7.9%: both growth
                item.quote_from = items[position - 1].clause_index


def _list_before(items: list[_Item], position: int) -> list[str]:
    clause = items[position - 1].clause
    return [i.name for i in items[:position] if i.clause is clause]


def _governs_sentence(folded: str) -> bool:
    """到2027年 / 十四五期间 at the head of a sentence sets the frame of all of it; 年均 or 累计
    inside a clause only that clause."""
    return bool(re.match(r"^(?:到|至|在)?(?:(?:19|20)\d\d年|十[一二三四五六七八九]五|今后|未来)", folded))


def _change_from(text: str, previous: Mention, mention: Mention) -> bool:
    """Whether `mention` is where a change stated from `previous` ends (从A增加到B, 由A提高到B)."""
    between = text[previous.end: mention.start]
    opened = re.search(r"[从由][^，,、；;]{0,12}$", text[: previous.number_start])
    return bool(opened) and len(between) <= 10 and bool(re.search(r"到|至", between))


def _after_strive(folded: str, mention: Mention, index: int, sentence: Sentence) -> bool:
    """力争 governs what follows it in the sentence."""
    position = max(folded.rfind(word, 0, mention.start) for word in vocab.STRIVE)
    if position >= 0:
        return True
    return any(word in c.folded for c in sentence.clauses[:index] for word in vocab.STRIVE)


def _ends_with_object_verb(text: str) -> bool:
    trimmed = re.sub(r"(?:再|要|将|新|共|累计|全年|年内|今年|力争|确保|力保|努力|、)+$", "", text)
    return trimmed.endswith(vocab.OBJECT_VERBS)


def _noun_after(text: str, mention: Mention) -> str:
    """The thing counted after a number (10家绿色工厂 → 绿色工厂), up to a list break or a verb."""
    rest = text[mention.end:]
    rest = rest[1:] if rest.startswith("的") else rest  # 1500万人次以上的职工培训
    rest = re.split(r"[、，,；;：:。（(]|和|及", rest, maxsplit=1)[0]
    stop = vocab.NOUN_STOP.search(rest)
    if stop:
        rest = rest[: stop.start()]
    rest = rest[:24]
    if rest.startswith(("大关", "关口", "台阶")):
        return ""  # 突破2000亿元大关: a milestone, the indicator is named before the number
    return rest if len(_NAME_OK.findall(rest)) >= 2 else ""


def _not_a_figure(sentence: Sentence, clause: Clause, mention: Mention, previous: Mention | None,
                  dimension: Dimension | None) -> str:
    """Why a stated quantity is not a target or result ('' if it may be one)."""
    text = clause.folded
    before = text[: mention.number_start]
    after = text[mention.end:]
    if mention.unit == "年" and (1800 <= mention.value.low <= 2200 or mention.chinese
                                 or re.search(r"(?:近|连续|满|每|延长|至少|再延长)$", before)
                                 or re.match(r"^(?:的|来|前|后|内|间|以来|期|行动|计划|规划|试点|不变|奋斗|华诞|大计)", after)
                                 or re.match(r"^[^，,、]{0,3}期", after)):
        return "a date, an anniversary or a number of years"
    if mention.chinese and re.fullmatch(r"[十百千万]", text[mention.number_start:mention.number_end]) and \
            dimension in (Dimension.COUNT, Dimension.PEOPLE) and mention.prefix not in ("近", "超", "逾", "破", "约", "超过", "突破"):
        return "an idiom (千家万户, 百家争鸣), not a figure"
    if dimension in (Dimension.MONEY, Dimension.MONEY_USD) and re.match(r"^(?:的)?部分", after):
        return "a tax or fee bracket (所得额100万元至300万元部分)"
    if dimension is Dimension.RANK or re.search(r"(?:第|前|后|排名|位居|居)$", before):
        return "an ordinal or a ranking"
    if re.search(r"(?:首个|首座|首家|首批|唯一的?|第一个)$", before):
        return "a class of things (首个300亿元园区), not a figure"
    if after.startswith("的") and re.search(r"(?:时速|速度|全长|总长|长|宽|深|高|直径|容量|排量|载重|占地)$", before):
        return "a property of a named thing (时速350公里的高铁)"
    if mention.unit in ("项", "个", "类") and re.match(r"^[\u4e00-\u9fff]{0,14}指标", after):
        return "a count of a plan's own indicators (下达的47项指标)"
    if mention.unit == "条" and re.match(r"^(?:政策)?(?:措施|举措|意见|政策|硬措施|实招)", after):
        return "part of a name (降低成本35条措施)"
    if mention.small_chinese:
        return "a small number in words (一个, 两项): prose, not a figure"
    if _in_quotes(sentence.folded, clause.start + mention.number_start):
        return "part of a quoted name"
    if re.match(r"^(?:条|项)?(?:等|”|」|》)", text[mention.end - 0:]) and mention.unit in ("条", "项", "件"):
        return "part of a name (稳经济80条等)"
    if re.match(r"^(?:的)?[\u4e00-\u9fff]{0,12}?(?:项目|工程|生产线|产线|行动|计划|专项)", after) and dimension not in (
            Dimension.COUNT, Dimension.PEOPLE, Dimension.PERCENT, Dimension.PERCENTAGE_POINT, None):
        return "the size of a named project"
    if re.search(r"(?:年产|年处理|年加工|日产|总投资|单体|单机|单个|[一二三四五六七八九十0-9]期)$", before):
        return "the size of a named project"
    if dimension not in (Dimension.COUNT, Dimension.PEOPLE, Dimension.PERCENT, Dimension.PERCENTAGE_POINT, None) and (
            re.match(r"^级", after) or re.search(r"等[\u4e00-\u9fff]{0,6}(?:项目|工程)|(?:项目|工程)(?:建设)?$", after)):
        return "the size of a named project (…等项目, 10万吨级)"
    if dimension in (Dimension.MONEY, Dimension.MONEY_USD) and (mention.prefix in ("最高", "最多") or re.search(
            r"(?:最高|最多|上限)[^，,、]{0,3}$", before) or (
            vocab.SUBSIDY.search(text[max(0, mention.start - 8): mention.end + 6])
            and not vocab.SUBSIDY_TOTAL.search(text))):
        return "a subsidy amount or cap"
    if dimension is Dimension.PERCENT and re.match(r"^的", after) or mention.fraction and not re.search(
            r"(?:压缩|减少|降低|下降|提高|增加|压减|缩短|减|降|增长|提升)[了]?$", before) and not re.match(
            r"^(?:以上|左右)", after):
        return "a share describing something else (6.5%左右的增速, 一半用于)"
    if re.match(r"^[\u4e00-\u9fff]", after) and text[mention.end - 2: mention.end] in ("以上", "以下") and dimension not in (
            Dimension.COUNT, Dimension.PEOPLE, Dimension.PERSON_TIMES, Dimension.PERCENT, None):
        return "a class of things (30万千瓦以下煤电机组, 10亿元以上项目), not a figure"
    if vocab.THRESHOLD.search(text) or vocab.CONDITION_START.match(text) and "的" in text:
        return "an eligibility threshold or a condition"
    if re.match(r"^第[一二三四五六七八九十百0-9]+条", sentence.folded):
        return "a clause of a regulation"
    # 从54万亿元增加到82.7万亿元: the starting point is not the figure
    if re.search(r"[从由]$", text[: mention.start]) or re.search(r"[从由](?:[^，,、]{0,8})$", text[: mention.start]) and \
            re.match(r"^[^，,、]{0,6}?(?:到|至)", after):
        return "the starting point of a change"
    if vocab.COMPARISON.search(text[: mention.start]) and not (dimension is Dimension.PERCENT and re.search(r"增长|下降|提高$", text[: mention.start])):
        return "a comparison with another year"
    if re.search(r"月$", text[: mention.number_start]) or re.match(r"^(?:月|日|号)", after) and dimension is Dimension.COUNT:
        return "a date"
    return ""


def read_part(part: Part, year: int | None, index: int = 0) -> list[Draft]:
    return Reader(part, year, index).read()
