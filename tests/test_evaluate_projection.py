"""Projections to the target year: CAGR and recency-weighted linear fit, with point counts."""

from __future__ import annotations

import pytest

from planwatch.evaluate.projection import gap_share, project, weighted_linear_fit
from planwatch.model.evaluation import Reason


def test_two_actuals_give_both_projections() -> None:
    out, reasons = project(
        [(2021, 110.0), (2022, 121.0)],
        baseline_year=2020,
        baseline=100.0,
        target_year=2025,
        target=200.0,
    )
    assert reasons == []
    cagr, linear = out
    assert (cagr.method, cagr.n_points) == ("cagr", 3)
    assert cagr.value == pytest.approx(100 * 1.1**5)
    assert cagr.gap == pytest.approx((200 - 161.051) / 100)
    assert cagr.meets_target is False
    # weights 1, 2, 3: slope 10.5, through the weighted mean (2021.333, 113.5)
    assert linear.method == "weighted-linear"
    assert linear.value == pytest.approx(152.7)
    assert all(p.label == "projection" for p in out)


def test_one_actual_only_two_point_cagr() -> None:
    out, reasons = project(
        [(2022, 144.0)], baseline_year=2020, baseline=100.0, target_year=2025, target=200.0
    )
    assert [(p.method, p.n_points) for p in out] == [("cagr", 2)]
    assert out[0].value == pytest.approx(100 * 1.2**5)
    assert out[0].meets_target is True
    assert reasons == [Reason.SINGLE_ACTUAL]


def test_one_actual_without_baseline() -> None:
    out, reasons = project(
        [(2022, 144.0)], baseline_year=None, baseline=None, target_year=2025, target=200.0
    )
    assert out == [] and Reason.NO_BASELINE in reasons


def test_no_actuals() -> None:
    assert project([], baseline_year=2020, baseline=1.0, target_year=2025, target=2.0) == (
        [],
        [Reason.NO_ACTUAL],
    )


def test_zero_baseline_cagr_skipped_linear_kept() -> None:
    out, reasons = project(
        [(2021, 1.0), (2022, 2.0)], baseline_year=2020, baseline=0.0, target_year=2025, target=5.0
    )
    assert [p.method for p in out] == ["weighted-linear"]
    assert Reason.ZERO_BASELINE in reasons


def test_recent_points_weigh_more() -> None:
    fit = weighted_linear_fit([(2020, 0.0), (2021, 10.0), (2022, 10.0)])
    assert fit is not None
    _intercept, b = fit
    unweighted_slope = 5.0
    assert b < unweighted_slope  # the flat recent segment pulls the slope down
    assert gap_share(10.0, 10.0, 0.0) == 0.0
