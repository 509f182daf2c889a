"""Keyword tables of the extraction rules: words of time, commitment, change, and the sector and
direction guesses. General words of Chinese policy language, not of any one document."""

from __future__ import annotations

import re

# Words before an indicator that frame it without naming it (stripped from the front of a name).
LEADING: tuple[str, ...] = tuple(sorted((
    "今年", "年内", "全年", "本年", "当年", "去年", "上年", "明年", "同时", "其中", "此外", "另外", "并且", "并",
    "以及", "和", "及", "与", "力争", "争取", "确保", "力保", "努力", "推动", "推进", "促进", "带动", "实现", "要",
    "将", "再", "还", "也", "预计", "计划", "拟", "全市", "全区", "全省", "全国", "全县", "全州", "全盟", "我市",
    "我区", "我省", "我国", "进一步", "均", "都", "持续", "继续", "加快", "着力", "大力", "积极",
    "新增", "引进", "培育", "建设", "建成", "实施", "完成", "打造", "创建", "办好", "推广", "开展", "举办",
    "组织", "认定", "培养", "新建", "主攻", "招引", "吸引", "安排", "拟安排", "发行", "拟发行", "发放", "新设",
    "设立", "形成", "培训", "解决", "争创", "创成", "新认定", "支持", "惠及", "帮助", "提供", "扶持",
    "组织实施", "落实", "开工", "改造", "建改", "新改建", "改扩建", "整治", "治理", "种植", "新培育", "引育",
    "吸纳", "服务", "接待", "招收", "选派", "新引进", "累计", "共", "共计", "合计", "一共", "总计", "已",
    "已经", "基本", "全面", "有", "的", "——", "—", "只要", "如果", "若", "把", "各地", "可", "、", "“", "”", "\"", "（", "(", "同比", "比上年", "比去年",
), key=len, reverse=True))

# Verbs and particles between an indicator and its number (stripped from the end of a name).
TRAILING: tuple[str, ...] = tuple(sorted((
    "达到", "达", "突破", "超过", "超", "保持在", "保持", "稳定在", "稳定", "控制在", "提高到", "提高至",
    "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "上升到", "上升至", "下降到", "下降至", "降到",
    "降至", "降低到", "降低至", "扩大到", "扩大至", "缩短到", "缩短至", "压缩到", "压缩至", "延长到", "延长至",
    "提高", "提升", "增长", "增加", "上涨", "上升", "下降", "降低", "减少", "压减", "压缩", "缩短", "回落",
    "扩大", "分别", "均", "都", "各", "为", "是", "在", "要", "将", "再", "实现", "完成", "新增", "拟按", "按",
    "拟安排", "安排", "拟发行", "发行", "年均", "同比", "约", "近", "逾", "已有", "已", "累计", "共", "了",
    "到", "至", "力争", "争取", "确保", "力保", "不低于", "不少于", "不超过", "低于", "高于", "至少", "接近",
    "大约", "并肩站上", "站上", "跃上", "跨上", "迈上", "登上", "首次", "连续", "平均为", "平均", "仅",
    "只有", "分别为", "达到了", "增长了", "提高了", "下降了", "突破了", "超过了", "占", "的", "、", "和",
    "及", "与", "以上", "左右", "以内", "“", "\"", "（", "(", "预计", "预期", "将要", "以", "来",
    "比上年", "比去年", "较上年", "较去年", "实际", "名义", "预期目标", "目标", "定为", "定", "预期", "设定为", "设为", "确定为", "再降", "降", "就有望", "有望", "可望", "可有", "定在", "各地可", "可",
    "再",
), key=len, reverse=True))

# Verbs after which the number comes before the thing counted (新增10家绿色工厂, 实施10个项目).
OBJECT_VERBS: tuple[str, ...] = tuple(sorted((
    "新增", "新建", "建成", "建设", "实施", "完成", "打造", "创建", "办好", "推广", "开展", "举办", "组织",
    "认定", "培育", "培养", "引进", "新引进", "主攻", "招引", "落地", "改造", "建改", "新改建", "改扩建",
    "形成", "发放", "提供", "解决", "确保", "惠及", "带动", "吸引", "帮助", "支持", "扶持", "争创", "创成",
    "新设", "设立", "组建", "培训", "救助", "资助", "接待", "服务", "修复", "治理", "整治", "种植", "造林",
    "植树", "开工", "新开工", "投产", "建立", "新培育", "引育", "吸纳", "招收", "选派", "举行", "召开",
    "开通", "新开通", "上线", "出台", "增加", "一次性增加", "制定", "修订", "制定修订", "审议", "发布", "兑现", "减免", "退还",
    "建", "办", "新", "增", "开行", "打通", "贯通", "实现", "达到", "拥有", "有", "新认定", "获批", "入选",
    "推出", "筹集", "投入", "安排", "落实", "盘活", "腾退", "消化", "处置", "化解", "清理", "引导", "等",
    "设", "设置", "升级", "新签", "布局", "遴选", "命名", "评选", "授牌", "使用", "动用", "调动", "用于",
), key=len, reverse=True))

# After a count-before-noun quantity, the noun ends where a verb or adverb starts.
NOUN_STOP = re.compile(r"按时|全部|已|实现|完成|获得|取得|通过|入驻|落户|落地|投产|建成|开工|交付|达到|达|分别|"
                       r"得到|受益|参与|发放|的|为|在|进入|纳入|列入|被|正式|顺利|累计|以上|左右|等")

# Commitment markers that make what follows a goal to strive for.
STRIVE = ("力争", "争取")

GROWTH_VERBS = ("增长", "增速", "增幅", "上涨", "涨幅", "提高", "提升", "上升", "增加", "扩大", "回升")
DECLINE_VERBS = ("下降", "降低", "减少", "压减", "压缩", "缩短", "回落", "下调", "降幅", "减", "降")

# Actions within the year: the number counts what the year adds (metric increment).
INCREMENT_WORDS = (
    "新增", "新开工", "新建", "引进", "培育", "新培育", "新设", "新认定", "建成", "建设", "实施", "完成",
    "改造", "打造", "创建", "培养", "招收", "推广", "开工", "解决", "新改建", "改扩建", "建改", "治理",
    "造林", "种植", "减税", "退税", "压减", "退出", "减少", "增加", "新开通", "开通", "吸纳", "招引", "办成",
    "办复", "出台", "制定", "修订", "审议", "救助", "培训", "资助", "发放", "落地", "投产", "创成", "争创",
    "设立", "组建", "帮扶", "搬迁", "转移", "安置", "腾退", "盘活", "处置",
)


# Where lower is more ambitious.
DOWN_WORDS = ("失业率", "赤字", "能耗", "排放", "涨幅", "居民消费价格", "事故", "死亡", "贫困发生率", "负债率",
              "浓度", "成本", "时间", "时限", "资费", "电价", "耗", "亏损", "不良", "杠杆率", "发生率", "通关时间",
              "审批", "空置", "PM2.5", "pm2.5", "雾霾", "污染")

# Sector guesses, first match wins: specific industries before the broad words.
SECTOR_WORDS: tuple[tuple[str, str], ...] = (
    ("居民消费价格", "macro"), ("生产总值", "macro"), ("养老", "social"), ("医保", "social"), ("就业", "social"),
    ("失业", "social"), ("汽车", "equipment"), ("制造业", "industry"), ("细颗粒物", "environment"),
    ("pm2.5", "environment"), ("PM2.5", "environment"), ("优良", "environment"), ("能耗", "environment"),
    ("排放", "environment"), ("可再生能源", "energy"), ("非化石能源", "energy"),
    ("稀土", "rare-earths"), ("磁材", "rare-earths"), ("永磁", "rare-earths"),
    ("多晶硅", "photovoltaics"), ("单晶硅", "photovoltaics"), ("光伏", "photovoltaics"), ("晶硅", "photovoltaics"),
    ("切片", "photovoltaics"), ("电池片", "photovoltaics"), ("工业硅", "photovoltaics"),
    ("风电装备", "wind-power"), ("风机", "wind-power"), ("风电整机", "wind-power"),
    ("储能", "energy-storage"), ("氢", "hydrogen"),
    ("装机", "energy"), ("发电", "energy"), ("电力", "energy"), ("煤炭", "energy"), ("电网", "energy"),
    ("新能源", "energy"), ("能源", "energy"), ("并网", "energy"), ("油气", "energy"), ("天然气", "energy"),
    ("碳纤维", "new-materials"), ("新材料", "new-materials"), ("材料", "new-materials"),
    ("钢", "metals"), ("铝", "metals"), ("铜", "metals"), ("金属", "metals"),
    ("装备", "equipment"), ("汽车", "equipment"), ("重卡", "equipment"), ("机械", "equipment"),
    ("化工", "chemicals"),
    ("数字", "digital"), ("算力", "digital"), ("数据", "digital"), ("软件", "digital"), ("5g", "digital"),
    ("5G", "digital"), ("信息", "digital"), ("互联网", "digital"), ("宽带", "digital"), ("网络", "digital"),
    ("研发", "science-tech"), ("科技", "science-tech"), ("创新", "science-tech"), ("专利", "science-tech"),
    ("高新技术", "science-tech"), ("技术合同", "science-tech"), ("技术", "science-tech"), ("院士", "science-tech"),
    ("中试", "science-tech"), ("实验室", "science-tech"), ("孵化", "science-tech"), ("国家标准", "science-tech"),
    ("行业标准", "science-tech"),
    ("人才", "talent"), ("毕业生", "talent"), ("技能", "talent"), ("专技", "talent"),
    ("企业", "enterprises"), ("市场主体", "enterprises"), ("经营主体", "enterprises"), ("上市", "enterprises"),
    ("个体工商户", "enterprises"), ("新三板", "enterprises"),
    ("投资", "investment"), ("项目", "investment"), ("招商", "investment"), ("到位资金", "investment"),
    ("进出口", "trade"), ("外贸", "trade"), ("外资", "trade"), ("口岸", "trade"), ("出口", "trade"),
    ("进口", "trade"), ("开放", "trade"), ("外汇", "trade"), ("中欧班列", "trade"),
    ("消费", "services"), ("零售", "services"), ("旅游", "services"), ("文化", "services"), ("物流", "services"),
    ("金融", "services"), ("服务业", "services"), ("商品", "services"), ("电商", "services"),
    ("粮食", "agriculture"), ("农", "agriculture"), ("牧", "agriculture"), ("乡村", "agriculture"),
    ("耕地", "agriculture"), ("畜", "agriculture"), ("灌溉", "agriculture"), ("种业", "agriculture"),
    ("城镇化", "urban"), ("道路", "urban"), ("公路", "urban"), ("铁路", "urban"), ("管网", "urban"),
    ("燃气", "urban"), ("棚改", "urban"), ("小区", "urban"), ("住房", "urban"), ("交通", "urban"),
    ("保交", "urban"), ("城市", "urban"), ("管道", "urban"), ("物业", "urban"), ("供热", "urban"),
    ("房屋", "urban"), ("水利", "urban"), ("轨道", "urban"), ("机场", "urban"), ("高速", "urban"),
    ("生态", "environment"), ("排放", "environment"), ("能耗", "environment"), ("空气", "environment"),
    ("水质", "environment"), ("造林", "environment"), ("绿化", "environment"), ("pm2.5", "environment"),
    ("PM2.5", "environment"), ("污染", "environment"), ("碳", "environment"), ("节能", "environment"),
    ("优良天数", "environment"), ("细颗粒物", "environment"), ("森林", "environment"), ("草原", "environment"),
    ("三北", "environment"), ("垃圾", "environment"), ("二氧化硫", "environment"), ("氮氧化物", "environment"),
    ("化学需氧量", "environment"), ("氨氮", "environment"), ("绿色", "environment"), ("沙", "environment"),
    ("就业", "social"), ("收入", "social"), ("教育", "social"), ("医疗", "social"), ("医保", "social"),
    ("养老", "social"), ("社保", "social"), ("失业", "social"), ("贫困", "social"), ("学生", "social"),
    ("民生", "social"), ("卫生", "social"), ("学校", "social"), ("托育", "social"), ("医", "social"),
    ("社会保险", "social"), ("低保", "social"), ("救助", "social"), ("残疾", "social"), ("扶贫", "social"),
    ("搬迁", "social"), ("脱贫", "social"), ("安置", "social"), ("幼儿园", "social"), ("体育", "social"),
    ("政务", "governance"), ("改革", "governance"), ("安全", "governance"), ("审批", "governance"),
    ("议案", "governance"), ("提案", "governance"), ("法规", "governance"), ("信访", "governance"),
    ("生产总值", "macro"), ("gdp", "macro"), ("GDP", "macro"), ("经济", "macro"), ("财政", "macro"),
    ("赤字", "macro"), ("债", "macro"), ("预算", "macro"), ("居民消费价格", "macro"), ("税", "macro"),
    ("增加值", "macro"), ("一般公共", "macro"), ("价格", "macro"), ("货币", "macro"), ("社会融资", "macro"),
    ("工业", "industry"), ("制造业", "industry"), ("产业", "industry"), ("园区", "industry"),
    ("产值", "industry"), ("产能", "industry"),
)

# Heads of an indicator's name: a name that is only a head (产值) takes its subject from the
# indicator before it (稀土新材料产能 …、产值 → 稀土新材料产值).
HEADS: tuple[str, ...] = tuple(sorted((
    "产值", "产能", "产量", "增加值", "投资", "营收", "营业收入", "收入", "规模", "总量", "比重", "占比",
    "本地配套率", "配套率", "属地配套率", "销量", "销售额", "交易额", "交易规模", "出口", "进口", "利润",
    "装机", "产能规模", "税收", "就业", "面积", "总额", "数量", "排放量", "排放", "浓度", "能耗", "产业产值",
    "发电量", "消费量", "用量", "覆盖率", "使用率", "利用率", "增长率", "吞吐量", "可支配收入", "人均可支配收入",
    "运量", "客运量", "货运量",
), key=len, reverse=True))

# Words that make a stated amount a subsidy, a cap or an award: not a target.
SUBSIDY = re.compile(r"给予|奖励|补贴|资助|奖补|贴息|补助|扶持资金|奖金|资金支持")
# ... unless the amount is a total spent or budgeted (种粮农民补贴资金1923亿元, 补助标准提高30元)
SUBSIDY_TOTAL = re.compile(r"资金|总额|累计|发放|安排|下达|拨付|标准|预算|财政|国债|专项|拟|发行|规模|共计|合计")
# Words of eligibility rules: the number is a threshold, not a target.
THRESHOLD = re.compile(r"申报|申请|条件|具备|应当|须|资格|门槛|评定|不得|原则上|方可|经审核|"
                       r"满足|符合|可享受|享受|对象为|年满|以下简称")
CONDITION_START = re.compile(r"^(?:对|凡|符合|经|按照|按|属于|首次|新认定|被认定|获得|获评|对于)")

# Markers of time in a clause, in the order they are tried.
PLAN_WORDS = ("今年", "年内", "本年", "本年度", "新的一年", "当年")
REVIEW_WORDS = ("过去一年", "去年", "上年", "一年来", "刚刚过去的", "过去的一年", "这一年")
HORIZON_WORDS = re.compile(
    r"十[一二三四五六七八九]五|年均|累计|五年来|三年来|十年来|过去五年|过去十年|今后五年|未来五年|今后三年|"
    r"未来三年|近五年|近三年|近十年|明年|后年|三年行动|五年行动|期间|规划期|到本世纪|本世纪中叶|"
    # (?<![0-9]): a number is tried from its first digit only, so a run of a million digits
    # costs one pass, not a million (each start would backtrack over the rest of the run)
    r"(?:[二三四五六七八九十两]|(?<![0-9])[0-9]+)年(?:来|间|前|内|总|累|平均|以来)")
COMPARISON = re.compile(r"比(?:去年|上年|上一年|上年度|年初)|较(?:去年|上年|上一年)|比预算|"
                        r"[与同和](?:去年|上年|上一年)(?:同期)?(?:基本)?(?:持平|相比|相当|比较)|"
                        r"[比较是][^，,、]{0,8}(?:年前|之初|同期)的?")
