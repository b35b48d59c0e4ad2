"""The composite innovation index: hand-computed cases of every step (docs/index-method.md)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from planwatch.errors import PlanwatchError
from planwatch.evaluate.index import (
    IndexData,
    IndexValue,
    PerformanceGroup,
    compute_index,
    skewness,
)
from planwatch.evaluate.index_framework import IndexFramework, load_framework
from planwatch.evaluate.index_uncertainty import (
    first_order_share,
    index_uncertainty,
    simulation_ranks,
)

RD, SHARE = "rd_intensity", "high_tech_output_share"


def framework(**overrides: object) -> IndexFramework:
    raw: dict[str, object] = {
        "name_zh": "测试", "name_en": "test", "skew_threshold": None, "outlier_sd": None,
        "dimensions": [
            {"code": "a", "name_zh": "投入", "name_en": "inputs", "indicators": [{"code": RD}]},
            {"code": "b", "name_zh": "产业", "name_en": "industry",
             "indicators": [{"code": SHARE}]},
        ],
    }
    raw.update(overrides)
    return IndexFramework.model_validate(raw)


def data(fw: IndexFramework, rows: list[tuple[str, str, int, float]]) -> IndexData:
    return IndexData.from_values(fw.codes(), [IndexValue(*row) for row in rows])


THREE = [("A", RD, 2023, 1.0), ("A", SHARE, 2023, 40.0),
         ("B", RD, 2023, 2.0), ("B", SHARE, 2023, 50.0),
         ("C", RD, 2023, 3.0), ("C", SHARE, 2023, 70.0)]


def by_region(result: object) -> dict[str, object]:
    return {s.region: s for s in result.scores}  # type: ignore[attr-defined]


def test_min_max_scores_ranks_relative_and_groups_by_hand() -> None:
    # rd: A 0, B 0.5, C 1; share: A 0, B 1/3, C 1 → scores 0, 41.667, 100
    fw = framework()
    result = compute_index(fw, data(fw, THREE), 2023)
    s = by_region(result)
    assert s["A"].score == pytest.approx(0.0)
    assert s["B"].score == pytest.approx(100 * (0.5 + 1 / 3) / 2)
    assert s["C"].score == pytest.approx(100.0)
    assert [x.region for x in result.scores] == ["C", "B", "A"]
    assert [x.rank for x in result.scores] == [1, 2, 3]
    average = (0 + 100 * (0.5 + 1 / 3) / 2 + 100) / 3
    assert result.reference_average == pytest.approx(average)
    assert s["B"].relative == pytest.approx(100 * (0.5 + 1 / 3) / 2 / average * 100)  # 88.2 %
    assert s["C"].group is PerformanceGroup.LEADER      # 211.8 % > 125 %
    assert s["B"].group is PerformanceGroup.MODERATE    # 88.2 % in [70, 100)
    assert s["A"].group is PerformanceGroup.EMERGING    # 0 % < 70 %
    assert s["B"].dimensions == {"a": pytest.approx(50.0), "b": pytest.approx(100 / 3)}


def test_weights_dimension_share_times_indicator_share() -> None:
    fw = framework(dimensions=[
        {"code": "a", "name_zh": "投入", "name_en": "in", "weight": 3,
         "indicators": [{"code": RD, "weight": 1}, {"code": "basic_research_share",
                                                    "weight": 2}]},
        {"code": "b", "name_zh": "产业", "name_en": "ind", "weight": 1,
         "indicators": [{"code": SHARE}]}])
    assert fw.weights() == pytest.approx([0.75 / 3, 0.75 * 2 / 3, 0.25])
    # basic_research_share has no data at all: excluded, the others renormalised (1/4 : 1/4)
    result = compute_index(fw, data(fw, THREE), 2023)
    assert result.excluded == {"basic_research_share": "no_data"}
    assert result.weights == {RD: pytest.approx(0.5), "basic_research_share": 0.0,
                              SHARE: pytest.approx(0.5)}


def test_missing_value_renormalises_over_available_and_coverage_floor() -> None:
    rows = [r for r in THREE if not (r[0] == "B" and r[1] == SHARE)]
    fw = framework()
    s = by_region(compute_index(fw, data(fw, rows), 2023))
    # share bounds now from A and C only; B has rd only: 0.5 → 50
    assert s["B"].score == pytest.approx(50.0)
    assert s["B"].coverage == pytest.approx(0.5)
    strict = framework(min_coverage=0.6)
    s = by_region(compute_index(strict, data(strict, rows), 2023))
    assert s["B"].score is None and s["B"].rank is None and s["B"].group is None
    assert s["C"].rank == 1 and s["A"].rank == 2


def test_lower_is_better_direction_flips() -> None:
    fw = framework(dimensions=[
        {"code": "a", "name_zh": "投入", "name_en": "in", "indicators": [{"code": RD}]},
        {"code": "b", "name_zh": "产业", "name_en": "ind",
         "indicators": [{"code": SHARE, "direction": "lower"}]}])
    s = by_region(compute_index(fw, data(fw, THREE), 2023))
    # share flipped: A 1, B 2/3, C 0 → A 50, B 100·(0.5 + 2/3)/2, C 50
    assert s["A"].score == pytest.approx(50.0)
    assert s["B"].score == pytest.approx(100 * (0.5 + 2 / 3) / 2)
    assert s["B"].rank == 1 and s["A"].rank == 2 and s["C"].rank == 2   # tie shares rank 2


def test_skewness_matches_the_adjusted_fisher_pearson_formula() -> None:
    x = np.array([1.0, 2.0, 3.0, 10.0])
    n, m, sd = 4, x.mean(), x.std(ddof=1)
    by_hand = n / ((n - 1) * (n - 2)) * sum(((v - m) / sd) ** 3 for v in x)
    assert skewness(x) == pytest.approx(by_hand)
    # mean 4, SD √(50/3) = 4.0825, Σz³ = 2.6455, × 4/(3·2) → 1.7636
    assert skewness(x) == pytest.approx(1.7636, abs=1e-4)
    assert skewness(np.array([1.0, 2.0, 3.0])) == pytest.approx(0.0)


def test_skewed_indicator_is_square_rooted_before_min_max() -> None:
    rows = [(r, RD, 2023, v) for r, v in zip("ABCD", [1.0, 4.0, 9.0, 100.0], strict=True)]
    fw = framework(skew_threshold=1.0, dimensions=[
        {"code": "a", "name_zh": "投入", "name_en": "in", "indicators": [{"code": RD}]}])
    result = compute_index(fw, data(fw, rows), 2023)
    assert result.transformed == (RD,)
    s = by_region(result)
    # sqrt: 1, 2, 3, 10 → min–max (x − 1)/9
    assert s["B"].score == pytest.approx(100 / 9)
    assert s["C"].score == pytest.approx(200 / 9)


def test_outliers_do_not_set_min_max_and_are_capped() -> None:
    values = [float(v) for v in range(1, 20)] + [1000.0]
    rows = [(f"R{i:02d}", RD, 2023, v) for i, v in enumerate(values)]
    fw = framework(outlier_sd=3.0, dimensions=[
        {"code": "a", "name_zh": "投入", "name_en": "in", "indicators": [{"code": RD}]}])
    s = by_region(compute_index(fw, data(fw, rows), 2023))
    # 1000 lies beyond mean + 3 SD: min/max are 1 and 19; 1000 is capped at 19 → 100
    assert s["R19"].score == pytest.approx(100.0)
    assert s["R18"].score == pytest.approx(100.0)
    assert s["R09"].score == pytest.approx(100 * 9 / 18)


def test_change_against_base_year_uses_bounds_over_all_years() -> None:
    rows = [*THREE, ("A", RD, 2021, 0.0), ("A", SHARE, 2021, 40.0),
            ("C", RD, 2021, 3.0), ("C", SHARE, 2021, 70.0)]
    fw = framework()
    s = by_region(compute_index(fw, data(fw, rows), 2023, base_year=2021))
    # rd bounds 0..3: A 2023 = 1/3, 2021 = 0; share bounds 40..70: A 0 both years
    assert s["A"].score == pytest.approx(100 * (1 / 3) / 2)
    assert s["A"].change == pytest.approx(100 * (1 / 3) / 2)
    assert s["C"].change == pytest.approx(0.0)
    assert s["B"].change is None          # B has no 2021 data


def test_geometric_aggregation_on_one_to_hundred_scale() -> None:
    fw = framework(aggregation="geometric")
    s = by_region(compute_index(fw, data(fw, THREE), 2023))
    assert s["A"].score == pytest.approx(1.0)
    assert s["B"].score == pytest.approx(np.sqrt((1 + 99 * 0.5) * (1 + 99 / 3)))
    assert s["C"].score == pytest.approx(100.0)


def test_constant_indicator_is_excluded_not_divided_by_zero() -> None:
    rows = [(r, k, 2023, 5.0 if k == SHARE else v) for r, k, _, v in THREE]
    fw = framework()
    result = compute_index(fw, data(fw, rows), 2023)
    assert result.excluded == {SHARE: "constant"}
    assert by_region(result)["B"].score == pytest.approx(50.0)


def test_year_without_data_is_a_clear_error() -> None:
    fw = framework()
    with pytest.raises(PlanwatchError, match="2030"):
        compute_index(fw, data(fw, THREE), 2030)


def test_default_framework_loads_and_bad_files_are_refused(tmp_path: Path) -> None:
    fw = load_framework()
    assert sum(fw.weights()) == pytest.approx(1.0)
    bad = tmp_path / "f.yaml"
    bad.write_text("name_zh: x\nname_en: x\ndimensions:\n  - {code: a, name_zh: a, name_en: a,"
                   " indicators: [{code: no_such_indicator}]}\n", encoding="utf-8")
    with pytest.raises(PlanwatchError, match="no_such_indicator"):
        load_framework(bad)
    bad.write_text("name_zh: x\nname_en: x\n", encoding="utf-8")
    with pytest.raises(PlanwatchError, match="dimensions 缺少此项"):
        load_framework(bad)


def test_simulation_ranks_are_a_permutation_per_run() -> None:
    scores = np.array([[3.0, 1.0], [2.0, np.nan], [1.0, 2.0]])
    ranks = simulation_ranks(scores)
    assert ranks[:, 0].tolist() == [1.0, 2.0, 3.0]
    assert ranks[0, 1] == 2.0 and np.isnan(ranks[1, 1]) and ranks[2, 1] == 1.0


def test_first_order_share_extremes() -> None:
    choice = np.array([0, 1] * 50)
    driven = np.vstack([np.where(choice == 0, 1.0, 2.0), np.where(choice == 0, 2.0, 1.0)])
    assert first_order_share(driven, choice) == pytest.approx(1.0)
    other = np.array([0, 0, 1, 1] * 25)
    assert first_order_share(driven, other) == pytest.approx(0.0)


def test_dominant_region_keeps_rank_one_in_every_draw() -> None:
    rows = [*THREE, ("D", RD, 2023, 1.5), ("D", SHARE, 2023, 45.0)]
    fw = framework()
    result = index_uncertainty(fw, data(fw, rows), 2023, draws=300)
    first = result.intervals[0]
    assert first.region == "C" and (first.low, first.median, first.high) == (1, 1, 1)
    assert {i.nominal for i in result.intervals} == {1, 2, 3, 4}
    assert [e.factor for e in result.effects] == ["weights", "normalisation", "aggregation"]
    assert all(e.mean_shift >= 0 for e in result.effects)


def test_no_uncertainty_gives_nominal_ranks_and_seed_reproduces() -> None:
    rows = [*THREE, ("D", RD, 2023, 2.9), ("D", SHARE, 2023, 41.0)]
    fixed = framework(uncertainty={"weight_spread": 0, "normalisations": ["minmax"],
                                   "aggregations": ["arithmetic"]})
    result = index_uncertainty(fixed, data(fixed, rows), 2023, draws=50)
    for interval in result.intervals:
        assert interval.low == interval.median == interval.high == interval.nominal
    assert all(e.mean_shift == 0 for e in result.effects)
    fw = framework()
    one = index_uncertainty(fw, data(fw, rows), 2023, draws=200, seed=7)
    two = index_uncertainty(fw, data(fw, rows), 2023, draws=200, seed=7)
    assert one == two


def test_weights_that_swap_two_close_regions_widen_their_intervals() -> None:
    # B leads on rd, D on share; nominal weights put them close, ±25 % weights swap them
    rows = [("A", RD, 2023, 0.0), ("A", SHARE, 2023, 0.0), ("B", RD, 2023, 10.0),
            ("B", SHARE, 2023, 4.9), ("C", RD, 2023, 1.0), ("C", SHARE, 2023, 1.0),
            ("D", RD, 2023, 5.1), ("D", SHARE, 2023, 10.0)]
    fw = framework(uncertainty={"normalisations": ["minmax"], "aggregations": ["arithmetic"]})
    result = index_uncertainty(fw, data(fw, rows), 2023, draws=500)
    intervals = {i.region: i for i in result.intervals}
    assert (intervals["B"].low, intervals["B"].high) == (1, 2)
    assert (intervals["D"].low, intervals["D"].high) == (1, 2)
    assert intervals["A"].low == intervals["A"].high == 4
    weights = next(e for e in result.effects if e.factor == "weights")
    assert weights.mean_shift > 0


def test_rank_normalisation_averages_ties() -> None:
    rows = [(r, RD, 2023, v) for r, v in zip("ABCD", [1.0, 2.0, 2.0, 4.0], strict=True)]
    fw = framework(normalisation="rank", dimensions=[
        {"code": "a", "name_zh": "投入", "name_en": "in", "indicators": [{"code": RD}]}])
    s = by_region(compute_index(fw, data(fw, rows), 2023))
    # ranks 0, 1.5, 1.5, 3 of 3 → 0, 50, 50, 100
    assert [s[r].score for r in "ABCD"] == pytest.approx([0.0, 50.0, 50.0, 100.0])
    assert s["B"].rank == s["C"].rank == 2


def test_every_code_of_the_index_has_both_labels() -> None:
    from planwatch.evaluate.cascade import CascadeKind, CascadeVerdict
    from planwatch.evaluate.index import Exclusion
    from planwatch.model.labels import CATALOGUES

    for kind, codes in (("performance_group", PerformanceGroup), ("index_exclusion", Exclusion),
                        ("cascade_verdict", CascadeVerdict), ("cascade_kind", CascadeKind)):
        assert {c.value for c in codes} == set(CATALOGUES[kind]), kind
    assert set(CATALOGUES["index_factor"]) == {"weights", "normalisation", "aggregation"}
