"""Event patterns and the PLOVER ontology, loaded from data files users can extend.

``data/verbs.yaml`` says which verbs and nouns signal which event, and where the
recipient is found; ``data/ontology.yaml`` lists the 16 types with quad, modes and
CAMEO roots. A user's own files of the same shape are tried before ours.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import KnowledgeFileError
from .yamlfiles import load_yaml

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Sense:
    """One way a word signals an event (a row of verbs.yaml)."""

    lemma: str
    pos: str  # "verb" | "noun"
    event: str
    mode: str | None = None
    cameo: str | None = None
    prt: str | None = None
    prep: str | None = None
    obj: frozenset[str] = frozenset()
    xcomp: bool = False
    ccomp: bool | str = False  # True, or "modal": the clause must say will/would/could
    weak: bool = False
    dep: str | None = None
    requires: tuple[str, ...] = ()  # roles that must be filled ("exercises" with a partner: prep:with)
    pobj: frozenset[str] = frozenset()  # a preposition's object must be one of these ("put under arrest")
    actor_sectors: frozenset[str] = frozenset()
    recipient: tuple[str, ...] = ()
    consume: bool = False
    nested: str | None = None
    reciprocal: bool = False
    needs_recipient: bool = False  # no event unless the recipient is an actor ("recognised Kosovo")
    conf: float = 0.7
    light_only: bool = False
    plural_only: bool = False
    compound: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    alone: tuple[str, str | None, str | None] | None = None  # (event, mode, cameo) with no partner
    content: frozenset[str] = frozenset()  # lemmas the verb's "to" clause must have ("allow X to return")
    host: bool = False  # the subject hosts and the object visits: the visitor is the actor
    also: tuple[str, str | None, str | None] | None = None  # (event, mode, cameo) coded beside this one
    passive_actor: bool = False  # passive with no agent: the subject acts ("troops were deployed")

    @property
    def name(self) -> str:
        """A readable id for error analysis: ``verb:accuse>ACCUSE``."""
        cond = "".join(
            f"+{k}:{v}" for k, v in (("prt", self.prt), ("prep", self.prep)) if v
        ) + ("+obj" if self.obj else "")
        return f"{self.pos}:{self.lemma}{cond}>{self.event}"


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: str
    cameo: str
    requires_recipient: bool
    modes: tuple[str, ...]


@dataclass(slots=True)
class PatternBook:
    verbs: dict[str, list[Sense]] = field(default_factory=dict)
    nouns: dict[str, list[Sense]] = field(default_factory=dict)
    light_verbs: frozenset[str] = frozenset()
    default_recipient: tuple[str, ...] = ()
    future_aux: frozenset[str] = frozenset()
    conditional_aux: frozenset[str] = frozenset()
    intent_verbs: frozenset[str] = frozenset()
    preparation_verbs: frozenset[str] = frozenset()
    intent_adjectives: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    negating_verbs: frozenset[str] = frozenset()
    implicative_verbs: frozenset[str] = frozenset()
    condition_marks: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    scene_aux: frozenset[str] = frozenset()
    scene_events: frozenset[str] = frozenset()
    types: dict[str, EventType] = field(default_factory=dict)
    future_becomes_agree: frozenset[str] = frozenset()
    future_becomes_concede: dict[str, frozenset[str]] = field(default_factory=dict)
    future_stays: dict[str, frozenset[str]] = field(default_factory=dict)
    willingness_becomes_agree: frozenset[str] = frozenset()
    place_is_recipient: dict[str, str | None] = field(default_factory=dict)
    quad_numbers: dict[str, int] = field(default_factory=dict)
    attack_nouns: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    carrier_nouns: frozenset[str] = frozenset()
    partitive_nouns: frozenset[str] = frozenset()
    act_nouns: frozenset[str] = frozenset()
    reply_words: frozenset[str] = frozenset()
    group_counts: dict[str, int] = field(default_factory=dict)
    shelter_nouns: frozenset[str] = frozenset()
    carrying_verbs: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    cognition_verbs: frozenset[str] = frozenset()
    protest_phrase_nouns: frozenset[str] = frozenset()
    wrongdoing_verbs: frozenset[str] = frozenset()
    claim_nouns: frozenset[str] = frozenset()
    message_nouns: frozenset[str] = frozenset()
    seizure_verbs: frozenset[str] = frozenset()
    travel_verbs: frozenset[str] = frozenset()
    stative_participles: frozenset[str] = frozenset()
    assault_modes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    joint_markers: frozenset[str] = frozenset()
    joint_action: Sense | None = None


def _read_yaml(path: Path | None, package_file: str) -> dict[str, Any]:
    try:
        if path is None:
            text = resources.files("eventwire.data").joinpath(package_file).read_text("utf-8")
            where = f"eventwire/data/{package_file}"
        else:
            text = Path(path).read_text("utf-8")
            where = str(path)
        data = load_yaml(text) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeFileError(f"cannot read {package_file if path is None else path}: {exc}") from exc
    if not isinstance(data, dict):
        raise KnowledgeFileError(f"{where}: expected a mapping at top level")
    return data


def _sense(lemma: str, pos: str, row: dict[str, Any], default_recipient: tuple[str, ...], where: str) -> Sense:
    event = row.get("event")
    if event == "NONE":  # a reading that is no event ("met its requirements"); stops the search
        pass
    elif event not in PLOVER_TYPES:
        raise KnowledgeFileError(f"{where}: {pos} {lemma!r}: unknown event type {event!r}")
    cameo = row.get("cameo")
    if cameo is not None and not isinstance(cameo, str):
        raise KnowledgeFileError(f"{where}: {pos} {lemma!r}: cameo must be a quoted string, got {cameo!r}")
    for key in ("prt", "prep", "dep", "mode"):
        if row.get(key) is not None and not isinstance(row.get(key), str):
            raise KnowledgeFileError(f"{where}: {pos} {lemma!r}: {key} must be a word, got {row.get(key)!r}")
    recipient = row.get("recipient")
    return Sense(
        lemma=lemma,
        pos=pos,
        event=event,
        mode=row.get("mode"),
        cameo=cameo,
        prt=row.get("prt"),
        prep=row.get("prep"),
        obj=frozenset(str(o).lower() for o in row.get("obj") or ()),
        xcomp=bool(row.get("xcomp", False)),
        ccomp=row.get("ccomp") if row.get("ccomp") == "modal" else bool(row.get("ccomp", False)),
        weak=bool(row.get("weak", False)),
        dep=row.get("dep"),
        requires=tuple(row.get("requires") or ()),
        pobj=frozenset(str(o).lower() for o in row.get("pobj") or ()),
        actor_sectors=frozenset(row.get("actor_sectors") or ()),
        recipient=tuple(recipient) if recipient is not None else default_recipient,
        consume=bool(row.get("consume", False)),
        nested=row.get("nested"),
        reciprocal=bool(row.get("reciprocal", False)),
        needs_recipient=bool(row.get("needs_recipient", False)),
        conf=float(row.get("conf", 0.7)),
        light_only=bool(row.get("light_only", False)),
        plural_only=bool(row.get("plural_only", False)),
        compound=frozenset(str(o).lower() for o in row.get("compound") or ()),
        light=frozenset(str(o).lower() for o in row.get("light") or ()),
        alone=_alone(row.get("alone"), f"{where}: {pos} {lemma!r}"),
        content=frozenset(str(o).lower() for o in row.get("content") or ()),
        host=bool(row.get("host", False)),
        also=_alone(row.get("also"), f"{where}: {pos} {lemma!r}"),
        passive_actor=bool(row.get("passive_actor", False)),
    )


def _alone(row: dict[str, Any] | None, where: str) -> tuple[str, str | None, str | None] | None:
    if not row:
        return None
    if row.get("event") not in PLOVER_TYPES:
        raise KnowledgeFileError(f"{where}: alone: unknown event type {row.get('event')!r}")
    cameo = row.get("cameo")
    if cameo is not None and not isinstance(cameo, str):
        raise KnowledgeFileError(f"{where}: alone: cameo must be a quoted string, got {cameo!r}")
    return row["event"], row.get("mode"), cameo


def _add_senses(book: PatternBook, data: dict[str, Any], where: str, *, first: bool) -> None:
    for pos, table in (("verb", book.verbs), ("noun", book.nouns)):
        section = data.get(pos + "s") or {}
        if not isinstance(section, dict):
            raise KnowledgeFileError(f"{where}: '{pos}s' must map lemmas to lists of senses")
        for lemma, rows in section.items():
            if isinstance(rows, dict):
                rows = [rows]
            senses = [_sense(str(lemma).lower(), pos, r, book.default_recipient, where) for r in rows]
            key = str(lemma).lower()
            table[key] = senses + table.get(key, []) if first else table.get(key, []) + senses


@functools.lru_cache(maxsize=8)
def load_patterns(extra: tuple[str, ...] = ()) -> PatternBook:
    """Our patterns and ontology, with each file in ``extra`` tried before ours."""
    base = _read_yaml(None, "verbs.yaml")
    onto = _read_yaml(None, "ontology.yaml")
    book = PatternBook()
    book.default_recipient = tuple(base.get("default_recipient") or ())
    book.light_verbs = frozenset(base.get("light_verbs") or ())
    mod = base.get("modality") or {}
    book.future_aux = frozenset(mod.get("future_aux") or ())
    book.conditional_aux = frozenset(mod.get("conditional_aux") or ())
    book.intent_verbs = frozenset(mod.get("intent_verbs") or ())
    book.preparation_verbs = frozenset(mod.get("preparation_verbs") or ())
    book.intent_adjectives = frozenset(mod.get("intent_adjectives") or ())
    book.negators = frozenset(mod.get("negators") or ())
    book.negating_verbs = frozenset(mod.get("negating_verbs") or ())
    book.implicative_verbs = frozenset(mod.get("implicative_verbs") or ())
    book.condition_marks = frozenset(mod.get("condition_marks") or ())
    book.document_nouns = frozenset(mod.get("document_nouns") or ())
    book.scene_aux = frozenset(mod.get("scene_aux") or ())
    book.scene_events = frozenset(mod.get("scene_events") or ())
    _add_senses(book, base, "eventwire/data/verbs.yaml", first=False)
    book.attack_nouns = frozenset(base.get("unattributed_attack_nouns") or ())
    book.collective_nouns = frozenset(base.get("collective_nouns") or ())
    for name in ("carrier_nouns", "partitive_nouns", "act_nouns", "shelter_nouns", "carrying_verbs", "place_nouns",
                 "cognition_verbs", "protest_phrase_nouns", "wrongdoing_verbs", "claim_nouns", "stative_participles",
                 "message_nouns", "seizure_verbs", "reply_words", "joint_markers", "travel_verbs"):
        setattr(book, name, frozenset(str(w).lower() for w in base.get(name) or ()))
    book.group_counts = {str(k).lower(): int(v) for k, v in (base.get("group_counts") or {}).items()}
    book.assault_modes = tuple((mode, tuple(words)) for mode, words in (base.get("assault_modes") or {}).items())
    if base.get("joint_action"):
        book.joint_action = _sense("joint", "noun", base["joint_action"], book.default_recipient,
                                   "eventwire/data/verbs.yaml")
    for path in extra:
        data = _read_yaml(Path(path), Path(path).name)
        _add_senses(book, data, str(path), first=True)
        book.light_verbs |= frozenset(data.get("light_verbs") or ())
    book.quad_numbers = dict(onto.get("quads") or {})
    for name, row in (onto.get("types") or {}).items():
        book.types[name] = EventType(
            name=name,
            quad=row["quad"],
            cameo=str(row["cameo"]),
            requires_recipient=bool(row.get("requires_recipient", False)),
            modes=tuple(row.get("modes") or ()),
        )
    missing = set(PLOVER_TYPES) - set(book.types)
    if missing:
        raise KnowledgeFileError(f"ontology.yaml lacks event types: {sorted(missing)}")
    book.future_becomes_agree = frozenset(onto.get("future_becomes_agree") or ())
    book.future_becomes_concede = {k: frozenset(v or ()) for k, v in (onto.get("future_becomes_concede") or {}).items()}
    book.willingness_becomes_agree = frozenset(onto.get("willingness_becomes_agree") or ())
    book.future_stays = {k: frozenset(v or ()) for k, v in (onto.get("future_stays") or {}).items()}
    book.place_is_recipient = dict(onto.get("place_is_recipient") or {})
    return book


def patterns_for(paths: Sequence[str | Path] = ()) -> PatternBook:
    return load_patterns(tuple(str(p) for p in paths))
