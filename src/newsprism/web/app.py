"""FastAPI app over the SQLite store. Every HTML page has a JSON twin (``/api/...``), so the web is
tested on data; views call the same library functions as the CLI and hold no logic of their own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..errors import NewsprismError, NotFound
from ..pipeline import analyze_cached, compare_story
from ..report import html
from ..store import Store

TEMPLATES = Path(__file__).parent / "templates"


def create_app(db: str) -> FastAPI:
    app = FastAPI(title="newsprism", docs_url="/api/docs", openapi_url="/api/openapi.json")
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]))

    def page(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context))

    def stories_data() -> list[dict[str, Any]]:
        with Store(db) as store:
            return store.list_stories()

    def articles_data() -> list[dict[str, Any]]:
        with Store(db) as store:
            return store.list_rows(10_000)

    def article_data(article_id: str) -> dict[str, Any]:
        with Store(db) as store:
            try:
                article = store.get_article(article_id)
            except NotFound:
                raise HTTPException(status_code=404, detail=f"no article {article_id}") from None
            return analyze_cached(store, [article])[0].to_output()

    def comparison(story_id: str) -> Any:
        with Store(db) as store:
            try:
                return compare_story(store, story_id)
            except NotFound:
                raise HTTPException(status_code=404, detail=f"no story {story_id}") from None
            except NewsprismError as exc:
                raise HTTPException(status_code=422, detail=exc.one_line()) from None

    @app.get("/api/stories")
    def api_stories() -> JSONResponse:
        return JSONResponse(stories_data())

    @app.get("/", response_class=HTMLResponse)
    def home() -> HTMLResponse:
        return page("stories.html.j2", stories=stories_data())

    @app.get("/api/articles")
    def api_articles() -> JSONResponse:
        return JSONResponse(articles_data())

    @app.get("/articles", response_class=HTMLResponse)
    def articles() -> HTMLResponse:
        return page("articles.html.j2", articles=articles_data())

    @app.get("/api/articles/{article_id}")
    def api_article(article_id: str) -> JSONResponse:
        return JSONResponse(article_data(article_id))

    @app.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(article_id: str) -> HTMLResponse:
        return page("article.html.j2", a=article_data(article_id))

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str) -> JSONResponse:
        return JSONResponse(comparison(story_id).to_output())

    @app.get("/stories/{story_id}", response_class=HTMLResponse)
    def story(story_id: str) -> HTMLResponse:
        return HTMLResponse(html.render(comparison(story_id)))

    return app
