"""Matching indicator names across prose, tables and plans by normalised text similarity.

The rule lives in :mod:`planwatch.catalog.names` (one normalisation, one matching rule for every
layer); this module keeps the evaluation layer's names for it."""

from __future__ import annotations

from planwatch.catalog.names import (
    NAME_THRESHOLD,
    best_match,
    comparable_name as normalize_name,
    scope_of,
    similarity,
)

DEFAULT_THRESHOLD = NAME_THRESHOLD

__all__ = ["DEFAULT_THRESHOLD", "best_match", "normalize_name", "scope_of", "similarity"]
