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

import json
import queue
import threading
import time
from collections import OrderedDict
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
from .common import CSP, csp_for
from .features import feature_routers

TEMPLATES = Path(__file__).parent / "templates"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


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


class PageCache:
    """A bounded, thread-safe LRU of rendered pages keyed by what makes them immutable (id + version)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[tuple[str, ...], str] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[str, ...], make: Callable[[], str]) -> str:
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = make()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


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


class Site:
    """What the routes serve: each method reads the store (one read connection per worker thread) and
    renders; nothing here analyses (that is :class:`Jobs`)."""

    def __init__(self, db: str, settings: Settings) -> None:
        self.db = db
        self.env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]))
        self.version = analysis_key(settings)
        self.jobs = Jobs(db, settings)
        self.per_page = settings.web_page_size
        self.cache = PageCache(settings.web_page_cache)
        self.local = threading.local()
        self.list_ttl = settings.web_list_cache_seconds

    def store(self) -> Store:
        """This worker thread's read connection (opened once; WAL readers see every committed write)."""
        store: Store | None = getattr(self.local, "store", None)
        if store is None:
            store = self.local.store = Store(self.db)
        return store

    def page(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(name).render(**context), status_code=status)

    def paging(self, total: int, number: int, path: str) -> dict[str, Any]:
        last = max(1, -(-total // self.per_page))
        return {"page": number, "pages": last, "total": total, "path": path, "offset": (number - 1) * self.per_page,
                "prev": number - 1 if number > 1 else None, "next": number + 1 if number < last else None}

    def listing(self, kind: str, number: int, as_json: bool) -> Response:
        """A page of stories or articles; rendered at most once per ``web_list_cache_seconds``."""
        bucket = str(int(time.monotonic() / self.list_ttl)) if self.list_ttl > 0 else str(time.monotonic())
        cached = json.loads(self.cache.get(("list", kind, str(number), str(as_json), bucket),
                                           lambda: self._render_listing(kind, number, as_json)))
        media = "application/json" if as_json else "text/html; charset=utf-8"
        return Response(cached["body"], media_type=media, headers=cached["headers"])

    def _render_listing(self, kind: str, number: int, as_json: bool) -> str:
        store = self.store()
        if kind == "stories":
            pages = self.paging(store.count_stories(), number, "/api/stories" if as_json else "/")
            rows = store.list_stories(self.per_page, pages["offset"])
        else:
            pages = self.paging(store.count(), number, "/api/articles" if as_json else "/articles")
            rows = store.list_rows(self.per_page, pages["offset"])
        headers = {"x-total-count": str(pages["total"])}
        if not as_json:
            context: dict[str, Any] = {"pages": pages, kind: rows}
            return json.dumps({"body": self.env.get_template(f"{kind}.html.j2").render(**context), "headers": headers})
        if pages["next"]:
            headers["link"] = f'<{pages["path"]}?page={pages["next"]}>; rel="next"'
        return json.dumps({"body": json.dumps(rows, ensure_ascii=False, allow_nan=False), "headers": headers})

    def pending(self, kind: str, item: str, state: dict[str, str], as_json: bool) -> Response:
        status = 422 if state["status"] == "failed" else 503 if state["status"] == "busy" else 202
        if as_json:
            return JSONResponse({"status": state["status"], "detail": state["detail"], "kind": kind, "id": item},
                                status_code=status)
        return self.page("pending.html.j2", status=status, kind=kind, item=item, state=state)

    def story(self, story_id: str, as_json: bool) -> Response:
        store = self.store()
        try:
            found = store.resolve_story_id(story_id)
        except NotFound:
            raise HTTPException(status_code=404, detail=f"no story {story_id}") from None
        stored = store.get_comparison(found)
        members = store.story_members_key(found)
        fresh = stored is not None and stored["members"] == members and stored["version"] == self.version
        state = {} if fresh else self.jobs.submit("story", found, f"{self.version}:{members}")
        if stored is None:
            return self.pending("story", found, state, as_json)
        headers = {} if fresh else {"x-newsprism-stale": "1"}  # served while a fresh one is prepared
        if as_json:
            return Response(stored["data"], media_type="application/json", headers=headers)
        policy = self.cache.get(("csp", found, stored["at"], stored["members"]), lambda: csp_for(stored["html"]))
        return HTMLResponse(stored["html"], headers={**headers, "content-security-policy": policy})

    def article(self, article_id: str, as_json: bool) -> Response:
        store = self.store()
        try:
            found = store.resolve_article_id(article_id)
        except NotFound:
            raise HTTPException(status_code=404, detail=f"no article {article_id}") from None
        stored = store.get_analysis_json(found, self.version)
        if stored is None:
            return self.pending("article", found, self.jobs.submit("article", found, self.version), as_json)
        if as_json:
            return Response(stored, media_type="application/json")
        return HTMLResponse(self.cache.get(("article", found, self.version), lambda: self.env.get_template(
            "article.html.j2").render(a=json.loads(stored))))


def create_app(db: str, settings: Settings = DEFAULT, allowed_hosts: list[str] | None = None,
               write_token: str | None = None) -> FastAPI:
    """The web app over the store at ``db``. ``allowed_hosts``: the Host names to answer (loopback
    names by default; ``newsprism serve`` requires them when bound beyond loopback). ``write_token``:
    the token write actions need (``newsprism serve`` sets one when bound beyond loopback)."""
    app = FastAPI(title="newsprism", docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOOPBACK_HOSTS))
    app.add_middleware(SecurityHeaders)
    site = Site(db, settings)
    app.state.jobs = site.jobs
    for router in feature_routers(db, settings, write_token):  # compare, story overview, outlets, search, feeds
        app.include_router(router)
    page_no = Query(1, alias="page", ge=1, le=1_000_000)

    @app.get("/api/stories")
    def api_stories(number: int = page_no) -> Response:
        return site.listing("stories", number, as_json=True)

    @app.get("/", response_class=HTMLResponse)
    def home(number: int = page_no) -> Response:
        return site.listing("stories", number, as_json=False)

    @app.get("/api/articles")
    def api_articles(number: int = page_no) -> Response:
        return site.listing("articles", number, as_json=True)

    @app.get("/articles", response_class=HTMLResponse)
    def articles(number: int = page_no) -> Response:
        return site.listing("articles", number, as_json=False)

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> Response:
        return site.article(article_id, as_json=True)

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(article_id: str) -> Response:
        return site.article(article_id, as_json=False)

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> Response:
        return site.story(story_id, as_json=True)

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(story_id: str) -> Response:
        return site.story(story_id, as_json=False)

    @app.get("/api/jobs")
    def api_jobs() -> JSONResponse:
        return JSONResponse(site.jobs.listing())

    return app
