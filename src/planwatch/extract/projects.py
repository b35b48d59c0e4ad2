"""Project tables (重大科技项目): one Project per row.

A table is a project table when its header names the project (项目名称) and at least one of
domain, undertaker, location or investment (see ``tables.table_kind``). Extra columns
(总投资, 建设内容, 建设期限) are read past. A row with an empty project, undertaker or location
cell is kept with ``damaged=True``, ``None`` for the missing cell and a ``table-row-damaged``
finding; a row holding only the rest of the previous row's cell (a cell broken over two lines)
is joined to that cell; a row naming only a field (merged across the row) sets the domain of
the rows that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planwatch.extract.numbers import parse_cell
from planwatch.extract.tables import (
    Header,
    Role,
    TableGroup,
    detect_header,
    group_tables,
    table_kind,
    table_label,
)
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding
from planwatch.model.plan import Project
from planwatch.parse.document import Document

_LABELS = {"domain": "所属领域", "name": "项目名称", "undertaker": "承担单位", "location": "所在地"}
_FIELDS: tuple[tuple[str, Role], ...] = (
    ("domain", "category"), ("name", "project"), ("undertaker", "undertaker"),
    ("location", "location"),
)


@dataclass
class ProjectResult:
    projects: list[Project] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def extract_projects(doc: Document) -> ProjectResult:
    """Read every project table of the document."""
    result = ProjectResult()
    for group in group_tables(doc):
        header = detect_header(group.rows)
        if header is None or table_kind(header) != "project":
            continue
        result.projects.extend(_read_table(group, header, result.findings))
    return result


def _read_table(group: TableGroup, header: Header, findings: list[Finding]) -> list[Project]:
    label = table_label(group.caption)
    projects: list[Project] = []
    domain: str | None = None
    rows = group.rows
    prev: tuple[str, ...] = ()
    for i in range(header.rows, len(rows)):
        cells = rows[i]
        if not any(c.strip() for c in cells):
            continue
        heading = _section_row(cells, header)
        if heading is not None:
            domain = heading
        elif projects and _continues_previous(cells, prev, header):
            _join(projects[-1], cells, prev, header)
        else:
            project = _project(cells, header, label, group.row_line(i))
            project.domain = project.domain or domain
            domain = project.domain
            projects.append(project)
        prev = cells
    findings.extend(_damaged_finding(p) for p in projects if p.damaged)
    return projects


def _cell(cells: tuple[str, ...], header: Header, role: Role) -> str | None:
    col = header.first(role)
    if col is None or col.index >= len(cells):
        return None
    text = " ".join(cells[col.index].split())
    return text or None


def _project(cells: tuple[str, ...], header: Header, label: str | None,
             line: int | None) -> Project:
    values = {name: _cell(cells, header, role) for name, role in _FIELDS}
    project = Project(table=label, line=line, **values)
    project.damaged = _is_damaged(project, header) or len(cells) < len(header.columns)
    return project


def _is_damaged(project: Project, header: Header) -> bool:
    """A cell the table has a column for is empty (the domain column is a grouping column
    whose merged cells may be left blank, so it is inherited instead)."""
    return any(
        getattr(project, name) is None
        for name, role in _FIELDS
        if role != "category" and header.first(role) is not None
    )


def _section_row(cells: tuple[str, ...], header: Header) -> str | None:
    """A row naming only a field (``一、高端装备``), alone or merged across the row."""
    filled = [c.strip() for c in cells if c.strip()]
    if not filled or len(set(filled)) != 1 or len(header.columns) < 3:
        return None
    first_text = next((c.index for c in header.columns if c.role != "seq"), 0)
    leading = {cells[i].strip() for i in {0, first_text} if i < len(cells)}
    in_first = filled[0] in leading
    if not (len(filled) > 1 or in_first) or parse_cell(filled[0]).value is not None:
        return None
    return _ENUMERATOR.sub("", filled[0])


_ENUMERATOR = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*|^[（(][一二三四五六七八九十]+[)）]")


def _new_cells(cells: tuple[str, ...], prev: tuple[str, ...]) -> list[int]:
    """Indexes of filled cells that do not merely repeat the row above (merged cells)."""
    return [i for i, c in enumerate(cells)
            if c.strip() and not (i < len(prev) and prev[i].strip() == c.strip())]


def _continues_previous(cells: tuple[str, ...], prev: tuple[str, ...], header: Header) -> bool:
    """Only one new cell, in a text column after the first: the rest of a broken cell."""
    new = _new_cells(cells, prev)
    if len(new) != 1 or len([c for c in cells if c.strip()]) > len(new) + 1:
        return False
    col = next((c for c in header.columns if c.index == new[0]), None)
    return col is not None and col.role in ("project", "undertaker", "location")


def _join(project: Project, cells: tuple[str, ...], prev: tuple[str, ...],
          header: Header) -> None:
    index = _new_cells(cells, prev)[0]
    for name, role in _FIELDS:
        col = header.first(role)
        if col is not None and col.index == index:
            setattr(project, name, (getattr(project, name) or "") + cells[index].strip())
    project.damaged = _is_damaged(project, header)


def _damaged_finding(project: Project) -> Finding:
    missing = [_LABELS[name] for name, _ in _FIELDS if getattr(project, name) is None]
    return make_finding(
        "table-row-damaged", {"missing": "、".join(missing)}, variant="project",
        line=project.line,
        context=" | ".join(str(getattr(project, name) or "") for name, _ in _FIELDS),
    )
