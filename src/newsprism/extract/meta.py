"""Metadata helpers: dates to ``YYYY-MM-DD``, language detection."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..settings import DEFAULT, Settings

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: str | None) -> str | None:
    """A date string in any common form → ``YYYY-MM-DD``; None when it is not a full date."""
    if not value:
        return None
    value = value.strip()
    m = _ISO.match(value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    from dateutil import parser

    try:
        # Two different defaults: a date that lacks its day or year comes out differently.
        a = parser.parse(value, fuzzy=False, default=dt.datetime(1900, 1, 1))
        b = parser.parse(value, fuzzy=False, default=dt.datetime(1904, 2, 2))
    except (ValueError, OverflowError):
        return None
    if a.date() != b.date():
        return None
    return a.date().isoformat()


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, settings: Settings = DEFAULT) -> tuple[str, float]:
    """ISO 639-1 code and probability (py3langid); short texts are assumed English."""
    sample = text[:5000]
    if len(sample.strip()) < settings.min_language_chars:
        return "en", 0.0
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)
