"""Canonical S&T indicator catalogue (科技创新指标目录) and name → code mapping.

The catalogue lives in ``indicators.yaml`` next to this module. :func:`map_indicator` turns an
indicator name as printed in a plan (``全社会R&D经费支出占GDP比重``) plus its unit into a stable
catalogue code (``rd_intensity``) so the same quantity can be followed across plans, regions and
years. Units must be compatible: ``万元`` and ``亿元`` convert with a factor,
``%`` and ``亿元`` do not.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, Field

from planwatch.catalog import units
from planwatch.catalog.names import canonical_name, same_name

Direction = Literal["higher", "lower"]


class CatalogIndicator(BaseModel):
    """One canonical indicator."""

    code: str
    name_zh: str
    name_en: str
    unit: str
    unit_group: str
    direction: Direction = "higher"
    min: float | None = None
    max: float | None = None
    synonyms: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)


class IndicatorMatch(BaseModel):
    """Result of mapping a printed name + unit onto the catalogue."""

    code: str
    unit: str
    factor: float
    """Multiply a value in the printed unit by this to get the canonical unit."""


class Catalog(BaseModel):
    """The loaded catalogue: indicators and the unit groups they use."""

    unit_groups: dict[str, dict[str, float]]
    indicators: list[CatalogIndicator]

    def get(self, code: str) -> CatalogIndicator | None:
        """The indicator with ``code``, or ``None``."""
        return next((ind for ind in self.indicators if ind.code == code), None)

    def unit_factor(self, code: str, unit: str | None) -> float | None:
        """Factor converting ``unit`` into the canonical unit of ``code``; ``None`` if incompatible.

        An absent unit (``None`` / empty) is taken to be the canonical unit.
        """
        ind = self.get(code)
        if ind is None:
            return None
        if not unit:
            return 1.0
        group = self.unit_groups.get(ind.unit_group, {})
        printed = normalize_unit(unit)
        if printed in group and ind.unit in group:
            return group[printed] / group[ind.unit]
        try:  # any other spelling or scale of the same quantity (千元, 亿 for a sum of money)
            return units.factor(printed, ind.unit)
        except units.UnitMismatch:
            return None


def normalize_unit(unit: str) -> str:
    """Canonical spelling of a unit (:func:`planwatch.catalog.units.normalize_unit`)."""
    return units.normalize_unit(unit)


def normalize_name(name: str) -> str:
    """The catalogue's form of a name (:func:`planwatch.catalog.names.canonical_name`)."""
    return canonical_name(name)


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """Load and validate the packaged catalogue (cached)."""
    raw = resources.files("planwatch.catalog").joinpath("indicators.yaml").read_text("utf-8")
    return Catalog.model_validate(yaml.safe_load(raw))


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[str, frozenset[str], tuple[re.Pattern[str], ...]], ...]:
    entries = []
    for ind in load_catalog().indicators:
        synonyms = frozenset(normalize_name(s) for s in [ind.name_zh, *ind.synonyms])
        patterns = tuple(re.compile(p) for p in ind.patterns)
        entries.append((ind.code, synonyms, patterns))
    return tuple(entries)


def candidate_codes(name: str) -> list[str]:
    """Codes whose synonyms or patterns match ``name`` (ignoring the unit)."""
    norm = normalize_name(name)
    if not norm:
        return []
    return [
        code
        for code, synonyms, patterns in _compiled()
        if norm in synonyms or any(p.fullmatch(norm) for p in patterns)
    ]


def match_indicator(name: str, unit: str | None = None) -> IndicatorMatch | None:
    """Map ``name`` (+ ``unit``) to the catalogue; ``None`` when unknown, ambiguous or the unit
    is incompatible with the candidate's unit group."""
    catalog = load_catalog()
    matches: list[IndicatorMatch] = []
    for code in candidate_codes(name):
        factor = catalog.unit_factor(code, unit)
        if factor is not None:
            ind = catalog.get(code)
            assert ind is not None
            matches.append(IndicatorMatch(code=code, unit=ind.unit, factor=factor))
    return matches[0] if len(matches) == 1 else None


def map_indicator(name: str, unit: str | None = None) -> str | None:
    """Catalogue code for an indicator name as printed, or ``None`` (unknown / ambiguous /
    unit incompatible)."""
    match = match_indicator(name, unit)
    return match.code if match else None


def to_canonical(code: str, value: float, unit: str | None) -> float | None:
    """``value`` expressed in the canonical unit of ``code``; ``None`` if units are incompatible."""
    factor = load_catalog().unit_factor(code, unit)
    return None if factor is None else value * factor


def convert_value(value: float, given: str | None, wanted: str | None,
                  code: str | None = None) -> float | None:
    """``value`` printed in unit ``given`` expressed in ``wanted`` (the unit of a plan's
    indicator): the same unit (or none) keeps it; a known scale converts it (万元 → 亿元,
    名 → 人, catalog.units); else the catalogue's own equivalences of indicator ``code`` (件 for
    件/万人); ``None`` when the units are incompatible (never guessed)."""
    if not given or not wanted or normalize_unit(given) == normalize_unit(wanted):
        return value
    if units.convertible(given, wanted):
        return units.convert(value, given, wanted)
    if code is None:
        return None
    catalog = load_catalog()
    from_given, from_wanted = catalog.unit_factor(code, given), catalog.unit_factor(code, wanted)
    if from_given is None or from_wanted is None:
        return None
    return value * from_given / from_wanted


def plausible_range(code: str | None, value: float,
                    unit: str | None) -> tuple[float | None, float | None] | None:
    """The catalogue's plausible range [min, max] of indicator ``code`` when ``value`` (in
    ``unit``) lies outside it, else ``None`` (also for indicators not in the catalogue)."""
    ind = load_catalog().get(code) if code else None
    if ind is None:
        return None
    canonical = value * (load_catalog().unit_factor(ind.code, unit) or 1.0)
    low, high = ind.min, ind.max
    if (low is not None and canonical < low) or (high is not None and canonical > high):
        return low, high
    return None


def resolve_indicator(name: str, unit: str | None,
                      known: list[tuple[str, str | None, bool]]) -> int | None:
    """Index in ``known`` — (name, catalogue code, row of the plan's own indicator table) —
    of the indicator that ``name`` means: the same name (catalog.names.same_name), else the
    only row of its catalogue code (the plan's own table first); ``None`` when there is none
    or several."""
    exact = [i for i, (k, _, _) in enumerate(known) if same_name(k, name)]
    if exact:
        return exact[0]
    code = map_indicator(name, unit)
    if code is None:
        return None
    same_code = [i for i, (_, c, _) in enumerate(known) if c == code]
    current = [i for i in same_code if known[i][2]]
    for group in (current, same_code):
        if len(group) == 1:
            return group[0]
    return None
