"""A table cell that names nobody: one rule for every reader of unit columns."""

from __future__ import annotations

import pytest

from planwatch.extract.departments import read_columns
from planwatch.parse.normalize import is_placeholder


@pytest.mark.parametrize("cell", ["——", "—", "-", "--", "－", "/", "／", "无", " 无 ", "———"])
def test_dashes_slashes_and_none_name_nobody(cell: str) -> None:
    assert is_placeholder(cell)


@pytest.mark.parametrize("cell", ["", "无锡市政府", "区科技局", "1-2", "—区财政局"])
def test_a_unit_or_an_empty_cell_is_no_placeholder(cell: str) -> None:
    assert not is_placeholder(cell)


def test_a_support_column_of_dashes_is_empty() -> None:
    res = read_columns("区发展改革委", "——", "")
    assert (res.lead, res.support) == (["区发展改革委"], [])
