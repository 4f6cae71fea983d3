"""Names: slugs and entity ids, honorific stripping, nationality and acronym matching."""

from __future__ import annotations

import re
import unicodedata

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "mx", "rev", "mr.", "mrs.",
              "ms.", "dr."}
_TYPE_PREFIX = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group"}


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def entity_id(etype: str, name: str) -> str:
    return f"{_TYPE_PREFIX.get(etype, etype.lower())}:{slug(name)}"


def clean_name(text: str) -> str:
    """Strip possessives, a leading article, honorifics and stray punctuation."""
    text = text.split(" (")[0]  # "World Trade Organization (WHO" → the name before the bracket
    text = re.sub(r"[’']s$", "", text.strip())
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    words = text.split()
    while words and words[0].lower().rstrip(".") in {h.rstrip(".") for h in HONORIFICS}:
        words = words[1:]
    return " ".join(words).strip(" ,.;:()“”\"'‘’")


def nat_match(a: str, b: str) -> bool:
    """Nationality words that name one country: Russia/Russian, China/Chinese, Ukraine/Ukrainian."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 4 and n >= min(len(a), len(b)) - 2


def is_acronym_of(short: str, long: str) -> bool:
    if not (short.isupper() and 2 <= len(short) <= 6) or " " in short:
        return False
    words = [w for w in re.split(r"[\s-]+", long) if w and w[0].isupper()]
    return "".join(w[0] for w in words).upper() == short
