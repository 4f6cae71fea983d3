"""The story page: coverage matrix (a heat map), conflicts per measure with as-of dates and sources, the
figures timeline (inline SVG), quotes by speaker side by side, who speaks, and the cited synthesis whose
citations scroll to their sentences. Served from the stored comparison; a story without one is queued
for the app's background worker (202, the status page)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, Response

from ..errors import NotFound
from ..pipeline import story_overview
from ..stages import analysis_key
from ..store import Store
from .common import WebContext


def make_router(ctx: WebContext) -> APIRouter:
    router = APIRouter()
    version = analysis_key(ctx.settings)

    def view(story_id: str, request: Request, as_json: bool) -> Response:
        with Store(ctx.db) as store:
            try:
                found = store.resolve_story_id(story_id)
                data = story_overview(store, found, ctx.settings)
                members = store.story_members_key(found)
            except NotFound:
                raise HTTPException(status_code=404, detail=f"no story {story_id}") from None
        if data is None or data["stale"]:
            state = request.app.state.jobs.submit("story", found, f"{version}:{members}")
            if data is None:
                status = 422 if state["status"] == "failed" else 503 if state["status"] == "busy" else 202
                if as_json:
                    return JSONResponse({"kind": "story", "id": found, **state}, status_code=status)
                return ctx.page("pending.html.j2", status=status, kind="story", item=found, state=state)
        if as_json:
            return JSONResponse(data)
        return ctx.page("story.html.j2", s=data)

    @router.get("/stories/{story_id}/overview")
    def story_page(story_id: str, request: Request) -> Response:
        return view(story_id, request, as_json=False)

    @router.get("/api/stories/{story_id}/overview")
    def api_story_page(story_id: str, request: Request) -> Response:
        return view(story_id, request, as_json=True)

    return router
