"""newsprism: see how different news outlets tell the same story.

The public API (see ``newsprism.api``): :func:`read`, :func:`read_text`, :func:`analyze`,
:func:`compare`, :class:`Store`, :class:`Settings`, the records and the error tree.
"""

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

__all__ = [
    "DEFAULT", "AnalyzedArticle", "Article", "BinaryInput", "Claim", "Comparison", "ConfigError", "EmptyInput",
    "Entity", "Fact", "FetchFailed", "FramingCue", "InputError", "Issue", "MalformedInput", "ModelMissing",
    "NewsprismError", "NoContent", "NotEnglish", "NotFound", "Quote", "RawDocument", "Sentence", "SettingError",
    "Settings", "StageOrderError", "Store", "StoreError", "TooLarge", "Unreadable", "Value", "analyze", "compare",
    "read", "read_text",
]
