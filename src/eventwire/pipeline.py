"""The whole path from articles to coded events, as a stream.

``code_articles`` takes Articles (and passes Failures through untouched), parses
them in batches with ``nlp.pipe`` and codes each one. A document that breaks any
stage becomes a :class:`~eventwire.records.Failure` with its reason; the stream
goes on. The CLI, the REST API and the Python API all run this one function.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from . import __version__
from .coder import Coder
from .confidence import read_model
from .errors import EventwireError, InputTooLargeError, ProcessingError
from .ingest import IngestOptions, article_from_text, read_inputs
from .nlp import DEFAULT_MODEL, load_pipeline
from .patterns import patterns_for
from .records import Article, CodedArticle, Event, Failure

log = logging.getLogger(__name__)

# Files whose content changes what the coder outputs: a new version re-codes stored articles.
_KNOWLEDGE_FILES = ("verbs.yaml", "ontology.yaml", "contexts.yaml", "countries.yaml", "agents.yaml", "actors.yaml",
                    "speech_verbs.yaml", "places_extra.yaml", "confidence.yaml")


@dataclass(slots=True)
class Options:
    """One options object that flows through every stage."""

    model: str = DEFAULT_MODEL
    batch_size: int = 16
    patterns: tuple[str, ...] = ()  # extra verbs.yaml-shaped files, tried before ours
    actor_files: tuple[str, ...] = ()  # extra actor knowledge (our YAML or PETRARCH dictionaries)
    confidence_file: str | None = None  # confidence weights in place of data/confidence.yaml
    max_chars: int = 1_000_000  # longer texts are refused: the parser's memory grows with length
    keep_historical: bool = False  # also code events dated 2+ years before the article
    ingest: IngestOptions = field(default_factory=IngestOptions)


@dataclass(slots=True)
class RunSummary:
    documents: int = 0
    sentences: int = 0
    words: int = 0
    events: int = 0
    quotes: int = 0
    skipped: int = 0  # already stored with this coder version (resumed runs)
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, item: CodedArticle | Failure) -> None:
        if isinstance(item, Failure):
            self.failures.append(item)
            return
        self.documents += 1
        self.sentences += item.n_sentences
        self.words += item.n_words
        self.events += len(item.events)
        self.quotes += len(item.quotes)

    @property
    def articles_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (
            f"{self.documents} documents, {self.sentences} sentences, {self.events} events, "
            f"{self.quotes} quotes, {len(self.failures)} failures"
            + (f", {self.skipped} already stored" if self.skipped else "")
            + f" in {self.seconds:.1f}s ({self.articles_per_second:.1f} articles/s)"
        )


def coder_version(options: Options | None = None) -> str:
    """eventwire's version plus a digest of the knowledge it codes with."""
    h = hashlib.sha1()
    data = resources.files("eventwire.data")
    for name in _KNOWLEDGE_FILES:
        f = data.joinpath(name)
        if f.is_file():
            h.update(f.read_bytes())
    opts = options or Options()
    for extra in (*opts.patterns, *opts.actor_files, *([opts.confidence_file] if opts.confidence_file else [])):
        h.update(Path(extra).read_bytes())
    h.update(opts.model.encode())
    h.update(b"historical" if opts.keep_historical else b"")
    return f"{__version__}+{h.hexdigest()[:10]}"


_CODERS: dict[tuple, Coder] = {}


def get_coder(options: Options | None = None) -> Coder:
    """The process's coder for these options (built once: loading knowledge is not free)."""
    opts = options or Options()
    key = (opts.patterns, opts.actor_files, opts.model, opts.keep_historical, opts.confidence_file)
    coder = _CODERS.get(key)
    if coder is None:
        from .resolve.actors import ActorResolver, KnowledgeBase

        kb = KnowledgeBase.load(extra_paths=[Path(p) for p in opts.actor_files]) if opts.actor_files else None
        confidence = read_model(opts.confidence_file) if opts.confidence_file else None
        coder = Coder(patterns_for(opts.patterns), resolver=ActorResolver(kb), coder_version=coder_version(opts),
                      keep_historical=opts.keep_historical, confidence_model=confidence)
        _CODERS[key] = coder
    return coder


def _failure(article: Article, exc: Exception, stage: str) -> Failure:
    if isinstance(exc, EventwireError):
        code, msg = exc.code, exc.message
    else:
        code, msg = ProcessingError.code, f"{type(exc).__name__}: {exc}"
    return Failure(doc_id=article.id, source=article.source, stage=stage, code=code,
                   reason=" ".join(str(msg).split())[:500])


def code_articles(
    items: Iterable[Article | Failure],
    *,
    options: Options | None = None,
    skip: "callable[[Article], bool] | None" = None,
) -> Iterator[CodedArticle | Failure]:
    """Code a stream of articles, in order. Failures in, failures out; nothing is dropped.

    ``skip(article)`` returning True leaves an article out without coding it (used to
    resume a run against a store); it is neither yielded nor counted as a failure.
    """
    opts = options or Options()
    nlp = load_pipeline(opts.model)
    coder = get_coder(opts)

    def parseable() -> Iterator[tuple[str, Article] | Failure]:
        for item in items:
            if isinstance(item, Failure):
                yield item
            elif skip is not None and skip(item):
                continue
            elif len(item.text) > opts.max_chars:
                yield _failure(item, InputTooLargeError(
                    f"text has {len(item.text):,} characters; the limit is {opts.max_chars:,} (--max-chars)"), "nlp")
            else:
                yield (item.text, item)

    batch: list[tuple[str, Article]] = []
    for item in parseable():
        if isinstance(item, Failure):
            yield from _code_batch(nlp, coder, batch, opts)
            batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= opts.batch_size:
            yield from _code_batch(nlp, coder, batch, opts)
            batch = []
    yield from _code_batch(nlp, coder, batch, opts)


def _code_batch(nlp, coder: Coder, batch: list[tuple[str, Article]], opts: Options) -> Iterator[CodedArticle | Failure]:
    if not batch:
        return
    try:
        docs = list(nlp.pipe((t for t, _ in batch), batch_size=opts.batch_size))
    except Exception:  # one document broke the parser: parse one by one to find it
        docs = []
        for text, art in batch:
            try:
                docs.append(nlp(text))
            except Exception as exc:  # noqa: BLE001 - recorded as a failure, batch goes on
                docs.append(_failure(art, exc, "nlp"))
    for doc, (_, article) in zip(docs, batch):
        if isinstance(doc, Failure):
            yield doc
            continue
        try:
            yield coder.code(article, doc)
        except Exception as exc:  # noqa: BLE001
            log.exception("coding %s failed", article.id)
            yield _failure(article, exc, "extract")


def code_files(inputs: Sequence[str | Path], *, options: Options | None = None, skip=None) -> Iterator[CodedArticle | Failure]:
    opts = options or Options()
    return code_articles(read_inputs(inputs, options=opts.ingest), options=opts, skip=skip)


def code_text(
    text: str,
    *,
    date: _dt.date | str | None = None,
    title: str | None = None,
    doc_id: str = "text",
    options: Options | None = None,
) -> list[Event]:
    """Code one text; returns its events (offsets are into ``text`` exactly as given)."""
    if isinstance(date, str):
        date = _dt.date.fromisoformat(date[:10])
    article = article_from_text(text, id=doc_id, date=date, title=title)
    for item in code_articles([article], options=options):
        if isinstance(item, Failure):
            raise ProcessingError(item.reason, doc_id=doc_id)
        return item.events
    return []


def run_timed(items: Iterable[CodedArticle | Failure], summary: RunSummary) -> Iterator[CodedArticle | Failure]:
    """Pass items through while counting them into ``summary``."""
    t0 = time.perf_counter()
    try:
        for item in items:
            summary.add(item)
            summary.seconds = time.perf_counter() - t0
            yield item
    finally:
        summary.seconds = time.perf_counter() - t0
