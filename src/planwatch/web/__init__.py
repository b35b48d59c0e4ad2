"""Web front end (FastAPI): JSON API under /api/v1 and the HTML pages. See app.py."""

from planwatch.web.app import create_app

__all__ = ["create_app"]
