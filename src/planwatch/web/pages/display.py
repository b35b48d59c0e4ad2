"""What the pages show beyond the shared views: Chinese labels of codes. The rows, counts,
default year and source quotes come from the one evaluation view (``workflow.overview``) as
they are; nothing here recomputes or filters them."""

from __future__ import annotations

from planwatch.model.labels import labels
from planwatch.reports.build import BASE_ONLY_NOTE, NO_DATA, PROSE_TARGET, UNKNOWN
from planwatch.workflow.views import IndicatorStatus

DOC_TYPE_ZH = labels("doc_type")
LEVEL_ZH = labels("region_level")
__all__ = ["BASE_ONLY_NOTE", "NO_DATA", "PROSE_TARGET", "UNKNOWN", "base_only", "doc_type_zh",
           "is_prose", "level_zh"]


def doc_type_zh(code: str | None) -> str:
    """plan → 规划; unknown codes are shown as they are, None as ''."""
    return DOC_TYPE_ZH.get(code or "", code or "")


def level_zh(code: str | None) -> str:
    return LEVEL_ZH.get(code or "", code or "")


def base_only(s: IndicatorStatus) -> bool:
    """The only value is the baseline itself (reported for the base year): nothing to judge
    (decided once by the evaluation: ``display_state``)."""
    return s.display_state == "base_only"


def is_prose(s: IndicatorStatus) -> bool:
    """A prose target evaluated like an indicator (no indicator page of its own)."""
    return s.attribute == PROSE_TARGET
