"""One exception root for newsprism, with stable codes.

Every error carries a code users can search for (``NP101``), a short machine
``reason`` (the value stored in a skipped record's ``reason``), the exit code
the CLI returns, and the source or article it concerns.

Tree::

    NewsprismError
    ├── InputError            bad input: the article is skipped, the batch goes on
    │   ├── EmptyInput        NP101 empty
    │   ├── BinaryInput       NP102 binary
    │   ├── TooLarge          NP103 too_large
    │   ├── NotEnglish        NP104 not_english
    │   ├── NoContent         NP105 no_content
    │   ├── Unreadable        NP106 unreadable
    │   ├── TimedOut          NP107 timeout (one article's extraction or analysis ran past its time budget)
    │   ├── FetchFailed       NP110 fetch_failed / timeout / http_error / bad_content_type /
    │   │                     bad_content_encoding / private_address / too_many_redirects
    │   └── MalformedInput    NP120 malformed (a broken feed, WARC or JSONL line)
    ├── ModelMissing          NP201 a model package is not installed
    ├── StoreError            NP301 the database cannot be opened or written
    ├── NotFound              NP401 an id that is not in the store
    └── ConfigError           NP501 a bad setting, an unknown registry name or a stage order that cannot run
        ├── SettingError      NP502 unknown setting or a value of the wrong type
        └── StageOrderError   NP503 a stage needs what no earlier stage assigns, or returned the wrong type
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Root of every error newsprism raises on purpose."""

    code = "NP100"
    reason = "error"
    exit_code = 1

    def __init__(self, message: str, *, source: str | None = None, reason: str | None = None,
                 article_id: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.article_id = article_id
        if reason is not None:
            self.reason = reason

    def one_line(self) -> str:
        """The single line the CLI prints on stderr."""
        where = f" [{self.source}]" if self.source else ""
        text = " ".join(self.message.split())
        return f"error {self.code} ({self.reason}){where}: {text}"


class InputError(NewsprismError):
    code = "NP100"
    reason = "bad_input"
    exit_code = 2


class EmptyInput(InputError):
    code = "NP101"
    reason = "empty"


class BinaryInput(InputError):
    code = "NP102"
    reason = "binary"


class TooLarge(InputError):
    code = "NP103"
    reason = "too_large"


class NotEnglish(InputError):
    code = "NP104"
    reason = "not_english"


class NoContent(InputError):
    code = "NP105"
    reason = "no_content"


class Unreadable(InputError):
    code = "NP106"
    reason = "unreadable"


class TimedOut(InputError):
    code = "NP107"
    reason = "timeout"


class FetchFailed(InputError):
    code = "NP110"
    reason = "fetch_failed"


class MalformedInput(InputError):
    code = "NP120"
    reason = "malformed"


class ModelMissing(NewsprismError):
    code = "NP201"
    reason = "model_missing"
    exit_code = 3


class StoreError(NewsprismError):
    code = "NP301"
    reason = "store_error"
    exit_code = 4


class NotFound(NewsprismError):
    code = "NP401"
    reason = "not_found"
    exit_code = 5



class ConfigError(NewsprismError):
    code = "NP501"
    reason = "config_error"
    exit_code = 2  # a usage error, like a bad option


class SettingError(ConfigError):
    code = "NP502"
    reason = "bad_setting"


class StageOrderError(ConfigError):
    code = "NP503"
    reason = "stage_order"
