"""FastAPI app over the SQLite store. Every HTML page has a JSON twin (``/api/...``), so the web is
tested on data; views call the same library functions as the CLI and hold no logic of their own.

No request runs an analysis: article and story pages serve what is stored (the analyses table, and
comparisons rendered once by a background job). A page whose analysis is not stored yet answers 202
with a status page and queues the work for the app's single background worker; a stored comparison
whose story has gained members since is served as it is (``X-Newsprism-Stale: 1``) while a fresh
one is prepared. Ids are matched exactly, or by a prefix of at least 8 hex digits. Lists are paged.
Every response carries security headers (a CSP with no external source, nosniff, no framing, no
referrer); the host header must name a trusted host (loopback names unless told otherwise).
"""

from __future__ import annotations

import base64
import hashlib
import json
import queue
import re
import threading
from pathlib import Path
from typing import Any, Awaitable, Callable, MutableMapping

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..errors import NewsprismError, NotFound
from ..pipeline import analyze_cached, compare_story
from ..report import html
from ..settings import DEFAULT, Settings
from ..stages import analysis_key
from ..store import Store
from .features import feature_routers

TEMPLATES = Path(__file__).parent / "templates"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}
# No source outside this server; inline styles only (the pages have no external CSS); scripts only by hash.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'; script-src {scripts}")
_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def csp_for(page: str) -> str:
    """The page's CSP: its own inline scripts allowed by their SHA-256, nothing else."""
    hashes = [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() for s in _SCRIPT.findall(page)]
    return CSP.format(scripts=" ".join(f"'sha256-{h}'" for h in hashes) or "'none'")


class SecurityHeaders:
    """Pure ASGI middleware: the security headers on every response (a route may set its own CSP)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                have = {k.lower() for k, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in have:
                        headers.append((name.encode(), value.encode()))
                if b"content-security-policy" not in have:
                    headers.append((b"content-security-policy", CSP.format(scripts="'none'").encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def prepare_story(store: Store, story_id: str, settings: Settings = DEFAULT) -> dict[str, Any]:
    """Compare a story's articles (analysing those without a stored analysis) and store the comparison
    with its rendered page; what the background job does, and what a batch can call ahead of serving."""
    found = store.resolve_story_id(story_id)
    members = store.story_members_key(found)
    comparison = compare_story(store, found, settings)
    data = comparison.to_output()
    store.save_comparison(found, members, analysis_key(settings), data, html.render(comparison))
    return data


class Jobs:
    """One background worker and a bounded queue: the only place the web app analyses anything."""

    def __init__(self, db: str, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.queue: queue.Queue[tuple[str, str, str]] = queue.Queue(maxsize=settings.web_job_queue)
        self.state: dict[tuple[str, str, str], dict[str, str]] = {}
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def submit(self, kind: str, item: str, version: str) -> dict[str, str]:
        key = (kind, item, version)
        with self.lock:
            known = self.state.get(key)
            if known is not None:
                return known
            try:
                self.queue.put_nowait(key)
            except queue.Full:
                return {"status": "busy", "detail": "the job queue is full; try again later"}
            self.state[key] = {"status": "queued", "detail": f"{kind} {item} is queued"}
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="newsprism-jobs", daemon=True)
                self.thread.start()
            return self.state[key]

    def listing(self) -> list[dict[str, str]]:
        with self.lock:
            return [{"kind": k, "id": i, **st} for (k, i, _v), st in self.state.items()]

    def _run(self) -> None:
        while True:
            key = self.queue.get()
            kind, item, _version = key
            with self.lock:
                self.state[key] = {"status": "running", "detail": f"{kind} {item} is being prepared"}
            try:
                with Store(self.db) as store:
                    if kind == "story":
                        prepare_story(store, item, self.settings)
                    else:
                        analyze_cached(store, [store.get_article(item)], self.settings)
                outcome = {"status": "done", "detail": "ready"}
            except NewsprismError as exc:
                outcome = {"status": "failed", "detail": exc.one_line()}
            except Exception as exc:  # noqa: BLE001 - a job failure is shown on its page, never kills the worker
                outcome = {"status": "failed", "detail": f"error NP999 (internal): {type(exc).__name__}: {exc}"}
            with self.lock:
                self.state[key] = outcome
            self.queue.task_done()


def create_app(db: str, settings: Settings = DEFAULT, allowed_hosts: list[str] | None = None,
               write_token: str | None = None) -> FastAPI:
    """The web app over the store at ``db``. ``allowed_hosts``: the Host names to answer (loopback
    names by default; ``newsprism serve`` requires them when bound beyond loopback). ``write_token``:
    the token write actions need (``newsprism serve`` sets one when bound beyond loopback)."""
    app = FastAPI(title="newsprism", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOOPBACK_HOSTS))
    app.add_middleware(SecurityHeaders)
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]))
    version = analysis_key(settings)
    jobs = Jobs(db, settings)
    app.state.jobs = jobs
    for router in feature_routers(db, settings, write_token):  # compare, story overview, outlets, search, feeds
        app.include_router(router)
    per_page = settings.web_page_size

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def paging(total: int, number: int, path: str) -> dict[str, Any]:
        last = max(1, -(-total // per_page))
        return {"page": number, "pages": last, "total": total, "path": path,
                "prev": number - 1 if number > 1 else None, "next": number + 1 if number < last else None}

    def paged_json(rows: list[dict[str, Any]], pages: dict[str, Any]) -> JSONResponse:
        headers = {"x-total-count": str(pages["total"])}
        if pages["next"]:
            headers["link"] = f'<{pages["path"]}?page={pages["next"]}>; rel="next"'
        return JSONResponse(rows, headers=headers)

    def pending(kind: str, item: str, state: dict[str, str], as_json: bool) -> Response:
        status = 422 if state["status"] == "failed" else 503 if state["status"] == "busy" else 202
        if as_json:
            return JSONResponse({"status": state["status"], "detail": state["detail"], "kind": kind, "id": item},
                                status_code=status)
        return page("pending.html.j2", status=status, kind=kind, item=item, state=state)

    def story_view(story_id: str, as_json: bool) -> Response:
        with Store(db) as store:
            try:
                found = store.resolve_story_id(story_id)
            except NotFound:
                raise HTTPException(status_code=404, detail=f"no story {story_id}") from None
            stored = store.get_comparison(found)
            members = store.story_members_key(found)
        fresh = stored is not None and stored["members"] == members and stored["version"] == version
        if not fresh:
            state = jobs.submit("story", found, f"{version}:{members}")
            if stored is None or state["status"] == "failed":
                return pending("story", found, state, as_json)
        headers = {} if fresh else {"x-newsprism-stale": "1"}
        assert stored is not None
        if as_json:
            return Response(stored["data"], media_type="application/json", headers=headers)
        return HTMLResponse(stored["html"], headers={**headers, "content-security-policy": csp_for(stored["html"])})

    def article_view(article_id: str, as_json: bool) -> Response:
        with Store(db) as store:
            try:
                article = store.get_article(article_id)
            except NotFound:
                raise HTTPException(status_code=404, detail=f"no article {article_id}") from None
            stored = store.get_analysis_json(article.id, version)
        if stored is None:
            return pending("article", article.id, jobs.submit("article", article.id, version), as_json)
        if as_json:
            return Response(stored, media_type="application/json")
        return page("article.html.j2", a=json.loads(stored))

    @app.get("/api/stories")
    def api_stories(page_no: int = Query(1, alias="page", ge=1, le=1_000_000)) -> JSONResponse:
        with Store(db) as store:
            pages = paging(store.count_stories(), page_no, "/api/stories")
            return paged_json(store.list_stories(per_page, (page_no - 1) * per_page), pages)

    @app.get("/", response_class=HTMLResponse)
    def home(page_no: int = Query(1, alias="page", ge=1, le=1_000_000)) -> HTMLResponse:
        with Store(db) as store:
            pages = paging(store.count_stories(), page_no, "/")
            stories = store.list_stories(per_page, (page_no - 1) * per_page)
        return page("stories.html.j2", stories=stories, pages=pages)

    @app.get("/api/articles")
    def api_articles(page_no: int = Query(1, alias="page", ge=1, le=1_000_000)) -> JSONResponse:
        with Store(db) as store:
            pages = paging(store.count(), page_no, "/api/articles")
            return paged_json(store.list_rows(per_page, (page_no - 1) * per_page), pages)

    @app.get("/articles", response_class=HTMLResponse)
    def articles(page_no: int = Query(1, alias="page", ge=1, le=1_000_000)) -> HTMLResponse:
        with Store(db) as store:
            pages = paging(store.count(), page_no, "/articles")
            rows = store.list_rows(per_page, (page_no - 1) * per_page)
        return page("articles.html.j2", articles=rows, pages=pages)

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> Response:
        return article_view(article_id, as_json=True)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(article_id: str) -> Response:
        return article_view(article_id, as_json=False)

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> Response:
        return story_view(story_id, as_json=True)

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(story_id: str) -> Response:
        return story_view(story_id, as_json=False)

    @app.get("/api/jobs")
    def api_jobs() -> JSONResponse:
        return JSONResponse(jobs.listing())

    return app
