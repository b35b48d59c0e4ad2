"""Target cascade (目标分解衔接): does the parent region's target fit its sub-regions' targets
for the same catalogue indicator and target year?

- **Additive** indicators (counts, sums of money, people — catalogue unit groups below): the
  sub-regions' targets add up to the parent's. With every sub-region's target known, a sum
  below the parent's means the parent's target is not reached even if every sub-region meets
  its own (``cascade-shortfall``); a sum far above it (more than ``overshoot`` × the parent's)
  is flagged as 层层加码 (``cascade-overshoot``, info) — known or not.
- **Ratio** indicators (shares, intensities, per-10,000 values, growth rates): the parent's
  value is a weighted mean of the sub-regions', whatever the weights (GDP, population), so it
  lies between their lowest and highest. With every sub-region known, a parent target above the
  highest is out of reach (shortfall); below the lowest, every sub-region promises more
  (overshoot, info).
For lower-is-better indicators the two sides swap. Sub-regions without a target for the
indicator and year make the row ``incomplete``: no shortfall is claimed then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from planwatch.catalog.indicators import load_catalog
from planwatch.model.codes import CascadeKind, CascadeVerdict
from planwatch.model.finding_messages import make_finding
from planwatch.model.findings import Finding, ParamValue, Severity

ADDITIVE_GROUPS = frozenset({"money", "organisations", "items", "people"})
TOLERANCE = 0.01
"""Relative slack for rounding in published targets."""
OVERSHOOT = 1.2
"""Sub-regions' sum above this multiple of the parent's target is flagged (additive)."""


@dataclass(frozen=True)
class CascadeTarget:
    """A region's target of a catalogue indicator for a year, in the canonical unit."""

    region: str
    code: str
    year: int
    value: float


@dataclass(frozen=True)
class CascadeRow:
    code: str
    year: int
    kind: CascadeKind
    parent: float
    children: dict[str, float]
    missing: tuple[str, ...]
    verdict: CascadeVerdict
    total: float | None = None
    """Sum of the sub-regions' targets (additive)."""
    low: float | None = None
    high: float | None = None
    """Lowest and highest sub-region target (ratio)."""
    findings: list[Finding] = field(default_factory=list)

    @property
    def gap(self) -> float | None:
        """Parent's target minus the sub-regions' sum (additive)."""
        return None if self.total is None else self.parent - self.total


def kind_of(code: str) -> CascadeKind:
    entry = load_catalog().get(code)
    additive = entry is not None and entry.unit_group in ADDITIVE_GROUPS
    return CascadeKind.ADDITIVE if additive else CascadeKind.RATIO


def _lower_is_better(code: str) -> bool:
    entry = load_catalog().get(code)
    return entry is not None and entry.direction == "lower"


def _judge(kind: CascadeKind, parent: float, values: list[float], complete: bool,
           lower: bool) -> CascadeVerdict:
    """Higher-is-better: a sum (additive) or the highest value (ratio) below the parent's
    target is a shortfall, a sum far above it (additive; known from part of the sub-regions
    already) or the lowest value above it (ratio) an overshoot. A cap (lower is better) mirrors
    it: a sum above the cap (known from part already) or the lowest value above it is the
    shortfall, a sum far below or the highest value below it the overshoot."""
    hi, lo = parent * (1 + TOLERANCE), parent * (1 - TOLERANCE)
    total, top, bottom = sum(values), max(values), min(values)
    additive = kind is CascadeKind.ADDITIVE
    if not lower:
        short = complete and (total < lo if additive else top < lo)
        over = total > parent * OVERSHOOT if additive else complete and bottom > hi
    else:
        short = total > hi if additive else complete and bottom > hi
        over = complete and (total < parent / OVERSHOOT if additive else top < lo)
    if short:
        return CascadeVerdict.SHORTFALL
    if over:
        return CascadeVerdict.OVERSHOOT
    return CascadeVerdict.CONSISTENT if complete else CascadeVerdict.INCOMPLETE


def _finding(row: CascadeRow, child_word: str, parent_name: str | None) -> Finding | None:
    entry = load_catalog().get(row.code)
    params: dict[str, ParamValue] = {
        "region": parent_name, "year": row.year,
        "what": entry.name_zh if entry is not None else row.code,
        "what_en": entry.name_en if entry is not None else row.code,
        "parent": row.parent, "level": child_word}
    if row.total is not None:
        variant, params["total"] = "sum", row.total
    else:
        variant, params["low"], params["high"] = "range", row.low, row.high
    if row.verdict is CascadeVerdict.SHORTFALL:
        return make_finding("cascade-shortfall", params, variant=variant)
    if row.verdict is CascadeVerdict.OVERSHOOT:
        return make_finding("cascade-overshoot", params, variant=variant,
                            severity=Severity.INFO)
    return None


def cascade(parent: Iterable[CascadeTarget], children: Iterable[CascadeTarget],
            child_regions: Iterable[str], *, parent_name: str | None = None,
            child_word: str = "下级地区") -> list[CascadeRow]:
    """One row per (indicator, year) target of the parent, against every sub-region's target
    for the same indicator and year (``child_regions`` lists every sub-region, with or
    without a plan)."""
    regions = list(dict.fromkeys(child_regions))
    by_key: dict[tuple[str, int], dict[str, float]] = {}
    for t in children:
        by_key.setdefault((t.code, t.year), {})[t.region] = t.value
    rows: list[CascadeRow] = []
    for p in sorted({(t.code, t.year): t for t in parent}.values(),
                    key=lambda t: (t.code, t.year)):
        values = {r: v for r, v in by_key.get((p.code, p.year), {}).items() if r in regions}
        if not values:
            continue
        kind = kind_of(p.code)
        missing = tuple(r for r in regions if r not in values)
        verdict = _judge(kind, p.value, list(values.values()), not missing,
                         _lower_is_better(p.code))
        additive = kind is CascadeKind.ADDITIVE
        row = CascadeRow(
            code=p.code, year=p.year, kind=kind, parent=p.value, children=values,
            missing=missing, verdict=verdict,
            total=sum(values.values()) if additive else None,
            low=None if additive else min(values.values()),
            high=None if additive else max(values.values()))
        found = _finding(row, child_word, parent_name)
        if found is not None:
            row.findings.append(found)
        rows.append(row)
    return rows
