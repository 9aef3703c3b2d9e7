"""Typed records passed between eventwire's stages.

Every stage takes and returns these dataclasses, never loose dicts. The JSON form
of an :class:`Event` and a :class:`Quote` is the output contract the scorers read
(see README, "Output"): fields may be added, none renamed.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Span:
    """A stretch of an article's text: ``article.text[start:end] == text``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """One news document, as ingest hands it to the NLP stage.

    ``text`` is the text that offsets point into. ``furniture`` lists spans of
    ``text`` that are not reporting (headline, captions, credits): they are kept
    so offsets stay exact, but no event is coded from them.
    """

    id: str
    text: str
    title: str | None = None
    date: _dt.date | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    source: str | None = None  # file path or "stdin", for error reports
    furniture: list[tuple[int, int]] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Entity:
    """An actor, recipient or speaker: a mention resolved to country and sector."""

    text: str
    start: int
    end: int
    name: str | None = None
    country: str | None = None  # ISO-3166 alpha-3, or IGO, NGO, IMG, MNC, UNO, EUR, ...
    sector: str | None = None  # GOV, MIL, REB, ... (data/sectors.yaml)
    wikidata: str | None = None
    known: bool = False  # True when the knowledge base knew the name itself

    def to_dict(self) -> dict[str, Any]:
        d = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
        }
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Entity":
        return cls(
            text=d["text"],
            start=d["start"],
            end=d["end"],
            name=d.get("name"),
            country=d.get("country"),
            sector=d.get("sector"),
            wikidata=d.get("wikidata"),
            known=bool(d.get("known", False)),
        )


@dataclass(slots=True)
class Place:
    """A place mention resolved against the gazetteer."""

    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None
    country: str | None = None  # ISO-3166 alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # "city", "country", "region", ...

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Place":
        return cls(
            text=d["text"],
            start=d.get("start"),
            end=d.get("end"),
            name=d.get("name"),
            country=d.get("country"),
            admin1=d.get("admin1"),
            lat=d.get("lat"),
            lon=d.get("lon"),
            geonameid=d.get("geonameid"),
        )


@dataclass(slots=True)
class Event:
    """One coded event, in the output contract's shape."""

    id: str
    doc_id: str
    event: str  # one of the 16 PLOVER types
    mode: str | None
    cameo: str | None  # always a string: leading zeros matter ("042")
    quad: str | None
    actor: list[Entity]
    recipient: list[Entity]
    negated: bool = False
    modality: str = "asserted"  # asserted | claimed | threatened | promised | future | conditional | hypothetical
    claimed_by: Entity | None = None
    location: Place | None = None
    date: str | None = None  # ISO date
    event_text: str = ""
    event_start: int | None = None
    event_end: int | None = None
    sentence: str = ""
    sentence_start: int | None = None
    confidence: float = 0.5
    context: list[str] = field(default_factory=list)
    pattern: str | None = None  # which rule or pattern produced it (for eval --errors)
    coder_version: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "event": self.event,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad": self.quad,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [r.to_dict() for r in self.recipient],
            "negated": self.negated,
            "modality": self.modality,
            "claimed_by": self.claimed_by.to_dict() if self.claimed_by else None,
            "location": self.location.to_dict() if self.location else None,
            "date": self.date,
            "event_text": self.event_text,
            "event_start": self.event_start,
            "event_end": self.event_end,
            "sentence": self.sentence,
            "sentence_start": self.sentence_start,
            "confidence": self.confidence,
            "context": list(self.context),
            "pattern": self.pattern,
            "coder_version": self.coder_version,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        return cls(
            id=d["id"],
            doc_id=d["doc_id"],
            event=d["event"],
            mode=d.get("mode"),
            cameo=d.get("cameo"),
            quad=d.get("quad"),
            actor=[Entity.from_dict(a) for a in d.get("actor") or []],
            recipient=[Entity.from_dict(r) for r in d.get("recipient") or []],
            negated=bool(d.get("negated", False)),
            modality=d.get("modality") or "asserted",
            claimed_by=Entity.from_dict(d["claimed_by"]) if d.get("claimed_by") else None,
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            date=d.get("date"),
            event_text=d.get("event_text") or "",
            event_start=d.get("event_start"),
            event_end=d.get("event_end"),
            sentence=d.get("sentence") or "",
            sentence_start=d.get("sentence_start"),
            confidence=float(d.get("confidence", 0.5)),
            context=list(d.get("context") or []),
            pattern=d.get("pattern"),
            coder_version=d.get("coder_version"),
        )


@dataclass(slots=True)
class Quote:
    """Direct or indirect speech, in the quote output contract's shape."""

    id: str
    doc_id: str
    text: str
    start: int
    end: int
    direct: bool
    speaker: Entity | None = None
    cue: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "direct": self.direct,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue.to_dict() if self.cue else None,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Quote":
        cue = d.get("cue")
        return cls(
            id=d["id"],
            doc_id=d["doc_id"],
            text=d["text"],
            start=d["start"],
            end=d["end"],
            direct=bool(d["direct"]),
            speaker=Entity.from_dict(d["speaker"]) if d.get("speaker") else None,
            cue=Span(cue["text"], cue["start"], cue["end"]) if cue else None,
        )


@dataclass(slots=True)
class Failure:
    """A document that could not be coded, and why. Never silently dropped."""

    doc_id: str | None
    source: str | None
    stage: str  # "ingest", "nlp", "extract", ...
    code: str  # stable error code from errors.py, e.g. "E101"
    reason: str  # one line, for people

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class CodedArticle:
    """Everything eventwire found in one article."""

    article: Article
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    n_sentences: int = 0
    n_words: int = 0
