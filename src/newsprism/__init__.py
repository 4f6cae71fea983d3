"""newsprism: see how different news outlets tell the same story.

The public API (see ``newsprism.api``): :func:`read`, :func:`read_text`, :func:`analyze`,
:func:`compare`, :class:`Store`, :class:`Settings`, the records and the error tree.

Names load on first use (PEP 562), so ``import newsprism`` and the light commands (``--help``,
``list``, ``stories``, ``settings``) import neither spaCy nor torch.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .api import Store, analyze, compare, read, read_text
    from .errors import (
        BinaryInput,
        ConfigError,
        EmptyInput,
        FetchFailed,
        InputError,
        MalformedInput,
        ModelMissing,
        NewsprismError,
        NoContent,
        NotEnglish,
        NotFound,
        SettingError,
        StageOrderError,
        StoreError,
        TooLarge,
        Unreadable,
    )
    from .records import (
        AnalyzedArticle,
        Article,
        Claim,
        Comparison,
        Entity,
        Fact,
        FramingCue,
        Issue,
        Quote,
        RawDocument,
        Sentence,
        Value,
    )
    from .settings import DEFAULT, Settings

__version__ = "0.2.0"

_HOMES: dict[str, str] = {
    **dict.fromkeys(("Store", "analyze", "compare", "read", "read_text"), "api"),
    **dict.fromkeys(("BinaryInput", "ConfigError", "EmptyInput", "FetchFailed", "InputError", "MalformedInput",
                     "ModelMissing", "NewsprismError", "NoContent", "NotEnglish", "NotFound", "SettingError",
                     "StageOrderError", "StoreError", "TooLarge", "Unreadable"), "errors"),
    **dict.fromkeys(("AnalyzedArticle", "Article", "Claim", "Comparison", "Entity", "Fact", "FramingCue", "Issue",
                     "Quote", "RawDocument", "Sentence", "Value"), "records"),
    **dict.fromkeys(("DEFAULT", "Settings"), "settings"),
}

__all__ = [
    "DEFAULT", "AnalyzedArticle", "Article", "BinaryInput", "Claim", "Comparison", "ConfigError", "EmptyInput",
    "Entity", "Fact", "FetchFailed", "FramingCue", "InputError", "Issue", "MalformedInput", "ModelMissing",
    "NewsprismError", "NoContent", "NotEnglish", "NotFound", "Quote", "RawDocument", "Sentence", "SettingError",
    "Settings", "StageOrderError", "Store", "StoreError", "TooLarge", "Unreadable", "Value", "analyze", "compare",
    "read", "read_text",
]


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use (PEP 562) and keep the name here."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'newsprism' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """``newsprism.compare`` is the API function, as when this package imported the API eagerly; importing
    the subpackage of the same name (``newsprism.compare``) does not replace it."""

    @property
    def compare(self) -> Any:
        return importlib.import_module(f"{__name__}.api").compare

    @compare.setter
    def compare(self, value: Any) -> None:
        pass  # the import system records the subpackage here; sys.modules still has it


sys.modules[__name__].__class__ = _Package
