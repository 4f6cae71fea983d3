"""Compare in the browser: paste 2–10 texts or URLs, or upload files, with an optional outlet and date per
item; the comparison runs as a background job (progress page and JSON twin) and its result keeps a
permanent link, the same HTML report the CLI writes (its one script allowed by hash)."""

from __future__ import annotations

import re
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..pipeline import CompareInput
from ..sources.url import is_url
from ..store import Store
from .common import WebContext, csp_for

MAX_FORM_ROWS = 10
_DATE = r"^\d{4}-\d{2}-\d{2}([T ][0-9:]{5,8})?$"


class Item(BaseModel):
    text: str | None = None
    url: str | None = None
    outlet: str | None = Field(default=None, max_length=200)
    published: str | None = Field(default=None, pattern=_DATE)


class CompareRequest(BaseModel):
    items: list[Item]
    token: str | None = None


def _clip(value: Any, limit: int = 200) -> str | None:
    text = str(value or "").strip()
    return text[:limit] or None


def _checked(ctx: WebContext, items: list[CompareInput]) -> list[CompareInput]:
    cap = ctx.settings.web_upload_max_bytes
    if not 2 <= len(items) <= ctx.settings.web_compare_max_items:
        raise HTTPException(status_code=422, detail=f"give between 2 and {ctx.settings.web_compare_max_items} "
                                                    f"items to compare (got {len(items)})")
    for n, item in enumerate(items, 1):
        size = len(item.data) or len(item.value.encode("utf-8"))
        if item.kind != "url" and size > cap:
            raise HTTPException(status_code=413, detail=f"item {n} is {size:,} bytes, over the {cap:,}-byte limit "
                                                        "(setting web_upload_max_bytes)")
        if item.kind == "url" and not is_url(item.value):
            raise HTTPException(status_code=422, detail=f"item {n}: {item.value[:80]!r} is not an http(s) URL")
        if item.published and not re.match(_DATE, item.published):
            raise HTTPException(status_code=422, detail=f"item {n}: the date should read YYYY-MM-DD")
    return items


async def _form_items(form: FormData, cap: int) -> list[CompareInput]:
    """The compare form's filled rows: a file wins over a URL, a URL over pasted text."""
    items: list[CompareInput] = []
    for n in range(1, MAX_FORM_ROWS + 1):
        outlet, published = _clip(form.get(f"outlet{n}")), _clip(form.get(f"published{n}"), 25)
        upload, text, url = form.get(f"file{n}"), form.get(f"text{n}"), form.get(f"url{n}")
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(cap + 1)
            items.append(CompareInput("file", data=data, name=upload.filename[:200], outlet=outlet,
                                      published=published))
        elif isinstance(url, str) and url.strip():
            items.append(CompareInput("url", value=url.strip(), outlet=outlet, published=published))
        elif isinstance(text, str) and text.strip():
            items.append(CompareInput("text", value=text, outlet=outlet, published=published))
    return items


def make_router(ctx: WebContext) -> APIRouter:
    router = APIRouter()

    def submit(items: list[CompareInput]) -> str:
        job = ctx.jobs.submit(_checked(ctx, items))
        if job is None:
            raise HTTPException(status_code=503, detail="the compare queue is full; try again in a minute")
        return job

    @router.get("/compare")
    def compare_form(rows: int = 4) -> Response:
        with Store(ctx.db) as store:
            recent = store.list_jobs(20)
        return ctx.page("compare.html.j2", rows=max(2, min(rows, ctx.settings.web_compare_max_items)),
                        more=ctx.settings.web_compare_max_items, jobs=recent,
                        cap=ctx.settings.web_upload_max_bytes)

    @router.get("/api/compare")
    def api_compare_list() -> JSONResponse:
        with Store(ctx.db) as store:
            return JSONResponse(store.list_jobs(50))

    @router.post("/compare")
    async def compare_post(request: Request) -> Response:
        try:
            form = await request.form(max_files=MAX_FORM_ROWS, max_fields=20 * MAX_FORM_ROWS,
                                      max_part_size=ctx.settings.web_upload_max_bytes + 1)
        except StarletteHTTPException as exc:
            if "size" not in str(exc.detail).lower():
                raise
            raise HTTPException(status_code=413, detail=f"an item is over the {ctx.settings.web_upload_max_bytes:,}"
                                                        "-byte limit (setting web_upload_max_bytes)") from None
        token = form.get("token")
        ctx.check_write(request, token if isinstance(token, str) else None)
        items = await _form_items(form, ctx.settings.web_upload_max_bytes)
        return RedirectResponse(f"/jobs/{submit(items)}", status_code=303)

    @router.post("/api/compare")
    def api_compare_post(body: CompareRequest, request: Request) -> JSONResponse:
        ctx.check_write(request, body.token)
        items = [CompareInput("url", value=i.url.strip(), outlet=i.outlet, published=i.published) if i.url
                 else CompareInput("text", value=i.text or "", outlet=i.outlet, published=i.published)
                 for i in body.items if (i.url or i.text or "").strip()]
        job = submit(items)
        return JSONResponse({"job": job, "status": f"/api/jobs/{job}", "result": f"/api/compare/{job}",
                             "page": f"/compare/{job}"}, status_code=202)

    _job_routes(ctx, router)
    return router


def _job_routes(ctx: WebContext, router: APIRouter) -> None:
    """A compare job's progress page and result (the permanent link), with their JSON twins."""
    def job_row(job_id: str) -> dict[str, Any]:
        with Store(ctx.db) as store:
            job = store.get_job(job_id)
        if job is None:
            raise HTTPException(status_code=404, detail=f"no job {job_id}")
        return job

    @router.get("/jobs/{job_id}")
    def job_page(job_id: str) -> Response:
        job = job_row(job_id)
        job.pop("data", None)
        job.pop("html", None)
        return ctx.page("job.html.j2", job=job)

    @router.get("/api/jobs/{job_id}")
    def api_job(job_id: str) -> JSONResponse:
        job = job_row(job_id)
        job.pop("data", None)
        job.pop("html", None)
        job["result"] = f"/api/compare/{job_id}" if job["status"] == "done" else None
        return JSONResponse(job)

    @router.get("/compare/{job_id}")
    def result_page(job_id: str) -> Response:
        job = job_row(job_id)
        if job["status"] != "done":
            return RedirectResponse(f"/jobs/{job_id}", status_code=303)
        page = str(job["html"])
        return Response(page, media_type="text/html; charset=utf-8", headers={"content-security-policy": csp_for(page)})

    @router.get("/api/compare/{job_id}")
    def api_result(job_id: str) -> Response:
        job = job_row(job_id)
        if job["status"] != "done":
            return JSONResponse({"status": job["status"], "detail": job["detail"]}, status_code=202
                                if job["status"] in ("queued", "running") else 422)
        return Response(str(job["data"]), media_type="application/json")
