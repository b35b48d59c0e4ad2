"""Pure evaluation functions: progress, status, projection, prior-period results, audit, tasks.

No I/O and no database: every function takes models (or numpy arrays) and returns typed results
with reason codes (see docs/methodology.md).
"""
