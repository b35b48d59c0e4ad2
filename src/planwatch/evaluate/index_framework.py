"""The framework of the composite innovation index (综合指数框架): dimensions → indicators →
weights, and every methodological choice, read from a YAML file (the packaged default:
``planwatch/data/index/framework.yaml``). Method: ``docs/index-method.md``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from planwatch.catalog.indicators import Direction, load_catalog
from planwatch.errors import PlanwatchError

Normalisation = Literal["minmax", "zscore", "rank"]
Aggregation = Literal["arithmetic", "geometric"]


class FrameworkIndicator(BaseModel):
    """One indicator of a dimension: a catalogue code, its weight within the dimension and,
    when the catalogue's direction is not wanted, its own."""

    code: str
    weight: float = Field(default=1.0, gt=0)
    direction: Direction | None = None


class FrameworkDimension(BaseModel):
    code: str
    name_zh: str
    name_en: str
    weight: float = Field(default=1.0, gt=0)
    indicators: list[FrameworkIndicator] = Field(min_length=1)


def _all_normalisations() -> list[Normalisation]:
    return ["minmax", "zscore", "rank"]


def _all_aggregations() -> list[Aggregation]:
    return ["arithmetic", "geometric"]


class UncertaintySettings(BaseModel):
    """The Monte Carlo of the uncertainty analysis (JRC/COIN audit practice)."""

    draws: int = Field(default=1000, ge=10, le=100_000)
    seed: int = 20261206
    weight_spread: float = Field(default=0.25, ge=0, lt=1)
    normalisations: list[Normalisation] = Field(default_factory=_all_normalisations,
                                                min_length=1)
    aggregations: list[Aggregation] = Field(default_factory=_all_aggregations, min_length=1)


class IndexFramework(BaseModel):
    name_zh: str
    name_en: str
    normalisation: Literal["minmax", "rank"] = "minmax"
    aggregation: Aggregation = "arithmetic"
    skew_threshold: float | None = 1.0
    outlier_sd: float | None = Field(default=3.0, gt=0)
    min_coverage: float = Field(default=0.5, gt=0, le=1)
    groups: tuple[float, float, float] = (125.0, 100.0, 70.0)
    uncertainty: UncertaintySettings = Field(default_factory=UncertaintySettings)
    dimensions: list[FrameworkDimension] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> IndexFramework:
        codes = self.codes()
        if len(set(codes)) != len(codes):
            raise ValueError("an indicator appears twice in the framework")
        if not self.groups[0] > self.groups[1] > self.groups[2] > 0:
            raise ValueError("groups must be three decreasing positive percentages")
        return self

    def codes(self) -> list[str]:
        """Indicator codes in framework order."""
        return [ind.code for dim in self.dimensions for ind in dim.indicators]

    def weights(self) -> list[float]:
        """Each indicator's nominal weight: its dimension's share of all dimension weights times
        its share within the dimension (they sum to 1)."""
        total = sum(dim.weight for dim in self.dimensions)
        out: list[float] = []
        for dim in self.dimensions:
            inner = sum(ind.weight for ind in dim.indicators)
            out.extend(dim.weight / total * ind.weight / inner for ind in dim.indicators)
        return out

    def directions(self) -> list[Direction]:
        """Each indicator's direction: its own, else the catalogue's."""
        catalog = load_catalog()
        out: list[Direction] = []
        for code in self.codes():
            own = next(ind.direction for dim in self.dimensions for ind in dim.indicators
                       if ind.code == code)
            entry = catalog.get(code)
            out.append(own or (entry.direction if entry is not None else "higher"))
        return out


def default_framework_path() -> Path:
    ref = resources.files("planwatch") / "data" / "index" / "framework.yaml"
    return Path(str(ref))


def load_framework(path: Path | None = None) -> IndexFramework:
    """The framework in ``path`` (default: the packaged one), checked: every indicator must be a
    code of the canonical catalogue."""
    source = path or default_framework_path()
    try:
        raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise PlanwatchError(f"无法读取指数框架文件 {source.name}：{exc}",
                             f"cannot read the index framework {source.name}: {exc}") from exc
    try:
        framework = IndexFramework.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        zh = "缺少此项" if first["type"] == "missing" else f"取值无效（{first['msg']}）"
        raise PlanwatchError(f"指数框架文件有误：{where} {zh}",
                             f"invalid index framework: {where}: {first['msg']}") from exc
    catalog = load_catalog()
    unknown = [code for code in framework.codes() if catalog.get(code) is None]
    if unknown:
        raise PlanwatchError(f"指数框架中的指标不在指标目录中：{'、'.join(unknown)}",
                             f"framework indicators not in the catalogue: {', '.join(unknown)}")
    return framework
