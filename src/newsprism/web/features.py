"""The newsroom features of the web app, as routers app.py includes: compare in the browser (background
jobs), the story overview, outlet pages, search and feeds."""

from __future__ import annotations

from fastapi import APIRouter

from ..settings import Settings
from . import routes_compare, routes_feeds, routes_outlets, routes_search, routes_story
from .common import WebContext, make_env
from .jobs import CompareJobs


def feature_routers(db: str, settings: Settings, token: str | None = None) -> list[APIRouter]:
    ctx = WebContext(db=db, settings=settings, env=make_env(), jobs=CompareJobs(db, settings), token=token)
    return [m.make_router(ctx) for m in (routes_compare, routes_story, routes_outlets, routes_search, routes_feeds)]
