"""Outlet pages: across every stored story an outlet covered, the facts it alone reports, the corroborated
facts it leaves out (blind spots), whom it quotes, the framing cues that set it apart from the other
outlets on the same stories and its internal errors, each with links to its examples."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import JSONResponse, Response

from ..errors import NotFound
from ..pipeline import outlet_profile
from ..store import Store
from .common import WebContext


def make_router(ctx: WebContext) -> APIRouter:
    router = APIRouter()

    @router.get("/outlets")
    def outlets_page() -> Response:
        with Store(ctx.db) as store:
            return ctx.page("outlets.html.j2", outlets=store.outlets())

    @router.get("/api/outlets")
    def api_outlets() -> JSONResponse:
        with Store(ctx.db) as store:
            return JSONResponse(store.outlets())

    def profile(name: str) -> dict[str, object]:
        with Store(ctx.db) as store:
            try:
                return outlet_profile(store, name)
            except NotFound:
                raise HTTPException(status_code=404, detail=f"no outlet {name}") from None

    @router.get("/outlets/{name}")
    def outlet_page(name: str) -> Response:
        return ctx.page("outlet.html.j2", o=profile(name), k=ctx.settings.web_examples)

    @router.get("/api/outlets/{name}")
    def api_outlet(name: str) -> JSONResponse:
        return JSONResponse(profile(name))

    return router
