"""Feeds: add and remove watched feeds (``newsprism watch`` polls them when given no feed list), and
what watch found, stored and skipped per feed, with its errors and the recent input failures."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ..sources.url import is_url, redact_url
from ..store import Store
from .common import WebContext


class FeedRequest(BaseModel):
    url: str = Field(max_length=2000)
    token: str | None = None


def _valid(url: str) -> str:
    url = url.strip()
    if not is_url(url) or len(url) > 2000:
        raise HTTPException(status_code=422, detail="a feed is an http(s) URL")
    return url


def make_router(ctx: WebContext) -> APIRouter:
    router = APIRouter()

    def state() -> dict[str, Any]:
        with Store(ctx.db) as store:
            feeds = store.feed_report()
            failures = store.recent_failures(30)
        for f in feeds:
            f["shown"] = redact_url(f["url"])
        return {"feeds": feeds, "failures": failures}

    @router.get("/feeds")
    def feeds_page() -> Response:
        return ctx.page("feeds.html.j2", **state())

    @router.get("/api/feeds")
    def api_feeds() -> JSONResponse:
        data = state()
        return JSONResponse(data)

    @router.post("/feeds")
    async def add_feed(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=4)
        token, url = form.get("token"), form.get("url")
        ctx.check_write(request, token if isinstance(token, str) else None)
        with Store(ctx.db) as store:
            store.watch_feed(_valid(url if isinstance(url, str) else ""))
        return RedirectResponse("/feeds", status_code=303)

    @router.post("/feeds/remove")
    async def remove_feed(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=4)
        token, url = form.get("token"), form.get("url")
        ctx.check_write(request, token if isinstance(token, str) else None)
        with Store(ctx.db) as store:
            store.unwatch_feed(url if isinstance(url, str) else "")
        return RedirectResponse("/feeds", status_code=303)

    @router.post("/api/feeds")
    def api_add_feed(body: FeedRequest, request: Request) -> JSONResponse:
        ctx.check_write(request, body.token)
        with Store(ctx.db) as store:
            store.watch_feed(_valid(body.url))
            return JSONResponse({"watched": store.watched_feeds()}, status_code=201)

    @router.delete("/api/feeds")
    def api_remove_feed(url: str, request: Request) -> JSONResponse:
        ctx.check_write(request)
        with Store(ctx.db) as store:
            removed = store.unwatch_feed(url)
            return JSONResponse({"removed": removed, "watched": store.watched_feeds()},
                                status_code=200 if removed else 404)

    return router
