"""A news story the page tests write into their HTML (site tags, date order): four paragraphs and a headline,
and the one call that reads a page as newsprism does."""

from __future__ import annotations

from newsprism.extract import extract
from newsprism.records import Article, RawDocument

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge to heavy traffic from next month.",
    "Engineers told the council that the steel frame had corroded faster than expected after two wet winters.",
    "Residents on both banks said the closure would add twenty minutes to the school run each morning.",
    "The mayor said a temporary ferry would run every quarter of an hour until the repairs were finished.",
]
HEADLINE = "Council closes harbour bridge to lorries"


def read(html: str) -> Article:
    return extract(RawDocument(source="page.html", data=html.encode("utf-8"), kind="html"))
