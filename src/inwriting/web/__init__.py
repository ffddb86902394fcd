"""The local web app: FastAPI pages (Jinja2 + HTMX), the JSON API they use, and an ICS feed."""

from inwriting.web.app import create_app

__all__ = ["create_app"]
