"""planwatch: Chinese S&T plans → structured, checked, monitored plans."""

from planwatch.errors import PlanwatchError
from planwatch.model.plan import Plan

__version__ = "0.1.0"
__all__ = ["Plan", "PlanwatchError", "__version__"]
