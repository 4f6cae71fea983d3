"""Search: full-text (SQLite FTS5) over stored articles and the quotes of their stored analyses, with
filters by outlet, date range, story and kind; every word must match (no query syntax from users)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse, Response

from ..store import Store
from .common import WebContext


def _segments(snippet: str) -> list[dict[str, Any]]:
    """A snippet as plain and matched pieces (the template escapes both; matches are marked)."""
    out = []
    for i, piece in enumerate(snippet.replace("\x03", "\x02").split("\x02")):
        if piece:
            out.append({"text": piece, "match": i % 2 == 1})
    return out


def make_router(ctx: WebContext) -> APIRouter:
    router = APIRouter()
    size = ctx.settings.web_search_page

    def run(q: str, outlet: str | None, since: str | None, until: str | None, story: str | None,
            kind: str | None, page: int) -> dict[str, Any]:
        with Store(ctx.db) as store:
            total, rows = store.search(q, outlet=outlet or None, since=since or None, until=until or None,
                                       story=story or None, kind=kind or None, limit=size, offset=(page - 1) * size)
            outlets = [o["outlet"] for o in store.outlets()]
        return {"query": q, "total": total, "page": page, "pages": max(1, -(-total // size)), "results": rows,
                "outlets": outlets, "filters": {"outlet": outlet or "", "since": since or "", "until": until or "",
                                                "story": story or "", "kind": kind or ""}}

    @router.get("/search")
    def search_page(q: str = Query("", max_length=500), outlet: str | None = None, since: str | None = None,
                    until: str | None = None, story: str | None = None, kind: str | None = None,
                    page: int = Query(1, ge=1, le=10_000)) -> Response:
        found = run(q, outlet, since, until, story, kind, page)
        for r in found["results"]:
            r["segments"] = _segments(r.pop("snippet"))
        return ctx.page("search.html.j2", s=found)

    @router.get("/api/search")
    def api_search(q: str = Query("", max_length=500), outlet: str | None = None, since: str | None = None,
                   until: str | None = None, story: str | None = None, kind: str | None = None,
                   page: int = Query(1, ge=1, le=10_000)) -> JSONResponse:
        found = run(q, outlet, since, until, story, kind, page)
        for r in found["results"]:
            r["text"] = r.pop("snippet").replace("\x02", "").replace("\x03", "")
        return JSONResponse(found)

    return router
