"""eventwire: turn news into PLOVER event data.

The public Python API: ``code_text`` for one text, ``code_articles`` for a stream,
``code_files`` for paths; the typed records they return; and the exception tree.
"""

__version__ = "0.1.0"

from .errors import EventwireError  # noqa: E402
from .records import Article, CodedArticle, Entity, Event, Failure, Place, Quote, Span  # noqa: E402


def __getattr__(name: str):
    # The pipeline imports spaCy; load it only when asked for, so `import eventwire`
    # stays cheap for users who only read stored data.
    if name in ("code_text", "code_articles", "code_files", "Options", "RunSummary"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


__all__ = [
    "Article", "CodedArticle", "Entity", "Event", "EventwireError", "Failure", "Options", "Place",
    "Quote", "RunSummary", "Span", "code_articles", "code_files", "code_text", "__version__",
]
