"""A number as a person types it (填报数值的识别): the one reading of a typed value for every
entry path — the web form, the JSON API and a text cell of the Excel/CSV template.

Accepted: full-width digits and signs (``１２３．４``, ``－５``), spaces anywhere, thousands
separators in groups of three (``1,500``, ``1，500``, ``12,345.6``), a leading ``+``, a minus
sign ``−``, and a trailing ``%`` when the indicator's unit is % (``2.95%`` of a share is 2.95).
Refused: words and units (``约900家``), a comma that is no thousands separator (``1,5``), a
``%`` on an indicator measured in anything else, NaN and infinities."""

from __future__ import annotations

import math
import re
import unicodedata

from planwatch.catalog.units import normalize_unit

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_MINUS = str.maketrans({"−": "-", "–": "-", "—": "-"})
_NON_FINITE = {"inf", "infinity", "nan"}


class NumberTextError(ValueError):
    """Typed text that is not a number: ``code`` is ``value-not-number`` or
    ``non-finite-value`` (codes of :mod:`planwatch.actuals.errors`); ``text`` is what was
    typed, full-width folded."""

    def __init__(self, code: str, text: str) -> None:
        super().__init__(f"{code}: {text!r}")
        self.code, self.text = code, text


def is_percent_unit(unit: str | None) -> bool:
    """The unit is a percentage (%, not ‰ or 百分点)."""
    return normalize_unit(unit or "") == "%"


def read_number(raw: str, unit: str | None = None) -> float:
    """The number ``raw`` stands for (see the module docstring); ``unit`` is the indicator's
    unit. Raises :class:`NumberTextError`."""
    shown = unicodedata.normalize("NFKC", raw).strip()
    text = "".join(shown.translate(_MINUS).split())
    if text.endswith("%") and is_percent_unit(unit):
        text = text[:-1]
    if text.lstrip("+-").lower() in _NON_FINITE:
        raise NumberTextError("non-finite-value", shown)
    if "," in text:
        if not _GROUPED.fullmatch(text):
            raise NumberTextError("value-not-number", shown)
        text = text.replace(",", "")
    if not _NUMBER.fullmatch(text):
        raise NumberTextError("value-not-number", shown)
    number = float(text)
    if not math.isfinite(number):
        raise NumberTextError("non-finite-value", shown)
    return number
