"""Catalogues: canonical S&T indicators (and, in catalog.regions, administrative regions)."""

from planwatch.catalog.indicators import (
    Catalog,
    CatalogIndicator,
    IndicatorMatch,
    candidate_codes,
    load_catalog,
    map_indicator,
    match_indicator,
    normalize_name,
    normalize_unit,
    to_canonical,
)

__all__ = [
    "Catalog",
    "CatalogIndicator",
    "IndicatorMatch",
    "candidate_codes",
    "load_catalog",
    "map_indicator",
    "match_indicator",
    "normalize_name",
    "normalize_unit",
    "to_canonical",
]
