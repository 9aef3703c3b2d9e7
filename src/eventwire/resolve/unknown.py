"""Actor names the knowledge base does not know, so users can add them.

An unknown name still gets a country and sector from its context (a title, a
demonym, the article's country); this report lists those names by frequency, with
the guess, so a user can confirm it in their own actors file.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from ..records import Entity, Event, Quote

_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "you", "who"}
_DETERMINERS = ("the ", "a ", "an ")


@dataclass(slots=True)
class UnknownActor:
    name: str
    mentions: int
    documents: int
    country: str | None  # the most frequent guess
    sector: str | None

    def to_dict(self) -> dict:
        return asdict(self)


def _name_of(ent: Entity) -> str | None:
    """The proper-name part of an unknown mention ("Iraqi Foreign Minister John Smith" -> "John Smith")."""
    if ent.known:
        return None
    text = (ent.name or ent.text).strip()
    low = text.lower()
    if low in _PRONOUNS or low.startswith(_DETERMINERS):
        return None
    words = text.split()
    # keep the trailing run of capitalised words: the name after any title
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() and not w.isupper():
            run.append(w)
        else:
            break
    if not run:
        return None
    name = " ".join(reversed(run))
    if _knows(name):
        return None
    return name


def _knows(name: str) -> bool:
    """Whether the knowledge base already knows the words as an actor, a country or an agent."""
    from .actors import country_code

    if country_code(name):
        return True
    info = _resolver().resolve(name)
    return info is not None and (info.known or info.name is None)


_RESOLVER = None


def _resolver():
    global _RESOLVER
    if _RESOLVER is None:
        from .actors import ActorResolver

        _RESOLVER = ActorResolver()
    return _RESOLVER


def unknown_actors(events: Iterable[Event], *, quotes: Iterable[Quote] = (), limit: int | None = 100) -> list[UnknownActor]:
    mentions: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    guesses: dict[str, Counter] = defaultdict(Counter)

    def add(ent: Entity | None, doc_id: str) -> None:
        if ent is None:
            return
        name = _name_of(ent)
        if name is None:
            return
        mentions[name] += 1
        docs[name].add(doc_id)
        guesses[name][(ent.country, ent.sector)] += 1

    for ev in events:
        for ent in (*ev.actor, *ev.recipient, ev.claimed_by):
            add(ent, ev.doc_id)
    for q in quotes:
        add(q.speaker, q.doc_id)
    rows = []
    for name, n in mentions.most_common(limit):
        (country, sector), _ = guesses[name].most_common(1)[0]
        rows.append(UnknownActor(name=name, mentions=n, documents=len(docs[name]), country=country, sector=sector))
    return rows
