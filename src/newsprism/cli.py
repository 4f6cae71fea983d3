"""The newsprism command line. Each command parses, calls one library function, prints.

Errors become one line on stderr (``error NP101 (empty) [source]: …``) and a non-zero
exit code; set NEWSPRISM_DEBUG=1 to see tracebacks instead.
"""

from __future__ import annotations

import functools
import json
import os
import secrets
import sys
from pathlib import Path
from typing import Any, Callable, Optional, TypeVar

import typer
from rich.console import Console

from . import nlp
from .errors import InputError, NewsprismError
from .settings import SETTINGS, Settings
from .store import DEFAULT_DB, Store

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="newsprism: see how different news outlets tell the same story.")
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 120)
err = Console(stderr=True, highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

DbOption = typer.Option(os.environ.get("NEWSPRISM_DB", DEFAULT_DB), "--db", help="SQLite database path.")
SetOption = typer.Option(None, "--set", help="Override a setting: NAME=VALUE (see `newsprism settings`).")
_ONE = "(a single file or stdin; wins over what the page states)"
OutletOption = typer.Option(None, "--outlet", help=f"The outlet that published the article {_ONE}.")
PublishedOption = typer.Option(None, "--published", help=f"Publication date, YYYY-MM-DD {_ONE}.")
UrlOption = typer.Option(None, "--url", help=f"The article's address {_ONE}.")
TitleOption = typer.Option(None, "--title", help=f"The article's headline {_ONE}.")


def _overrides(outlet: Optional[str], published: Optional[str], url: Optional[str],
               title: Optional[str]) -> dict[str, Optional[str]]:
    return {"outlet": outlet, "published": published, "url": url, "title": title}


def _fail(line: str, code: int) -> None:
    err.print(line, markup=False)
    raise typer.Exit(code)


def guarded(fn: F) -> F:
    """Turn our errors (and anything unexpected) into one line and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except NewsprismError as exc:
            if os.environ.get("NEWSPRISM_DEBUG"):
                raise
            _fail(exc.one_line(), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except Exception as exc:  # noqa: BLE001 - the CLI never prints a traceback
            if os.environ.get("NEWSPRISM_DEBUG"):
                raise
            _fail(f"error NP999 (internal): {type(exc).__name__}: {' '.join(str(exc).split())}", 70)

    return wrapper  # type: ignore[return-value]


def _settings(pairs: Optional[list[str]]) -> Settings:
    return Settings.from_pairs(pairs)


@app.command()
@guarded
def ingest(sources: list[str] = typer.Argument(..., help="Files, globs, directories, URLs, feeds, WARC, JSONL or -."),
           db: str = DbOption, set_: Optional[list[str]] = SetOption,
           stories: bool = typer.Option(True, "--stories/--no-stories", help="Group new articles into stories."),
           json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
           outlet: Optional[str] = OutletOption, published: Optional[str] = PublishedOption,
           url: Optional[str] = UrlOption, title: Optional[str] = TitleOption) -> None:
    """Read, clean and store articles; print a summary (read, stored, duplicates, skipped)."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    from .pipeline import ingest as run_ingest

    settings = _settings(set_)
    with Store(db) as store, Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                                      TextColumn("{task.completed} read"), console=err,
                                      transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("ingesting", total=None)

        def on_item(item: Any, outcome: str) -> None:
            progress.advance(task)
            if isinstance(item, InputError):
                err.print(item.one_line(), markup=False)

        summary = run_ingest(sources, store, settings, on_item=on_item, assign_stories=stories,
                             overrides=_overrides(outlet, published, url, title))
    if json_out:
        out.print_json(json.dumps(summary.as_dict()))
    else:
        skipped = ", ".join(f"{n} {reason}" for reason, n in sorted(summary.skipped.items())) or "none"
        out.print(f"read {summary.read} · stored {summary.stored} · duplicates {summary.duplicates} · "
                  f"skipped {sum(summary.skipped.values())} ({skipped})", markup=False)
    if summary.read and summary.stored + summary.duplicates == 0:
        raise typer.Exit(summary.errors[0].exit_code if summary.errors else 2)


@app.command()
@guarded
def analyze(source: str = typer.Argument(..., help="A file, URL or - (stdin)."),
            json_out: bool = typer.Option(False, "--json", help="Print the article JSON (OUTPUT.md)."),
            set_: Optional[list[str]] = SetOption,
            outlet: Optional[str] = OutletOption, published: Optional[str] = PublishedOption,
            url: Optional[str] = UrlOption, title: Optional[str] = TitleOption) -> None:
    """Analyse one article: entities, quotes, framing cues and internal errors."""
    from .api import analyze as run_analyze
    from .pipeline import load_one
    from .report.terminal import print_article

    settings = _settings(set_)
    article = load_one(source, settings, overrides=_overrides(outlet, published, url, title))
    analyzed = run_analyze(article, settings=settings)
    if json_out:
        sys.stdout.write(json.dumps(analyzed.to_output(), ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    else:
        print_article(analyzed, out)


@app.command("list")
@guarded
def list_(db: str = DbOption, limit: int = typer.Option(1000, help="At most this many rows."),
          json_out: bool = typer.Option(False, "--json", help="Print rows as JSON."),
          failures: bool = typer.Option(False, "--failures", help="List failed inputs instead.")) -> None:
    """List stored articles (or failed inputs)."""
    from rich.table import Table

    with Store(db) as store:
        rows = store.failures() if failures else store.list_rows(limit)
    if json_out:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
        return
    if not rows:
        out.print("nothing stored yet", markup=False)
        return
    table = Table(*rows[0].keys(), show_lines=False)
    for row in rows:
        table.add_row(*("" if v is None else str(v)[:60] for v in row.values()))
    out.print(table)


@app.command()
@guarded
def compare(sources: Optional[list[str]] = typer.Argument(None, help="Two or more articles (any readable source)."),
            story: Optional[str] = typer.Option(None, "--story", help="Compare a stored story by id."),
            db: str = DbOption,
            json_out: bool = typer.Option(False, "--json", help="Print the comparison JSON (OUTPUT.md)."),
            md: bool = typer.Option(False, "--md", help="Print a Markdown report."),
            html: Optional[Path] = typer.Option(None, "--html", help="Write a standalone HTML report here."),
            set_: Optional[list[str]] = SetOption,
            outlet: Optional[str] = OutletOption, published: Optional[str] = PublishedOption,
            url: Optional[str] = UrlOption, title: Optional[str] = TitleOption) -> None:
    """Compare articles: corroborated, unique and conflicting facts, omissions, quotes, framing."""
    from .pipeline import compare_sources, compare_story
    from .report import html as html_report
    from .report import markdown as md_report
    from .report.terminal import print_comparison

    settings = _settings(set_)
    if story:
        with Store(db) as store:
            comparison = compare_story(store, story, settings)
    else:
        comparison = compare_sources(sources or [], settings,
                                     on_error=lambda e: err.print(e.one_line(), markup=False),
                                     overrides=_overrides(outlet, published, url, title))
    if html is not None:
        html.write_text(html_report.render(comparison), encoding="utf-8")
        err.print(f"wrote {html}", markup=False)
    if json_out:
        sys.stdout.write(json.dumps(comparison.to_output(), ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    elif md:
        sys.stdout.write(md_report.render(comparison))
    else:
        print_comparison(comparison, out)


stories_app = typer.Typer(add_completion=False, invoke_without_command=True, pretty_exceptions_enable=False,
                          help="List stories (no subcommand) or build them from batch output (`stories build DIR`).")
app.add_typer(stories_app, name="stories")


@stories_app.callback()
@guarded
def stories(ctx: typer.Context, db: str = DbOption,
            json_out: bool = typer.Option(False, "--json", help="Print stories as JSON."),
            regroup: bool = typer.Option(False, "--regroup", help="First group stored articles that have no story "
                                         "(what an interrupted ingest left)."),
            prepare: bool = typer.Option(False, "--prepare", help="Analyse and compare every story now and store "
                                         "the result, so the web app serves it at once."),
            set_: Optional[list[str]] = SetOption) -> None:
    """List stories with their articles, outlet count and first/last seen."""
    if ctx.invoked_subcommand is not None:
        return
    settings = _settings(set_)
    with Store(db) as store:
        if regroup:
            from .pipeline import group_into_stories  # loads the models: only when grouping

            assigned = group_into_stories(store, None, settings)
            err.print(f"grouped {len(assigned)} article(s) that had no story", markup=False)
        rows = store.list_stories()
        if prepare:
            from .web.app import prepare_story  # the web layer renders the stored page (loaded only here)

            for row in rows:
                try:
                    prepare_story(store, row["id"], settings)
                except InputError as exc:  # a story of one article has nothing to compare
                    err.print(exc.one_line(), markup=False)
    if json_out:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
        return
    if not rows:
        out.print("no stories yet", markup=False)
    for row in rows:
        out.print(f"[bold]{row['id']}[/bold]  {row['title'] or ''}  ({row['outlets']} outlets, "
                  f"{row['first_seen'] or '?'} → {row['last_seen'] or '?'})")
        for a in row["articles"]:
            out.print(f"    {a['id']}  {a['outlet'] or '-'}  {a['title'] or a['source']}", markup=False)


@stories_app.command("build")
@guarded
def stories_build(out_dir: Path = typer.Argument(..., help="A `newsprism batch` output folder."),
                  set_: Optional[list[str]] = SetOption,
                  json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON.")) -> None:
    """Group the articles of a batch output folder into stories; write DIR/stories.parquet."""
    from .batch import build_stories

    summary = build_stories(out_dir, _settings(set_))
    if json_out:
        out.print_json(json.dumps(summary.as_dict()))
    else:
        out.print(f"{summary.articles} articles · {summary.stories} stories · {summary.seconds:.1f} s · "
                  f"wrote {summary.path}", markup=False)


@app.command()
@guarded
def batch(inputs: list[str] = typer.Argument(..., help="JSONL, WARC, Parquet files, globs or folders of files."),
          out_dir: Path = typer.Option(..., "--out", help="Output folder: one Parquet folder per table."),
          engine: str = typer.Option("local", "--engine", help="local (process pool) or ray (Ray Data)."),
          address: Optional[str] = typer.Option(None, "--address", help="Ray cluster address (default: start one)."),
          workers: int = typer.Option(1, "--workers", help="Worker processes (local; 0 = in this process) or actors (ray)."),
          set_: Optional[list[str]] = SetOption,
          json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON.")) -> None:
    """Analyse many articles into Parquet tables (resumable: shards already in DIR's manifest are skipped)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .batch import OutputDir, pending, plan_shards, run_batch

    settings = _settings(set_)
    todo, _done = pending(plan_shards(inputs, settings), OutputDir(out_dir, settings))
    with Progress(TextColumn("batch"), BarColumn(), MofNCompleteColumn(), TextColumn("shards"),
                  TextColumn("{task.fields[articles]} articles · {task.fields[rate]:.1f}/s"), TimeElapsedColumn(),
                  console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("batch", total=len(todo), articles=0, rate=0.0)

        def on_shard(row: dict[str, Any]) -> None:
            progress.update(task, advance=1, articles=row["articles"], rate=row["articles_per_s"])

        summary = run_batch(inputs, out_dir, engine=engine, workers=workers, address=address, settings=settings,
                            on_shard=on_shard)
    if json_out:
        out.print_json(json.dumps(summary.as_dict()))
    else:
        out.print(f"shards {summary.shards} written · {summary.skipped_shards} already done · "
                  f"articles {summary.articles} · failures {summary.failures} · "
                  f"{summary.rate:.2f} articles/s", markup=False)


@app.command()
@guarded
def export(db: str = DbOption,
           parquet: Path = typer.Option(..., "--parquet", help="Folder to write the store's tables to.")) -> None:
    """Write the SQLite store's tables as Parquet files (the batch tables from stored analyses, and the rest)."""
    from .batch import export_store

    with Store(db) as store:
        counts = export_store(store, parquet)
    out.print(" · ".join(f"{name} {n}" for name, n in counts.items()), markup=False)


@app.command()
@guarded
def watch(feeds: Optional[list[str]] = typer.Argument(
              None, help="Feed URLs, or an OPML file (default: the feeds watched from the web app)."),
          db: str = DbOption,
          once: bool = typer.Option(False, "--once", help="Poll every feed once and stop."),
          interval: float = typer.Option(300.0, help="Seconds between polls of one host."),
          set_: Optional[list[str]] = SetOption) -> None:
    """Poll feeds politely, ingest new articles and assign them to stories."""
    from .watch import watch as run_watch

    settings = _settings(set_)
    with Store(db) as store:
        if not feeds:
            feeds = store.watched_feeds()
            if not feeds:
                raise InputError("no feeds given and none watched (add some with the web app's Feeds page)",
                                 source=db, reason="no_feeds")
        results = run_watch(feeds, store, settings, once=once, interval=interval,
                            log=lambda line: err.print(line, markup=False))
    if once:
        new = sum(len(r.new_articles) for r in results)
        failed = sum(1 for r in results if r.status == "error")
        out.print(f"polled {len(results)} feed(s) · {new} new article(s) · {failed} failed", markup=False)
        if results and failed == len(results):
            raise typer.Exit(2)


@app.command()
@guarded
def serve(db: str = DbOption, host: str = typer.Option("127.0.0.1", help="Address to listen on."),
          port: int = typer.Option(8000, help="Port to listen on."),
          allowed_host: Optional[list[str]] = typer.Option(
              None, "--allowed-host", help="A Host name clients use (required when bound beyond loopback)."),
          set_: Optional[list[str]] = SetOption) -> None:
    """Serve the web app over the store (stops promptly on SIGTERM or Ctrl-C)."""
    import uvicorn

    from .web.app import LOOPBACK_HOSTS, create_app

    settings = _settings(set_)
    if host not in LOOPBACK_HOSTS and not allowed_host:
        raise ValueError(f"bound to {host}, beyond loopback: name the host names clients will use with "
                         "--allowed-host (the app answers no other Host header)")
    hosts = list(LOOPBACK_HOSTS) + list(allowed_host or [])
    token = None
    if host not in LOOPBACK_HOSTS:  # reachable by others: changes (compare jobs, feeds) need a token
        token = os.environ.get("NEWSPRISM_WRITE_TOKEN") or secrets.token_urlsafe(24)
        err.print(f"write token (compare and feed changes need it): {token}", markup=False)
    uvicorn.run(create_app(db, settings, allowed_hosts=hosts, write_token=token), host=host, port=port,
                log_level="warning",
                timeout_graceful_shutdown=max(1, round(settings.web_shutdown_grace)))


@app.command("settings")
@guarded
def settings_cmd() -> None:
    """List every setting with its default and meaning."""
    for s in SETTINGS:
        out.print(f"{s.name} = {s.default!r}\n    {s.help}", markup=False)


def main() -> None:  # console-script entry point
    nlp.spacy_without_torch()
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
