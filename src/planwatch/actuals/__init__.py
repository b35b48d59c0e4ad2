"""Yearly actual values (实际值): the Excel template to fill and the validated import.

make_template(plan, "填报模板.xlsx")
result = read_actuals("填报模板.xlsx", plan)   # .xlsx template or .csv
if result.ok: ...  result.rows (list[Actual]) else: result.errors (row, column, code, zh, en)
"""

from planwatch.actuals.errors import CATALOGUE, ActualsError, TemplateError
from planwatch.actuals.importer import ImportResult, read_actuals
from planwatch.actuals.spec import IndicatorSpec, plan_specs
from planwatch.actuals.template import make_template

__all__ = [
    "CATALOGUE",
    "ActualsError",
    "ImportResult",
    "IndicatorSpec",
    "TemplateError",
    "make_template",
    "plan_specs",
    "read_actuals",
]
