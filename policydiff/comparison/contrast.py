"""Key terms that tell two otherwise similar indicator names apart.

Plain string similarity rates 多晶硅产能 / 单晶硅产能 (different indicators) above
新型储能装机规模 / 装机容量 (the same one). Within each group below the terms are mutually
exclusive: when one name says one term and the other name a different term of the same
group (and neither says both), the names measure different things.
"""

from __future__ import annotations

from functools import lru_cache

CONTRAST_GROUPS: tuple[tuple[str, ...], ...] = (
    # what is measured
    ("产能", "产量", "产值", "增加值", "营收", "利润", "税收", "投资", "销量", "销售额", "交易额",
     "装机", "并网", "出口", "进口", "消费", "到位资金", "发电量", "用电量", "收入", "支出", "贷款"),
    # silicon and the PV chain
    ("多晶硅", "单晶硅", "工业硅", "有机硅", "硅片", "切片", "电池片", "组件", "硅基材料"),
    # rare-earth segments
    ("新材料", "应用", "原材料", "原料", "冶炼分离", "废料回收", "磁材", "磁性材料", "永磁电机", "储氢材料",
     "抛光材料", "催化材料", "合金材料", "功能材料"),
    # energy carriers
    ("风电", "光伏", "储能", "氢能", "火电", "煤电", "新能源重卡", "新能源汽车"),
    # enterprise kinds
    ("独角兽", "瞪羚", "专精特新", "小巨人", "单项冠军", "高企", "科技型中小企业", "上市", "标杆"),
    # talent kinds
    ("专技", "高技能", "紧缺急需", "急需紧缺", "博士", "硕士", "院士", "工程师", "技术经纪人", "高校毕业生"),
    # survey method
    ("登记", "调查"),
    # administrative level
    ("国家级", "自治区级", "市级", "省级"),
    # urban / rural
    ("城镇", "农村", "城乡"),
    # platforms
    ("重点实验室", "技术创新中心", "工程研究中心", "中试", "孵化器", "众创空间", "研发机构", "工作站"),
    # direction of a flow
    ("新开工", "竣工", "投产", "在建", "签约", "开工"),
)


KeyTerms = tuple[frozenset[str], ...]  # per contrast group, the terms a name says


def _terms_in(name: str, group: tuple[str, ...]) -> frozenset[str]:
    found = [term for term in group if term in name]
    # a term inside a longer found term (硅 in 多晶硅) is not a term of its own
    return frozenset(t for t in found if not any(t != other and t in other for other in found))


@lru_cache(maxsize=262144)
def key_terms(name: str) -> KeyTerms:
    """The key terms of a (normalised) name, group by group; compute once per name."""
    return tuple(_terms_in(name, group) for group in CONTRAST_GROUPS)


def specialisations_of(first: KeyTerms, second: KeyTerms) -> list[str]:
    """Key terms one name adds to what the other says (产值 vs 新材料产值; a total of 高企 and
    科技型中小企业 vs 科技型中小企业 alone): the names measure a part and a whole."""
    found: list[str] = []
    for left, right in zip(first, second, strict=False):
        if left < right or right < left:
            found.extend(sorted(left ^ right))
    return found


def contrasts_of(first: KeyTerms, second: KeyTerms) -> list[tuple[str, str]]:
    """Pairs of mutually exclusive key terms, one from each name: [(多晶硅, 单晶硅)]."""
    clashes: list[tuple[str, str]] = []
    for left, right in zip(first, second, strict=False):
        only_left, only_right = left - right, right - left
        if only_left and only_right:
            clashes.append((min(only_left), min(only_right)))
    return clashes
