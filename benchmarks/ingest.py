"""Extraction speed: 1,000 generated HTML pages and 1,000 text articles (articles/s, peak memory)."""

from __future__ import annotations

import random

from _util import fake_article, timed

from newsprism.extract import extract
from newsprism.records import RawDocument

N = 1000


def html_page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title><meta property='og:site_name' content='Bench Gazette'></head><body>"
            f"<nav><a href='/'>Home</a><a href='/news'>News</a></nav><article><h1>{title}</h1>{body}</article>"
            f"<aside class='related'><h3>Related posts</h3><ul><li>Other Story One</li><li>Other Story Two</li></ul></aside>"
            f"<div class='cookie'>We use cookies. Accept all</div></body></html>")


def main() -> None:
    rng = random.Random(7)
    pages = [html_page(*fake_article(rng)) for _ in range(N)]
    texts = []
    for _ in range(N):
        title, paragraphs = fake_article(rng)
        texts.append("\n\n".join([title, *paragraphs, "Related posts", "Some Other Headline", "Leave a Reply"]))
    with timed(f"extract {N} HTML pages", N):
        for i, page in enumerate(pages):
            extract(RawDocument(source=f"p{i}.html", data=page.encode(), kind="html"))
    with timed(f"extract {N} text articles", N):
        for i, text in enumerate(texts):
            extract(RawDocument(source=f"t{i}.txt", data=text.encode(), kind="text"))


if __name__ == "__main__":
    main()
