"""Responsibility notes: who leads (牵头), who supports (配合), who shares (按职责分工负责).

Handles the note forms plans print after a measure or in a 任务分工 table cell:
``市科技局牵头，市发展改革委、市工业和信息化局配合``, ``市科技局、市国资委按职责分工负责``,
``市委组织部牵头，各人才工程责任部门按职责分工负责``, ``责任单位：市科技局、市财政局``,
``牵头单位：市科技局；配合单位：市财政局``, ``责任单位：市科技局（牵头）、市财政局``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_SPLIT = re.compile(r"[、，,；;/／]|以及|及")
_TRAILING_ETC = re.compile(r"等(?:有关|相关)?(?:部门|单位)?$")
_LEAD_LABEL = re.compile(r"^(?:牵头单位|牵头部门|主责单位|主责部门)[：:]")
_SUPPORT_LABEL = re.compile(r"^(?:配合单位|配合部门|参与单位|参与部门|协同单位|协办单位)[：:]")
_RESP_LABEL = re.compile(r"^(?:责任单位|责任部门|负责单位|实施单位|承办单位)[：:]")
_LEAD_VERB = re.compile(r"(?:负责)?牵头(?:负责|落实)?$")
_SUPPORT_VERB = re.compile(r"(?:负责)?(?:配合|参与|协同|协助|协办)$")
_SHARE_VERB = re.compile(
    r"(?:按|按照|根据)?(?:各自)?职责(?:分工)?(?:负责|落实)$|分工负责$|分别负责$|共同负责$"
)
_OWN_VERB = re.compile(r"负责(?:落实)?$|(?:具体|抓好|组织)?落实$")
_MARK_LEAD = re.compile(r"[（(]\s*牵头\s*[）)]")
NOTE_WORDS = ("牵头", "配合", "负责", "责任单位", "责任部门", "牵头单位", "配合单位")
_DEPT_END = re.compile(
    r"(?:局|委|办|部|厅|院|会|中心|行|政府|公司|单位|部门|集团|室|处|所|协|联|团|校|馆|站|社|区|市|县|镇|街道|"
    r"机构|银行|分局|管委|法院|检察院|党校|企业|高校|园区)$"
)


@dataclass
class Responsibility:
    lead: list[str] = field(default_factory=list)
    support: list[str] = field(default_factory=list)
    shared: bool = False

    @property
    def empty(self) -> bool:
        return not self.lead and not self.support


def split_departments(text: str) -> list[str]:
    """'市发展改革委、市工业和信息化局及市财政局' → three names as printed (no trailing 等)."""
    out = []
    for part in _SPLIT.split(text):
        name = _TRAILING_ETC.sub("", re.sub(r"\s+", "", part)).strip("。.：: ")
        if name and name not in out:
            out.append(name)
    return out


def looks_like_department(name: str) -> bool:
    return 2 <= len(name) <= 30 and bool(_DEPT_END.search(name))


def parse_note(note: str) -> Responsibility:
    """Read one responsibility note (without its brackets)."""
    res = Responsibility()
    plain: list[str] = []
    for clause in re.split(r"[，,；;。]", re.sub(r"\s+", "", note)):
        if clause:
            _read_clause(clause, res, plain)
    if plain and not res.lead:
        res.lead, plain = plain, []
        res.shared = res.shared or len(res.lead) > 1
    res.support.extend(n for n in plain if n not in res.support)
    return res


def _read_clause(clause: str, res: Responsibility, plain: list[str]) -> None:
    if _LEAD_LABEL.match(clause):
        res.lead.extend(split_departments(_LEAD_LABEL.sub("", clause)))
    elif _SUPPORT_LABEL.match(clause):
        res.support.extend(split_departments(_SUPPORT_LABEL.sub("", clause)))
    elif _RESP_LABEL.match(clause):
        _read_list(_RESP_LABEL.sub("", clause), res, plain)
    elif _LEAD_VERB.search(clause):
        res.lead.extend(split_departments(_LEAD_VERB.sub("", clause)))
    elif _SUPPORT_VERB.search(clause):
        res.support.extend(split_departments(_SUPPORT_VERB.sub("", clause)))
    elif _SHARE_VERB.search(clause) or _OWN_VERB.search(clause):
        names = split_departments(_OWN_VERB.sub("", _SHARE_VERB.sub("", clause)))
        if res.lead:
            res.support.extend(names)
        else:
            res.lead.extend(names)
            res.shared = bool(_SHARE_VERB.search(clause)) or len(names) > 1
    else:
        plain.extend(n for n in split_departments(clause) if looks_like_department(n))


def _read_list(text: str, res: Responsibility, plain: list[str]) -> None:
    """A 责任单位 list; 'X（牵头）' marks the lead, the others then support."""
    if not _MARK_LEAD.search(text):
        plain.extend(split_departments(text))
        return
    for part in _SPLIT.split(text):
        if _MARK_LEAD.search(part):
            res.lead.extend(split_departments(_MARK_LEAD.sub("", part)))
        else:
            res.support.extend(split_departments(part))


def read_columns(lead: str, support: str, responsible: str) -> Responsibility:
    """Cells of a 任务分工 table: 牵头单位 / 配合单位 / 责任单位 columns (any may be empty)."""
    if lead.strip():
        res = Responsibility(lead=split_departments(lead), support=split_departments(support))
        return res
    res = parse_note(responsible) if responsible.strip() else Responsibility()
    res.support.extend(n for n in split_departments(support) if n not in res.support)
    return res
