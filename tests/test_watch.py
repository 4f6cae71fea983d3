"""The watch loop against feeds served on loopback: up, down, malformed, repeated items, restart."""

from __future__ import annotations

import pytest

from newsprism.settings import Settings
from newsprism.store import Store
from newsprism.watch import Watcher, read_feed_list

from .conftest import respond

pytestmark = pytest.mark.slow
LOCAL = Settings(allow_private_urls=True, fetch_timeout=2.0)
BODY = ("The harbour master said on {day} that the new ferry timetable would add two crossings a day to the "
        "island route from next month, after complaints from commuters about crowded boats. The operator said "
        "the extra sailings would use the older vessel while the new ferry is repaired, and that fares would not "
        "change this year. Island councillors welcomed the plan but asked for a winter review.")


def _item(n: int) -> str:
    return (f"<item><title>Ferry timetable change number {n}</title><link>http://example.test/{n}</link>"
            f"<guid>item-{n}</guid><pubDate>Mon, 0{n} Jun 2026 08:00:00 GMT</pubDate>"
            f"<description><![CDATA[<p>{BODY.format(day=f'day {n}')}</p>]]></description></item>")


def _feed(*items: int) -> bytes:
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Island News</title><link>http://x</link>"
            f"<description>d</description>{''.join(_item(i) for i in items)}</channel></rss>").encode()


class _Clock:
    def __init__(self) -> None:
        self.t = 1_000_000.0

    def __call__(self) -> float:
        return self.t

    def sleep(self, s: float) -> None:
        self.t += s


def test_watch_up_down_malformed_repeated_and_restart(tmp_path, http_server):
    state = {"items": (1, 2), "etag_hits": 0}

    def feed_route(handler):  # type: ignore[no-untyped-def]
        etag = '"v-%s"' % "-".join(str(i) for i in state["items"])
        if handler.headers.get("If-None-Match") == etag:
            state["etag_hits"] += 1
            handler.send_response(304)
            handler.end_headers()
            return
        body = _feed(*state["items"])
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        handler.send_header("ETag", etag)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    base = http_server({"/feed.xml": feed_route, "/down.xml": respond(b"oops", "text/html", status=503),
                        "/garbage.xml": respond(b"\x00\x01 not a feed at all", "application/rss+xml")})
    feeds = [f"{base}/feed.xml", f"{base}/down.xml", f"{base}/garbage.xml"]
    db = tmp_path / "w.db"
    clock = _Clock()
    lines: list[str] = []
    with Store(db) as store:
        w = Watcher(store, LOCAL, interval=60, clock=clock, sleep=clock.sleep, log=lines.append)
        first = {r.feed: r for r in w.run(feeds, once=True)}
        assert len(first[feeds[0]].new_articles) == 2
        assert first[feeds[1]].status == "error" and first[feeds[2]].status == "error"
        assert store.count() == 2
        # the same items again: a 304, nothing new
        again = {r.feed: r for r in w.run(feeds, once=True)}
        assert again[feeds[0]].status == "not_modified" and state["etag_hits"] == 1
        # backoff: a failing feed waits longer after each error
        rows = {r["url"]: dict(r) for r in store.db.execute("SELECT * FROM feeds")}
        assert rows[feeds[1]]["errors"] == 2
        # a healthy feed is due again after one interval, the failing one after 2^2 intervals
        assert rows[feeds[1]]["next_poll"] - rows[feeds[0]]["next_poll"] >= 60 * 4 - 60 - 1
        assert rows[feeds[0]]["errors"] == 0
    # restart with a new item and a repeated one: only the new one is stored
    state["items"] = (2, 3)
    with Store(db) as store:
        w = Watcher(store, LOCAL, interval=60, clock=clock, sleep=clock.sleep, log=lines.append)
        third = {r.feed: r for r in w.run(feeds, once=True)}
        assert len(third[feeds[0]].new_articles) == 1 and third[feeds[0]].duplicates == 0
        assert store.count() == 3
        n_entries = store.db.execute("SELECT COUNT(*) FROM feed_entries").fetchone()[0]
        assert n_entries == 3
        assert store.db.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0] == 3
    assert any("NP110" in line for line in lines) and any("NP120" in line or "NP102" in line for line in lines)


def test_watch_politeness_waits_per_host(http_server):
    base = http_server({"/a.xml": respond(_feed(1), "application/rss+xml"),
                        "/b.xml": respond(_feed(2), "application/rss+xml")})
    clock = _Clock()
    with Store(":memory:") as store:
        w = Watcher(store, LOCAL, interval=30, clock=clock, sleep=clock.sleep)
        start = clock.t
        w.run([f"{base}/a.xml", f"{base}/b.xml"], once=True)
        assert clock.t - start >= 30  # the second request to the same host waited its turn


def test_watch_reads_opml(tmp_path):
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline text="a" xmlUrl="http://a.test/rss"/>'
                    '<outline text="g"><outline text="b" xmlUrl="http://b.test/atom"/></outline></body></opml>')
    assert read_feed_list([str(opml), "http://c.test/feed"]) == ["http://a.test/rss", "http://b.test/atom",
                                                                   "http://c.test/feed"]


def test_watch_entry_link_redirecting_to_loopback_is_refused(http_server, fake_internet):
    """SSRF: a feed on a public host whose entry link redirects to a loopback service."""
    hits: list[str] = []
    secret_page = f"<html><body><article><p>{BODY.format(day='admin')}</p></article></body></html>".encode()

    def secret(handler):  # type: ignore[no-untyped-def]
        hits.append(handler.path)
        respond(secret_page)(handler)

    internal = http_server({"/admin": secret})

    def hop(handler):  # type: ignore[no-untyped-def]
        handler.send_response(302)
        handler.send_header("Location", f"{internal}/admin")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><title>Public</title><link>http://public.test/</link>"
            b"<description>d</description><item><title>Short</title><link>http://public.test/go</link>"
            b"<guid>go-1</guid><description>too short to be the article</description></item></channel></rss>")
    public = http_server({"/feed.xml": respond(feed, "application/rss+xml"), "/go": hop})
    fake_internet.names["public.test"] = [["93.184.216.34"]]
    fake_internet.routes[("93.184.216.34", 80)] = ("127.0.0.1", int(public.rsplit(":", 1)[1]))
    lines: list[str] = []
    clock = _Clock()
    with Store(":memory:") as store:
        w = Watcher(store, Settings(fetch_timeout=2.0), interval=1, clock=clock, sleep=clock.sleep, log=lines.append)
        (result,) = w.run(["http://public.test/feed.xml"], once=True)
        assert result.status == "new" and result.new_articles == []
        assert store.count() == 0
    assert hits == []  # the loopback service was never asked
    assert any("private_address" in line for line in lines)
