"""Run the PETRARCH validation suite through eventwire and count what it reproduces.

The suite (``PETR.UnitTest.records.xml`` with ``PETR.Validate.actors.txt`` and
``PETR.Validate.agents.txt``) is a set of short sentences about fictional states
(Arnor, Gondor, ...), each with the CAMEO codings PETRARCH is expected to produce:
``<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064">``, or
``noevents="True"``, or ``error="storydiscard"`` and the like.

We code each sentence with the suite's own actor and agent dictionaries and count
an expected coding as reproduced at three levels: (a) one of our events has the
same CAMEO root; (b) that event also has an actor with the source's code; (c) it
also has a recipient with the target's code. Our (country, sector) is compared
with the PETRARCH code read the way the dictionary import reads it
(:func:`eventwire.resolve.petrarch.split_code`: country, then the first known
sector). Events on sentences that expect none are false codings.
"""

from __future__ import annotations

import datetime as _dt
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import GoldFormatError
from .evaluate import GoldDoc
from .records import CodedArticle, Entity, Event, Failure
from .resolve.petrarch import split_code

RECORDS_FILE = "PETR.UnitTest.records.xml"
ACTORS_FILE = "PETR.Validate.actors.txt"
AGENTS_FILE = "PETR.Validate.agents.txt"

# CAMEO root -> PLOVER type, from the CAMEO roots in data/ontology.yaml plus the
# roots that table does not name. 01 (make public statement) has no PLOVER type:
# those codings are skipped and counted. 02 (appeal) and 10 (demand) are both
# REQUEST, 09 (investigate) is ACCUSE's investigate mode, 19 and 20 (fight, mass
# violence) are ASSAULT. 08 (yield) is split by its third digit below.
CAMEO_ROOT_TYPES: dict[str, str | None] = {
    "01": None, "02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT",
    "06": "COOPERATE", "07": "AID", "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST",
    "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "14": "PROTEST", "15": "MOBILIZE",
    "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT", "20": "ASSAULT",
}
# Yielding that gives something up on the ground (084 release, 086 allow access,
# 087 de-escalate) is PLOVER's RETREAT; easing sanctions or acceding to demands is CONCEDE.
RETREAT_YIELD_CODES = ("084", "086", "087")

# PETRARCH codes that name no one: "---" (unknown), "###" (the actor dictionary's
# discard code). A quoted text ('"INJURY TOLL"') is a new actor PETRARCH reports by its words.
NULL_CODES = frozenset({"", "---", "###"})
_DISCARD_ERRORS = frozenset({"storydiscard", "sentencediscard"})


@dataclass(slots=True, frozen=True)
class PetrarchCoding:
    """One expected coding, with the codes exactly as the file gives them."""

    source: str  # "ARNGOV", "---GOV", "###", or a quoted new actor: '"INJURY TOLL"'
    target: str
    event: str  # CAMEO code as a string ("064", "1717"); 9xx are the suite's test-only codes

    @property
    def root(self) -> str:
        return self.event[:2]


@dataclass(slots=True)
class PetrarchRecord:
    """One ``<Sentence>`` of the suite."""

    id: str
    text: str  # whitespace collapsed to single spaces: one sentence, one line
    date: _dt.date | None
    category: str
    codings: list[PetrarchCoding] = field(default_factory=list)
    no_events: bool = False
    error: str | None = None  # "storydiscard", "sentencediscard", "dateline", "bad_input_parse"
    config: dict[str, str] = field(default_factory=dict)  # PETRARCH options in force here

    @property
    def discarded(self) -> bool:
        return self.error in _DISCARD_ERRORS

    @property
    def expects_nothing(self) -> bool:
        """PETRARCH should code nothing here, for reasons about the text (not about its own parser input)."""
        return not self.codings and (self.no_events or self.discarded)

    @property
    def input_error(self) -> bool:
        """A test of PETRARCH's handling of bad input (a broken parse tree, a dateline): not about coding."""
        return self.error is not None and not self.discarded


# ----------------------------------------------------------------------------- reading
def _escape_bare_ampersands(text: str) -> str:
    return re.sub(r"&(?!(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);)", "&amp;", text)


def _parse_xml(text: str, path: Path) -> ET.Element:
    try:
        return ET.fromstring(text)
    except ET.ParseError:
        pass
    try:  # hand-edited suites often carry a bare "&" in a sentence
        return ET.fromstring(_escape_bare_ampersands(text))
    except ET.ParseError as exc:
        raise GoldFormatError(f"{path}: not a PETRARCH records file ({exc})") from exc


def _date(value: str | None) -> _dt.date | None:
    value = (value or "").strip()
    try:
        if len(value) == 8 and value.isdigit():
            return _dt.date(int(value[:4]), int(value[4:6]), int(value[6:]))
        return _dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _code(value: str | None) -> str:
    """A code as given, upper-cased; a quoted new actor keeps its quotes and words."""
    value = " ".join((value or "").split())
    return value if value.startswith('"') else value.upper()


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"true", "1", "yes"}


def parse_petrarch_records(text: str, *, source: str = "<string>") -> list[PetrarchRecord]:
    """Records from the text of a PETRARCH records file, in file order.

    ``<Config>`` elements between sentences change options for the sentences after
    them (kept in ``PetrarchRecord.config``); a ``<Stop>`` element ends the suite, as
    it does for PETRARCH. Ids repeated in the file get a ``#2``, ``#3`` suffix so each
    record can be told apart.
    """
    root = _parse_xml(text, Path(source))
    container = root if root.tag == "Sentences" else root.find("Sentences")
    if container is None:
        container = root
    config: dict[str, str] = {}
    records: list[PetrarchRecord] = []
    seen: Counter[str] = Counter()
    for el in container:
        if not isinstance(el.tag, str):
            continue
        if el.tag == "Config":
            option = (el.get("option") or "").strip()
            if option:
                config = {**config, option: (el.get("value") or "").strip()}
            continue
        if el.tag == "Stop":
            break
        if el.tag != "Sentence":
            continue
        text_el = el.find("Text")
        sentence = " ".join((text_el.text or "").split()) if text_el is not None else ""
        rid = (el.get("id") or "").strip() or f"record-{len(records) + 1}"
        seen[rid] += 1
        if seen[rid] > 1:
            rid = f"{rid}#{seen[rid]}"
        rec = PetrarchRecord(id=rid, text=sentence, date=_date(el.get("date")),
                             category=(el.get("category") or "").strip(), config=dict(config))
        for ec in el.findall("EventCoding"):
            if ec.get("error"):
                rec.error = ec.get("error").strip().lower()
            elif ec.get("noevents") is not None:
                rec.no_events = rec.no_events or _truthy(ec.get("noevents"))
            elif ec.get("eventcode"):
                rec.codings.append(PetrarchCoding(source=_code(ec.get("sourcecode")),
                                                  target=_code(ec.get("targetcode")),
                                                  event=_code(ec.get("eventcode"))))
        if sentence:
            records.append(rec)
    return records


def load_petrarch_records(path: str | Path) -> list[PetrarchRecord]:
    """The records of a PETRARCH records XML file (or of the suite directory holding one)."""
    p = Path(path)
    if p.is_dir():
        p = p / RECORDS_FILE
    try:
        text = p.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise GoldFormatError(f"cannot read PETRARCH records {p}: {exc}") from exc
    return parse_petrarch_records(text, source=str(p))


def suite_options(directory: str | Path, *, options=None):
    """``options`` (or the defaults) with the suite's actor and agent dictionaries added."""
    from .pipeline import Options

    d = Path(directory)
    files = tuple(str(d / name) for name in (ACTORS_FILE, AGENTS_FILE) if (d / name).is_file())
    base = options or Options()
    return replace(base, actor_files=tuple(dict.fromkeys((*base.actor_files, *files))))


# ----------------------------------------------------------------------------- gold
def plover_type(cameo: str) -> str | None:
    """The PLOVER type of a CAMEO code, or None (01, the suite's 9xx codes, anything unknown)."""
    kind = CAMEO_ROOT_TYPES.get(cameo[:2])
    if kind == "CONCEDE" and cameo[:3] in RETREAT_YIELD_CODES:
        return "RETREAT"
    return kind


def skip_reason(coding: PetrarchCoding) -> str | None:
    """Why an expected coding cannot be scored as a PLOVER event, or None when it can."""
    if coding.root not in CAMEO_ROOT_TYPES:
        return "not a CAMEO root (the suite's test codes 21x, 22x, 9xx)"
    if plover_type(coding.event) is None:
        return "CAMEO 01 (no PLOVER type)"
    return None


def _gold_entity(code: str) -> dict | None:
    if code in NULL_CODES:
        return None
    if code.startswith('"'):
        return {"text": code.strip('"'), "code": code}
    country, sector = split_code(code)
    return {"country": None if set(country) <= {"-"} else country, "sector": sector, "code": code}


def gold_event(coding: PetrarchCoding) -> dict:
    """An expected coding in the gold format (``event``, ``cameo``, ``actor``, ``recipient``).

    PETRARCH gives codes, not spans: gold entities carry ``country``, ``sector`` and the
    original ``code`` (and ``text`` for a quoted new actor), never offsets."""
    actor, recipient = _gold_entity(coding.source), _gold_entity(coding.target)
    return {"event": plover_type(coding.event), "cameo": coding.event,
            "actor": [actor] if actor else [], "recipient": [recipient] if recipient else []}


def petrarch_gold(records: Iterable[PetrarchRecord]) -> list[GoldDoc]:
    """Records as gold documents. Codings with no PLOVER type are left out and listed in
    ``raw["skipped"]`` with the reason; PETRARCH's bad-input tests get ``events=None`` (not scored)."""
    docs = []
    for rec in records:
        kept = [c for c in rec.codings if skip_reason(c) is None]
        skipped = [{"source": c.source, "target": c.target, "cameo": c.event, "reason": skip_reason(c)}
                   for c in rec.codings if skip_reason(c) is not None]
        events = None if rec.input_error and not rec.codings else [gold_event(c) for c in kept]
        raw = {"id": rec.id, "text": rec.text, "date": rec.date.isoformat() if rec.date else None,
               "category": rec.category, "events": events, "skipped": skipped,
               "no_events": rec.no_events, "error": rec.error}
        docs.append(GoldDoc(id=rec.id, text=rec.text, date=rec.date, events=events, quotes=None,
                            pairs=None, raw=raw))
    return docs


# ----------------------------------------------------------------------------- scoring
def _names_a_state(entity: Entity, kb) -> bool:
    """Is the mention a state's name and nothing more ("Arnor", "the Philippines", "Danish")?"""
    keys = tuple(t.key for t in kb.tokenize(entity.text))
    return any(lex.kind in ("country", "capital", "demonym") and lex.code == entity.country
               for lex in kb.lookup(keys))


def petrarch_parts(entity: Entity, *, kb=None) -> tuple[str, str | None]:
    """Our (country, sector) as PETRARCH writes them.

    A sector that repeats the country (IGO/IGO, NGO/NGO) is our way of saying "an
    organisation", where PETRARCH writes only IGO. With ``kb`` (the coder's knowledge
    base), a state named alone that we give its government's sector ("Arnor pledged":
    ARN/GOV) is PETRARCH's bare ARN: the same referent under the other convention.
    """
    country = entity.country or ""
    sector = entity.sector if entity.sector != country else None
    if sector == "GOV" and kb is not None and country and _names_a_state(entity, kb):
        sector = None
    return country, sector


def entity_code(entity: Entity, *, kb=None) -> str:
    """Our entity as a PETRARCH-style code prefix: "ARNGOV", "---GOV", "IGO"; "" for nothing."""
    country, sector = petrarch_parts(entity, kb=kb)
    if not country and not sector:
        return ""
    return f"{country or '---'}{sector or ''}"


def role_matches(code: str, entities: Sequence[Entity], *, kb=None) -> bool:
    """Does one of our entities carry this PETRARCH code? A null code wants no coded entity."""
    if code in NULL_CODES:
        return not entities or any(not entity_code(e, kb=kb) for e in entities)
    if code.startswith('"'):
        words = " ".join(code.strip('"').lower().split())
        return any(words in " ".join(e.text.lower().split()) or " ".join(e.text.lower().split()) in words
                   for e in entities if e.text)
    country, sector = split_code(code)
    if set(country) <= {"-"}:
        country = ""
    return any(petrarch_parts(e, kb=kb) == (country, sector) for e in entities)


@dataclass(slots=True)
class CodingResult:
    """How one expected coding fared."""

    record_id: str
    coding: PetrarchCoding
    skipped: str | None = None  # why it was not scored
    root: bool = False  # (a) an event with the same CAMEO root
    source: bool = False  # (b) ... whose actor has the source code
    target: bool = False  # (c) ... and whose recipient has the target code
    plover: bool = False  # an event of the same PLOVER type (informative: roots 02/10, 09/11, 18-20 share one)
    dyad_source: bool = False  # any event, whatever its code, whose actor has the source code
    dyad: bool = False  # any event whose actor and recipient have the source and target codes


def judge_coding(record_id: str, coding: PetrarchCoding, events: Sequence[Event], *, kb=None) -> CodingResult:
    """How far our events reproduce one coding; ``kb`` as in :func:`petrarch_parts`."""
    result = CodingResult(record_id, coding, skipped=skip_reason(coding))
    if result.skipped:
        return result
    kind = plover_type(coding.event)
    result.plover = any(e.event == kind for e in events)
    same_root = [e for e in events if (e.cameo or "")[:2] == coding.root]
    result.root = bool(same_root)
    with_source = [e for e in same_root if role_matches(coding.source, e.actor, kb=kb)]
    result.source = bool(with_source)
    result.target = any(role_matches(coding.target, e.recipient, kb=kb) for e in with_source)
    # The suite's event codes come from its own test verb dictionary, so who-to-whom
    # is also judged on its own: it tests the actor dictionaries and role assignment.
    any_source = [e for e in events if role_matches(coding.source, e.actor, kb=kb)]
    result.dyad_source = bool(any_source)
    result.dyad = any(role_matches(coding.target, e.recipient, kb=kb) for e in any_source)
    return result


@dataclass(slots=True)
class SuiteReport:
    records: int = 0
    codings: int = 0  # every expected coding in the file
    skipped: Counter = field(default_factory=Counter)  # reason -> codings not scored
    scored: int = 0
    root: int = 0
    source: int = 0
    target: int = 0
    plover: int = 0
    dyad_source: int = 0
    dyad: int = 0
    no_event_records: int = 0  # records expecting nothing (noevents, discards)
    false_records: int = 0  # ... on which we coded something
    false_codings: int = 0  # ... and how many events
    input_error_records: int = 0  # PETRARCH bad-input tests: not scored
    false_ids: list[str] = field(default_factory=list)
    results: list[CodingResult] = field(default_factory=list)
    events: dict[str, list[Event]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    kb: Any = None  # the coder's knowledge base, to print our entities as PETRARCH codes

    def as_dict(self) -> dict:
        return {"records": self.records, "codings": self.codings, "skipped": dict(self.skipped),
                "scored": self.scored, "root": self.root, "root_source": self.source,
                "root_source_target": self.target, "plover_type": self.plover,
                "dyad_source": self.dyad_source, "dyad": self.dyad,
                "no_event_records": self.no_event_records, "false_records": self.false_records,
                "false_codings": self.false_codings, "input_error_records": self.input_error_records,
                "failures": len(self.failures)}


def run_suite(records: Sequence[PetrarchRecord], *, options=None) -> SuiteReport:
    """Code every record's sentence and judge each expected coding against our events.

    ``options`` should carry the suite's dictionaries (see :func:`suite_options`);
    negated events are left out, as PETRARCH has no negated coding.
    """
    from .ingest import article_from_text
    from .pipeline import code_articles, get_coder

    t0 = time.perf_counter()
    report = SuiteReport(records=len(records))
    articles = [article_from_text(r.text, id=r.id, date=r.date) for r in records]
    for item in code_articles(articles, options=options):
        if isinstance(item, Failure):
            report.failures.append(item)
        elif isinstance(item, CodedArticle):
            report.events[item.article.id] = [e for e in item.events if not e.negated]
    kb = get_coder(options).resolver.kb
    report.kb = kb
    for rec in records:
        events = report.events.get(rec.id, [])
        report.texts[rec.id] = rec.text
        if rec.input_error and not rec.codings:
            report.input_error_records += 1
            continue
        if rec.expects_nothing:
            report.no_event_records += 1
            if events:
                report.false_records += 1
                report.false_ids.append(rec.id)
                report.false_codings += len(events)
            continue
        for coding in rec.codings:
            res = judge_coding(rec.id, coding, events, kb=kb)
            report.results.append(res)
            report.codings += 1
            if res.skipped:
                report.skipped[res.skipped] += 1
                continue
            report.scored += 1
            report.root += res.root
            report.source += res.source
            report.target += res.target
            report.plover += res.plover
            report.dyad_source += res.dyad_source
            report.dyad += res.dyad
    report.seconds = time.perf_counter() - t0
    return report


def _pct(n: int, d: int) -> str:
    return f"{n:4d}/{d:<4d} {100 * n / d:5.1f}%" if d else f"{n:4d}/{d}"


def _event_str(e: Event, kb=None) -> str:
    def codes(ents):
        return ",".join(entity_code(x, kb=kb) or f"'{x.text}'" for x in ents) or "-"

    return f"{e.cameo} {codes(e.actor)}->{codes(e.recipient)}"


def format_suite(report: SuiteReport, *, misses: bool = False) -> str:
    """The reproduction table; with ``misses`` every unreproduced coding and false coding too."""
    skipped = ", ".join(f"{n} {why}" for why, n in sorted(report.skipped.items())) or "none"
    lines = [
        f"PETRARCH validation suite: {report.records} records, {report.codings} expected codings "
        f"({report.scored} scored; skipped: {skipped}); {report.seconds:.1f}s",
        f"  (a) CAMEO root equal                  {_pct(report.root, report.scored)}",
        f"  (b) root + source code equal          {_pct(report.source, report.scored)}",
        f"  (c) root + source + target equal      {_pct(report.target, report.scored)}",
        f"      PLOVER type equal (informative)   {_pct(report.plover, report.scored)}",
        f"      source code, any event code       {_pct(report.dyad_source, report.scored)}",
        f"      source + target, any event code   {_pct(report.dyad, report.scored)}",
        f"  false codings: {report.false_codings} events on {report.false_records} of "
        f"{report.no_event_records} records that expect none (noevents or discard)",
        f"  not scored: {report.input_error_records} PETRARCH bad-input records; "
        f"{len(report.failures)} failures",
    ]
    if misses:
        lines.append("")
        for res in report.results:
            if res.skipped or res.target:
                continue
            level = "target" if res.source else "source" if res.root else "root"
            ours = "; ".join(_event_str(e, report.kb) for e in report.events.get(res.record_id, [])) or "no events"
            c = res.coding
            lines.append(f"MISS {level:<13} {res.record_id}: want {c.event} {c.source}->{c.target}; got {ours}")
            lines.append(f"     | {report.texts.get(res.record_id, '')[:200]}")
        for rid in report.false_ids:
            lines.append(f"FALSE {rid}: {'; '.join(_event_str(e, report.kb) for e in report.events[rid])}")
            lines.append(f"     | {report.texts[rid][:200]}")
    return "\n".join(lines)
