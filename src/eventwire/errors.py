"""One exception tree for eventwire, with stable error codes.

The CLI turns any :class:`EventwireError` into one line and a non-zero exit code;
the REST API into one JSON error shape ``{"error": {"code", "message"}}``. Batch
runs record a :class:`~eventwire.records.Failure` with the same code and go on.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, doc_id: str | None = None, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.doc_id = doc_id
        self.source = source

    def __str__(self) -> str:  # one line, always
        return f"[{self.code}] {self.message}".replace("\n", " ")


# --- input (ingest) -------------------------------------------------------------
class InputError(EventwireError):
    code = "E100"


class EmptyInputError(InputError):
    code = "E101"


class BinaryInputError(InputError):
    code = "E102"


class InputTooLargeError(InputError):
    code = "E103"


class MalformedRecordError(InputError):
    code = "E104"


class EncodingError(InputError):
    code = "E105"


class LanguageError(InputError):
    code = "E106"


class UnreadableInputError(InputError):
    code = "E107"


# --- configuration and knowledge --------------------------------------------------
class ConfigError(EventwireError):
    code = "E200"


class ModelNotFoundError(ConfigError):
    code = "E201"


class KnowledgeFileError(ConfigError):
    code = "E202"


# --- processing -------------------------------------------------------------------
class ProcessingError(EventwireError):
    code = "E300"


# --- store ------------------------------------------------------------------------
class StoreError(EventwireError):
    code = "E400"


class ReadOnlyQueryError(StoreError):
    code = "E401"


# --- evaluation -------------------------------------------------------------------
class GoldFormatError(EventwireError):
    code = "E500"
