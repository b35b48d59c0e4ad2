"""Responsibility notes: who leads (牵头), supports (配合), shares (按职责分工负责), and by when.

Reads a note in the document's own convention, as plans print it after a measure or in a 任务分工
table cell: ``市科技局牵头，市发展改革委、市工业和信息化局配合``,
``市科技局、市国资委按职责分工负责``,
``市委组织部牵头，各人才工程责任部门按职责分工负责``, ``责任单位：市科技局、市财政局``,
``牵头单位：市科技局；配合单位：市财政局``, ``责任单位：市科技局（牵头）、市财政局``,
``责任单位：A牵头，B、C等按职责分工负责`` (the label does not hide the verbs),
``A牵头，B，C、D，E负责`` (a ``，`` inside a list does not cut it; the verb ending it gives
the role),
``责任单位：A、B、C（列第一位的为牵头单位，下同）`` (the first named leads — here and, with 下同,
in the notes after it), riders after ``；`` (``各县区均需落实，下同``) and deadlines
(``2025年底前完成``, ``持续推进``). Parties may be governments: ``各地级以上市政府``,
``各县（市、区）政府`` (separators inside brackets do not split a name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from planwatch.catalog import regions
from planwatch.parse.layout import NOTE_LABEL
from planwatch.parse.normalize import is_placeholder

_SPLIT = re.compile(r"[、，,；;/／]|以及|及")
_TRAILING_ETC = re.compile(
    r"等(?:[省市县区]直?|国家|中央)?(?:其他|有关|相关)?(?:行业主管)?(?:部门|单位|机构)?$"
    r"|等[\u4e00-\u9fff]{2,16}?(?:成员单位|部门|单位|机构)$"  # 社科联等省…协调机制成员单位
    r"|等(?:其他|有关|相关)?[区县市](?:人民)?政府$")  # 浦东新区等相关区政府
_LEAD_LABEL = re.compile(r"^(?:牵头(?:指导)?(?:单位|部门|处室)|主责(?:单位|部门|处室))[：:]")
_SUPPORT_LABEL = re.compile(
    r"^(?:配合(?:单位|部门|处室)|参与(?:单位|部门|处室)|协同(?:单位|处室)|协办单位)[：:]")
# 牵头部门：A；实施部门：B、C — after a lead, the units that carry the work out support it
_DOERS_LABEL = re.compile(r"^实施(?:单位|部门)[：:]")
_RESP_LABEL = re.compile(r"^(?:责任单位|责任部门|负责单位|实施单位|实施部门|承办单位)[：:]")
_LEAD_VERB = re.compile(r"(?:分工)?(?:负责)?牵头(?:负责|落实|推进)?$")
# 市交通委牵头负责、各区政府组织落实 / A、B按职责分工负责落实、各区政府组织落实: a 、 after a
# lead's or sharers' verb ends their clause
_LEAD_THEN = re.compile(r"(牵头(?:负责|落实|推进)?|职责分工负责(?:落实)?)、")
_SUPPORT_VERB = re.compile(r"(?:负责)?(?:配合|参与|协同|协助|协办)(?:实施|落实|推进)?$")
_IMPLEMENTERS = re.compile(r"^(.{2,80}?)为(?:实施|配合|参与|协办)(?:单位|部门)$")
_SHARE_VERB = re.compile(
    r"(?:按|按照|根据)?(?:各自)?职责(?:分工)?(?:负责|落实|实施|推进|组织实施|负责落实)$"
    r"|分工负责$|分别负责$"
    r"|共同负责$"
)
_OWN_VERB = re.compile(r"负责(?:落实|指导|实施|推进|组织实施)?$|(?:分工)?(?:具体|抓好|组织)?落实$"
                       r"|(?:分工)?组织实施$")
_MARK_LEAD = re.compile(r"[（(]\s*牵头\s*[）)]")
# 列第一位的为牵头单位 / 排在首位的为牵头部门 (，下同)
FIRST_LEADS = re.compile(
    r"(?:列|排|排列|排序|排名|位列)(?:在)?(?:第一位|首位|第一个|第一|最前|前面)(?:的|者)?(?:单位|部门)?"
    r"(?:为|是)牵头(?:单位|部门)(?:[，,]\s*(下同))?")
_DEADLINE = re.compile(
    r"(?:20\d{2}年?[—\-－~～至到]\s*)?20\d{2}年(?:年底|底|年末|末|上半年|下半年|第[一二三四]季度末?|"
    r"[一二三四]季度末?|\d{1,2}月(?:底|末|份|\d{1,2}日)?)?(?:前|以前|之前)?(?![起开])"
    r"|持续推进|长期坚持|持续实施|长期推进|持续开展|常态化推进|逐年推进")
_DEADLINE_CLAUSE = re.compile(
    r"^(?:完成)?(?:时限|时间|期限|时间节点)?[：:]?((?:20\d{2}年(?:起|开始))?(?:" + _DEADLINE.pattern
    + r"))"
    r"(?:完成|实现|落实|见效)?")
_GLUED_LABEL = re.compile(rf"(?<=[^；;，,、（(：:])(?={NOTE_LABEL})")
_RIDER = re.compile(
    r"(?:均|都|也|亦)(?:需|要|应|须)|下同|参照执行|以下同|以下均|同上|不再(?:一一|重复)?列出"
    r"|不另列出")
_YEAR = re.compile(r"(20\d{2})年(?![起开])")
_DEPT_END = re.compile(
    r"(?:局|委|办|部|厅|院|会|中心|(?<!运)行|政府|公司|单位|部门|集团|室|处|所|协|联|团|校|馆|站|社|区|市|县|镇|街道|"
    r"机构|银行|分局|管委|法院|检察院|党校|企业|国企|高校|园区|署|大学|学院|分署|乡镇|旗|队|专班|实施主体|责任主体"
    r"|海关|电厂|电网)$"
)
# what a verb leaves on a name inside a list: 市国资委负责、… / 市民政局按职责组织配合
_NAME_VERB_TAIL = re.compile(r"(?:(?:按|按照|根据)?(?:各自)?职责(?:分工)?(?:组织)?|负责|牵头)$")
_GENERIC_UNITS = frozenset({"单位", "部门", "机构", "企业", "单位部门", "人民政府", "政府"})
_BRACKETED = re.compile(r"[（(〈〔][^（）()〈〉〔〕]*[)）〉〕]")
# separators inside brackets are swapped for private-use characters while a note is split
_GUARDED = {sep: chr(0xE001 + i) for i, sep in enumerate("、，,；;及和。")}
_GUARD = str.maketrans(_GUARDED)
_UNGUARD = str.maketrans({v: k for k, v in _GUARDED.items()})
NOTE_WORDS = ("牵头", "配合", "负责", "责任单位", "责任部门", "牵头单位", "配合单位")


@dataclass
class Responsibility:
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    shared: bool = False
    deadline: str | None = None

    @property
    def empty(self) -> bool:
        return not self.lead and not self.support

    @property
    def deadline_year(self) -> int | None:
        return deadline_year(self.deadline)


def deadline_year(text: str | None) -> int | None:
    """The (last) year a deadline gives: '2025年底前' → 2025, '2023—2025年' → 2025."""
    years = _YEAR.findall(text or "")
    return int(years[-1]) if years else None


# 各区、县（市）政府: the governments of a class of places, one party
_LEVELS_GOVERNMENT = re.compile(
    r"各[区县市镇乡](?:、[区县市镇乡])+(?:[（(][区县市]+[)）])?(?:人民)?政府")


# 相关委、办、局 / 各委、办、局: the kinds of bodies of a government, one class of units
_BODY_KINDS = re.compile(r"(?:各|相关|有关)?委、办、局")


def _guard(text: str) -> str:
    """Hide separators inside brackets and a class of governments: '各县（市、区）政府',
    '各区、县（市）政府', '相关委、办、局' stay one name."""
    text = _BRACKETED.sub(lambda m: m.group(0).translate(_GUARD), text)
    if "、" in text and "各" in text:
        text = _LEVELS_GOVERNMENT.sub(lambda m: m.group(0).translate(_GUARD), text)
    if "委、办、局" in text:
        text = _BODY_KINDS.sub(lambda m: m.group(0).translate(_GUARD), text)
    return text


def _split_he(part: str) -> list[str]:
    """'省政府办公厅和省市场监管局' → two names; '工业和信息化局', '住房和城乡建设厅' stay one."""
    pieces = part.split("和")
    out = [pieces[0]]
    for piece in pieces[1:]:
        left, right = _TRAILING_ETC.sub("", out[-1]), _TRAILING_ETC.sub("", piece)
        if looks_like_department(left) and looks_like_department(right) \
                and right not in _GENERIC_UNITS:  # 各相关部门和单位: one class of units
            out.append(piece)
        else:
            out[-1] += "和" + piece
    return out


def _blank_dashes(cell: str) -> str:
    """``——``, ``/`` or ``无`` in a unit column: nobody, not a unit named ``——``."""
    return "" if not cell.strip() or is_placeholder(cell) else cell


# 丰台分局, 长辛店分公司, 七支队: a branch named by its place or number only, which is no unit
# without the body it belongs to (公安丰台分局, 丰台运管分局 name theirs)
_BRANCH_ONLY = re.compile(r"^(?:第?[一二三四五六七八九十\d]{1,3}"
                          r"|(?![省市区县乡镇各])[\u4e00-\u9fff]{2,3})"
                          r"(?:分局|分公司|分中心|分院|分所|分行|支行|支队|大队|中队)$")


def _lines_to_list(text: str) -> str:
    """Units set one per line in a cell (区生态环境局 ‖ 各街镇) as a list; a name cut short by the
    cell's width (区机关事务管理 ‖ 服务中心: no unit yet) runs on into the next line, and so does
    a branch named only by its place or number (市规划自然资源委 ‖ 丰台分局)."""
    if "\n" not in text:
        return text
    names: list[str] = []
    for line in text.split("\n"):
        piece = line.strip()
        if names and piece and (not looks_like_department(names[-1])
                                or _BRANCH_ONLY.match(piece)):
            names[-1] += piece
        elif piece:
            names.append(piece)
    return "、".join(names)


# 各区县（自治县，以下简称区县）政府 / 各区人民政府〈含开发区、长江新区,下同〉: a name defined or
# its scope set in passing
_ALIAS = re.compile(r"[（(〈](?:[^（）()〈〉]*(?:简称|下同)|含)[^（）()〈〉]*[)）〉]")


def split_departments(text: str) -> list[str]:
    """'市发展改革委、市工业和信息化局及市财政局' → three names as printed (no trailing 等)."""
    out = []
    for part in _SPLIT.split(_guard(_lines_to_list(text))):
        for piece in _split_he(part):
            name = _TRAILING_ETC.sub("", re.sub(r"\s+", "", piece)).strip("。.：: ")
            name = _NAME_VERB_TAIL.sub("", name) if len(name) > 4 else name
            if name.endswith(("）", ")")) and name.count("（") + name.count("(") < \
                    name.count("）") + name.count(")"):
                name = name[:-1]  # 平潭海关）: the note's own bracket
            if name.endswith(("〕", "】")) and "〔" not in name and "【" not in name:
                name = name[:-1]  # 〔责任单位：…，重庆高速集团〕: the note's square bracket
            name = _ALIAS.sub("", name)  # 各区县（自治县，以下简称区县）政府: a name's definition
            name = name.translate(_UNGUARD)
            if name and name not in out:
                out.append(name)
    return _levels_joined(out)


_LEVEL = frozenset("省市区县乡镇")


def _levels_joined(names: list[str]) -> list[str]:
    """'区、县交通与建设局', '市、区两级政府': a lone level (区) printed before the unit of the
    next level is one unit serving both levels, not a unit of its own."""
    out: list[str] = []
    for name in names:
        if out and len(out[-1]) == 1 and out[-1] in _LEVEL and name[:1] in _LEVEL:
            out[-1] = f"{out[-1]}、{name}"
        else:
            out.append(name)
    return out


def looks_like_department(name: str) -> bool:
    """'市科技局', '各地级以上市政府', '各县（市、区）' (a closing bracket is not its end)."""
    bare = re.sub(r"[（(][^（）()]*[)）]$", "", name)
    return 2 <= len(name) <= 30 and bool(_DEPT_END.search(bare))


def _government_of(name: str, names: list[str]) -> bool:
    """'广州、深圳、珠海市政府': a bare city or county name before a 市政府/县政府 of the same
    list is that place's government (the suffix is printed once)."""
    tail = next((n for n in names[names.index(name) + 1:] if n.endswith("政府")), None)
    if tail is None or not 2 <= len(name) <= 6:
        return _place_of_shared_suffix(name, names)
    level = tail[-3] if len(tail) >= 3 else ""
    return level in "市县区" and bool(regions.lookup(name + level))


def _place_of_shared_suffix(name: str, names: list[str]) -> bool:
    """'广州、深圳、珠海边检总站': bare city names before a unit that opens with another city's
    name: each city's unit, the suffix printed once (kept as printed)."""
    after = names[names.index(name) + 1:]
    if not 2 <= len(name) <= 4 or not after or not regions.lookup(name + "市"):
        return False
    tail = next((n for n in after if looks_like_department(n)), None)
    if tail is None or names.index(tail) - names.index(name) > 3:
        return False
    return any(tail.startswith(p) and regions.lookup(p + "市") for p in (tail[:2], tail[:3]))


def strip_convention(note: str) -> tuple[str, bool]:
    """The note without its '列第一位的为牵头单位' remark, and whether the remark was there."""
    cleaned = FIRST_LEADS.sub("", note)
    cleaned = re.sub(r"[（(]\s*[，,；;]?\s*[)）]", "", cleaned)
    return cleaned.strip("，,；; "), cleaned != note


def _parts(note: str) -> list[str]:
    return [p for p in re.split(r"[；;。]", _guard(note)) if p]


def note_core(note: str) -> str:
    """The responsibility part of a note: no convention remark, rider, deadline or 下同."""
    note, _ = strip_convention(re.sub(r"\s+", "", note))
    kept = []
    for i, part in enumerate(_parts(note)):
        if i and _RIDER.search(part) and not _is_labelled(part):
            continue
        # (…分工负责，以下均需各市政府落实，不再一一列出: the riders after a comma)
        clauses = [c for j, c in enumerate(re.split(r"[，,]", part))
                   if c and not _DEADLINE_CLAUSE.match(c) and c not in ("下同", "以下同")
                   and not (j and _RIDER.search(_BRACKETED.sub("", c)) and not _is_labelled(c))]
        if clauses:
            kept.append("，".join(clauses))
    return "；".join(kept).translate(_UNGUARD)


def _is_labelled(part: str) -> bool:
    return bool(_LEAD_LABEL.match(part) or _SUPPORT_LABEL.match(part) or _RESP_LABEL.match(part))


def parse_note(note: str, first_leads: bool = False,
               comma_leads: bool = False) -> Responsibility:
    """Read one responsibility note (without its brackets).

    ``first_leads``: the document says the first department named leads (列第一位的为牵头单位);
    ``comma_leads``: the units before the first comma lead (第一个逗号前为牵头单位).
    """
    res = _parse_note(note, first_leads, comma_leads)
    return Responsibility(list(res.lead), list(res.support), res.shared, res.deadline)


# 第一个逗号前为牵头单位，多个牵头部门的按照职责分工负责(，下同): who leads, told by punctuation
COMMA_LEADS = re.compile(
    r"(?:第一个|首个)逗号(?:之)?前(?:的)?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)"
    r"(?:[，,]多个牵头(?:单位|部门)的?[^，,；;）)]*)?(?:[，,]\s*(下同))?")


def _comma_note(note: str) -> Responsibility:
    """A note read by the comma convention: the units before the first comma lead, the rest
    support. Named as leads, several leads are not a shared responsibility (the spec's
    ``shared_responsibility`` is for notes where nobody leads), even when the document adds
    that several leads divide the work (多个牵头部门的按照职责分工负责)."""
    core = note_core(_RESP_LABEL.sub("", COMMA_LEADS.sub("", note).strip("；;，, ")))
    head, _, tail = _guard(core).partition("，")
    lead = split_departments(head.translate(_UNGUARD))
    support = [n for n in split_departments(tail.translate(_UNGUARD)) if n not in lead]
    return Responsibility(lead, support, False)


_STAR = "*＊★※"
_STARRED = re.compile(rf"(?:^|[：:、，,；;])\s*[{_STAR}]")


def _starred_note(note: str) -> Responsibility | None:
    """``责任单位：*县人力社保局、县科技局``: the unit marked with a star leads, the others support
    (a note without a rule of its own: the mark is the document's way to name the lead)."""
    names = split_departments(note_core(_RESP_LABEL.sub("", note)))
    lead = [n.lstrip(_STAR) for n in names if n[:1] in _STAR]
    if not lead:
        return None
    support = [n for n in names if n[:1] not in _STAR and n not in lead]
    return Responsibility(lead, support, False)


@lru_cache(maxsize=2048)
def _parse_note(note: str, first_leads: bool, comma_leads: bool = False) -> Responsibility:
    note = re.sub(r"\s+", "", note)
    if comma_leads or COMMA_LEADS.search(note):
        return _comma_note(note)
    starred = _starred_note(note) if _STARRED.search(note) else None
    if starred is not None:
        return starred
    note, marked = strip_convention(note)
    note = _GLUED_LABEL.sub("；", note)  # 完成期限：5月25日前牵头单位：A责任单位：B
    reader = _Reader(first_leads or marked)
    for part in _parts(note):  # a rider (各县区均需落实，下同) is dropped clause by clause
        reader.role = None
        part = _LEAD_THEN.sub(r"\1，", part)
        for clause in re.split(r"[，,]", part):
            if clause:
                reader.clause(clause)
    return reader.finish()


class _Reader:
    """Clauses of one note in order; names without a verb wait for the next verb."""

    def __init__(self, first_leads: bool) -> None:
        self.res = Responsibility()
        self.pending: list[str] = []
        self.listed = False  # the pending names came from a 责任单位 list
        self.first_leads = first_leads
        # the label of the part so far: '牵头单位：A，B、C区政府。' — B and C lead too
        self.role: str | None = None
        self.led = False  # a unit was named with 牵头 or 按职责分工负责 (not only 负责)
        self.labelled_lead = False  # a 牵头单位： label named the lead
        self.helped = False  # units were named with 配合 (or under a 配合单位 label)
        # A牵头，B负责(，C配合): B leads with A where others are named to support, else supports
        self.doers: list[str] = []

    def clause(self, clause: str) -> None:
        res = self.res
        deadline = _DEADLINE_CLAUSE.match(clause)
        if deadline:
            res.deadline = res.deadline or deadline.group(1)
            return
        if clause in ("下同", "以下同") or (_RIDER.search(_BRACKETED.sub("", clause))
                                          and not _is_labelled(clause)):
            return  # 各县区均需落实
        implementers = _IMPLEMENTERS.match(clause)
        if implementers:  # 各区市场监管局、…为实施单位: they carry out what the lead directs
            res.support.extend(split_departments(implementers.group(1)))
        elif _LEAD_LABEL.match(clause):
            res.lead.extend(self._take(_LEAD_LABEL.sub("", clause)))
            self.role, self.led, self.labelled_lead = "lead", True, True
        elif self.role is not None and not _has_verb(clause) and not _is_labelled(clause) \
                and not _MARK_LEAD.search(clause):
            names = split_departments(clause)
            (res.lead if self.role == "lead" else res.support).extend(names)
        elif _SUPPORT_LABEL.match(clause) or (res.lead and _DOERS_LABEL.match(clause)) \
                or (self.labelled_lead and _RESP_LABEL.match(clause)):
            # 牵头单位：A，责任单位：B、C — under a labelled lead, the units answering for the
            # work with it support it
            clause = _RESP_LABEL.sub("配合单位：", _DOERS_LABEL.sub("配合单位：", clause))
            if self.listed and self.pending and not res.lead:
                self.finish()  # 责任单位：A、B，配合单位：C — the listed units answer for it
                self.pending = []
            res.support.extend(self._take(_SUPPORT_LABEL.sub("", clause)))
            self.role, self.helped = "support", True
        elif _RESP_LABEL.match(clause):
            self.listed = True
            self.clause(_RESP_LABEL.sub("", clause))
        elif _MARK_LEAD.search(clause) and not _has_verb(clause):
            self._marked(clause)
        elif _LEAD_VERB.search(clause):
            res.lead.extend(self._take(_LEAD_VERB.sub("", clause)))
            self.led = True
        elif _SUPPORT_VERB.search(clause):
            res.support.extend(self._take(_SUPPORT_VERB.sub("", clause)))
            self.helped = True
        elif (together := _TOGETHER.match(clause)) is not None:
            self._together(together)
        elif _SHARE_VERB.search(clause) or _OWN_VERB.search(clause):
            self._own(clause)
        else:
            names = split_departments(clause)
            self.pending.extend(n for n in names if looks_like_department(n) or self.listed
                                or _government_of(n, names))

    def _together(self, m: re.Match[str]) -> None:
        """'A、B会同有关部门负责落实': A and B lead, the units they act with support."""
        res = self.res
        names = self._take(m.group(1))
        if res.lead and self.led:  # A牵头，B会同C负责落实: B and C work under A
            res.support.extend(n for n in names if n not in res.support)
        else:
            res.lead.extend(n for n in names if n not in res.lead)
            res.shared = res.shared or len(res.lead) > 1
            self.led = True
        others = _OWN_VERB.sub("", _SHARE_VERB.sub("", m.group(2)))
        res.support.extend(n for n in split_departments(others)
                           if n not in res.support and n not in res.lead)

    def _own(self, clause: str) -> None:
        """Units named with 负责 / 组织实施 / 按职责分工负责."""
        res = self.res
        sharing = _SHARE_VERB.search(clause) is not None
        names = self._take(_OWN_VERB.sub("", _SHARE_VERB.sub("", clause)))
        if not res.lead:
            res.lead.extend(names)
            res.shared = sharing or len(names) > 1
            self.led = self.led or sharing
        elif not self.led and not sharing:
            # 各级人民政府负责，公安、交通等部门组织实施: all answer for it together
            res.lead.extend(n for n in names if n not in res.lead)
            res.shared = True
        elif sharing or clause.endswith("落实"):
            # A牵头，B、C等按职责分工负责 / A牵头，B配合，各设区市政府落实: B, C and D support
            res.support.extend(n for n in names if n not in res.support)
        else:  # A牵头，B负责 / B组织实施: B leads with A if others are named to support
            self.doers.extend(n for n in names if n not in self.doers)

    def _take(self, text: str) -> list[str]:
        names = [*self.pending, *split_departments(text)]
        self.pending = []
        return list(dict.fromkeys(names))

    def _marked(self, text: str) -> None:
        """'市科技局（牵头）、市财政局': the marked one leads, the others support."""
        for name in split_departments(text):
            if _MARK_LEAD.search(name):
                self.res.lead.append(_MARK_LEAD.sub("", name))
            else:
                self.res.support.append(name)

    def finish(self) -> Responsibility:
        res, plain = self.res, self.pending
        if self.doers and self.helped:  # A牵头，B负责，C配合: B leads with A
            res.lead.extend(n for n in self.doers if n not in res.lead)
        elif self.doers:  # A牵头负责、B组织落实: B carries out what A leads
            res.support[:0] = [n for n in self.doers if n not in res.support]
        self.doers = []
        if plain and not res.lead:
            if self.first_leads:
                res.lead, plain = plain[:1], plain[1:]
            else:
                res.lead, plain = plain, []
                res.shared = res.shared or len(res.lead) > 1
        res.support.extend(n for n in plain if n not in res.support)
        return res


# 省科技厅、财政厅会同有关部门负责落实: who leads, then whom it acts together with
_TOGETHER = re.compile(r"^([^会]{2,60}?)会同([^，,；;]{2,60})$")


def _has_verb(clause: str) -> bool:
    return bool(_LEAD_VERB.search(clause) or _SUPPORT_VERB.search(clause)
                or _SHARE_VERB.search(clause) or _OWN_VERB.search(clause))


def read_columns(lead: str, support: str, responsible: str,
                 first_leads: bool = False, main: str = "") -> Responsibility:
    """Cells of a 任务分工 table: 牵头单位 / 主责单位 / 配合单位 / 责任单位 columns (any may be
    empty; a cell of dashes, ``——``, is empty)."""
    lead, support, responsible, main = (_lines_to_list(_blank_dashes(c))
                                        for c in (lead, support, responsible, main))
    if main.strip() and lead.strip():  # 牵头部门 ‖ 主责单位 ‖ 协办单位: 主责 works under the lead
        support = f"{main}、{support}" if support.strip() else main
    elif main.strip():  # no 牵头 unit in the row: the unit mainly responsible leads
        lead = main
    if lead.strip():  # 牵头部门 ‖ 配合部门 ‖ 实施主体: who carries the work out supports the lead
        leads, helpers = split_departments(lead), split_departments(support)
        helpers += [n for n in split_departments(responsible) if n not in leads + helpers]
        return Responsibility(lead=leads, support=helpers)
    res = parse_note(responsible, first_leads) if responsible.strip() else Responsibility()
    res.support.extend(n for n in split_departments(support) if n not in res.support)
    return res
