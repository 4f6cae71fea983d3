"""Every threshold and option newsprism uses, as one declarative list.

The same list drives validation, the ``newsprism settings`` command and the docs
(``tests/test_settings.py`` fails when a setting has no help). Override any of
them with ``--set NAME=VALUE`` on the CLI or ``Settings(name=value)`` in code.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    # -- reading ---------------------------------------------------------------------------
    Setting("max_bytes", 10_000_000, "Largest input (bytes) read from a file, URL or record; larger is skipped as too_large."),
    Setting("fetch_timeout", 15.0, "Seconds before a URL fetch gives up (connect and read)."),
    Setting("max_redirects", 5, "Redirects a URL fetch follows before failing."),
    Setting("allow_private_urls", False, "Allow fetching loopback/private addresses (off: such URLs are refused)."),
    Setting("user_agent", "newsprism/0.1 (+https://github.com/newsprism)", "User-Agent header sent when fetching."),
    Setting("binary_control_ratio", 0.10, "Share of control bytes in the first 8 KB above which input is binary."),
    # -- cleaning --------------------------------------------------------------------------
    Setting("boilerplate_threshold", 1.0, "Score at which a line is dropped as boilerplate by the text cleaner."),
    Setting("boilerplate_max_words", 60, "Lines longer than this are never treated as boilerplate."),
    Setting("tail_fraction", 0.25, "Final share of a document where trailing boilerplate gets a position bonus."),
    Setting("headline_max_words", 25, "A first line longer than this is not read as a title."),
    Setting("related_headline_max_words", 30, "A line under a 'Related posts' heading longer than this ends the list."),
    Setting("max_analysis_chars", 1_000_000, "Longest cleaned text analysed (spaCy's limit); longer is skipped as too_large."),
    Setting("min_words", 20, "Articles with fewer words in their cleaned text are skipped as no_content."),
    Setting("min_language_chars", 40, "Texts shorter than this are assumed English (too short to detect)."),
    Setting("english_min_share", 0.5, "Share of English the language detector must see for an article to be kept."),
    # -- quotes and entities ----------------------------------------------------------------
    Setting("scare_quote_max_words", 3, "A quoted span of at most this many words with no speaker or cue is a scare quote."),
    Setting("quote_speaker_window", 2, "Sentences before a quote searched for its speaker when none is in its own sentence."),
    # -- claims and alignment ---------------------------------------------------------------
    Setting("aligner", "embedding.v1", "Claim aligner by registry name."),
    Setting("same_fact_min", 0.55, "Combined score above which two claims are the same fact."),
    Setting("paraphrase_min", 0.40, "Combined score above which two mutually-best claims are a paraphrase of one fact."),
    Setting("conflict_min", 0.45, "Combined score above which two claims with different values are a conflict."),
    Setting("embedding_weight", 0.5, "Weight of sentence-embedding cosine in the combined alignment score."),
    Setting("term_weight", 0.3, "Weight of shared rare content words (share of the shorter claim's) in the score."),
    Setting("entity_weight", 0.1, "Weight of shared entities (rarity-weighted) in the combined alignment score."),
    Setting("number_weight", 0.2, "Weight of a shared number of the same measure (e.g. 'more than 30 pages')."),
    Setting("inconsistency_min", 0.33, "Score at which two claims of one article giving different numbers disagree."),
    Setting("quote_variant_min", 0.55, "Similarity at which two quotes by one speaker are the same utterance."),
    # -- stories ----------------------------------------------------------------------------
    Setting("story_join_min", 0.55, "Score at which an article joins an existing story."),
    Setting("story_window_days", 7, "Days around a story's first/last article within which new articles may join it."),
    Setting("story_neighbours", 10, "Nearest stories considered for each new article."),
    Setting("story_merge_min", 0.70, "Score at which two stories are merged into one."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


class Settings:
    """Settings with defaults from :data:`SETTINGS`; unknown names are rejected."""

    def __init__(self, **overrides: Any) -> None:
        values = {s.name: s.default for s in SETTINGS}
        for name, value in overrides.items():
            if name not in _BY_NAME:
                raise ValueError(f"unknown setting {name!r}")
            values[name] = _coerce(_BY_NAME[name], value)
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self.__dict__["_values"][name]
        except KeyError:
            raise AttributeError(name) from None

    def replace(self, **overrides: Any) -> "Settings":
        merged = dict(self._values)
        merged.update(overrides)
        return Settings(**merged)

    def as_dict(self) -> dict[str, Any]:
        return dict(self._values)

    @classmethod
    def from_pairs(cls, pairs: list[str] | None) -> "Settings":
        """Parse ``NAME=VALUE`` strings (the CLI's ``--set``)."""
        overrides: dict[str, Any] = {}
        for pair in pairs or []:
            name, sep, value = pair.partition("=")
            if not sep:
                raise ValueError(f"--set expects NAME=VALUE, got {pair!r}")
            overrides[name.strip()] = value.strip()
        return cls(**overrides)


def _coerce(setting: Setting, value: Any) -> Any:
    kind = type(setting.default)
    if isinstance(value, kind):
        return value
    if kind is bool:
        text = str(value).lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise ValueError(f"setting {setting.name} expects true/false, got {value!r}")
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise ValueError(f"setting {setting.name} expects {kind.__name__}, got {value!r}") from None


DEFAULT = Settings()


def markdown_table() -> str:
    """The settings as a Markdown table (pasted into the README; a test checks it lists them all)."""
    rows = ["| setting | default | meaning |", "|---|---|---|"]
    rows += [f"| `{s.name}` | `{s.default!r}` | {s.help} |" for s in SETTINGS]
    return "\n".join(rows)


if __name__ == "__main__":  # python -m newsprism.settings
    print(markdown_table())
