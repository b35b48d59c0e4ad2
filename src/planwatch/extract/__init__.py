"""Extractors: Document → Plan, one module per concept."""

from planwatch.extract.pipeline import extract_plan

__all__ = ["extract_plan"]
