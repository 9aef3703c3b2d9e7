"""Scoring against gold sets in the shared gold format.

A predicted event matches a gold event when the types are equal and every gold
actor (and every gold recipient) has a predicted entity whose span overlaps it
(or whose text contains it, or is contained in it, when the gold has no
offsets), with the same country where the gold gives one. Optional gold events
are neither hits nor misses; repeats of a matched event (same type and actor
countries) are neither hits nor false positives; negated events are not scored.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GoldFormatError
from .records import Article, CodedArticle, Entity, Event, Failure, Quote
from .scores import PRF
from .yamlfiles import load_yaml


@dataclass(slots=True)
class GoldDoc:
    id: str
    text: str
    date: _dt.date | None
    events: list[dict[str, Any]] | None
    quotes: list[dict[str, Any]] | None
    pairs: list[dict[str, Any]] | None
    raw: dict[str, Any]


def load_gold(path: str | Path) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                date = d.get("date")
                docs.append(GoldDoc(
                    id=str(d["id"]),
                    text=d["text"],
                    date=_dt.date.fromisoformat(str(date)[:10]) if date else None,
                    events=d.get("events"),
                    quotes=d.get("quotes"),
                    pairs=d.get("pairs"),
                    raw=d,
                ))
            except (ValueError, KeyError, TypeError) as exc:
                raise GoldFormatError(f"{path}:{n}: not a gold record ({exc})") from exc
    return docs


def gold_articles(docs: Iterable[GoldDoc]) -> Iterable[Article]:
    """Gold texts as articles, laid out like any text input (headline and furniture marked)."""
    from .ingest import article_from_text

    for d in docs:
        yield article_from_text(d.text, id=d.id, date=d.date, title=d.raw.get("title"), url=d.raw.get("url"))


# ----------------------------------------------------------------------------- matching
def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


_WORD = re.compile(r"\w+")


def _words(s: str) -> list[str]:
    """Words of a mention: letters and digits; punctuation, hyphens and "'s" split them."""
    return [w for w in _WORD.findall(s.lower().replace(".", "")) if w != "s"]


def _contains(outer: list[str], inner: list[str]) -> bool:
    """Whether ``inner`` stands in ``outer`` as whole words ("it" is not in "military")."""
    n = len(inner)
    return any(outer[i:i + n] == inner for i in range(len(outer) - n + 1))


def entity_matches(gold: dict[str, Any], pred: Entity, *, check_country: bool = True) -> bool:
    if "start" in gold and "end" in gold and gold.get("start") is not None:
        hit = pred.start < gold["end"] and gold["start"] < pred.end
    else:
        g, p = _words(gold.get("text", "")), _words(pred.text)
        hit = bool(g) and bool(p) and (_contains(p, g) or _contains(g, p))
    if not hit:
        return False
    if check_country and gold.get("country"):
        return (pred.country or "") == gold["country"]
    return True


def _role_ok(gold_list: list[dict], pred_list: list[Entity], *, check_country: bool = True) -> bool:
    return all(any(entity_matches(g, p, check_country=check_country) for p in pred_list) for g in gold_list)


def event_matches(gold: dict[str, Any], pred: Event, *, check_type: bool = True, check_country: bool = True) -> bool:
    if check_type and gold["event"] != pred.event:
        return False
    return _role_ok(gold.get("actor") or [], pred.actor, check_country=check_country) and _role_ok(
        gold.get("recipient") or [], pred.recipient, check_country=check_country)


def _country_key(ev: Event) -> tuple:
    return (ev.event, tuple(sorted(a.country or "" for a in ev.actor)))


@dataclass(slots=True)
class Outcome:
    """How each predicted and gold event of one document was judged."""

    doc_id: str
    tp: list[tuple[dict, Event]] = field(default_factory=list)
    fp: list[Event] = field(default_factory=list)
    fn: list[dict] = field(default_factory=list)
    neutral: list[Event] = field(default_factory=list)  # optional hits and repeats


def judge(doc_id: str, gold_events: list[dict], predicted: list[Event]) -> Outcome:
    out = Outcome(doc_id)
    preds = [p for p in predicted if not p.negated]
    used: set[int] = set()
    required = [g for g in gold_events if not g.get("optional")]
    optional = [g for g in gold_events if g.get("optional")]
    # best-confidence predictions claim gold events first
    order = sorted(range(len(preds)), key=lambda i: -preds[i].confidence)
    for g in required:
        hit = next((i for i in order if i not in used and event_matches(g, preds[i])), None)
        if hit is None:
            out.fn.append(g)
        else:
            used.add(hit)
            out.tp.append((g, preds[hit]))
    for g in optional:
        hit = next((i for i in order if i not in used and event_matches(g, preds[i])), None)
        if hit is not None:
            used.add(hit)
            out.neutral.append(preds[hit])
    matched_keys = {_country_key(preds[i]) for i in used}
    for i, p in enumerate(preds):
        if i in used:
            continue
        if _country_key(p) in matched_keys:
            out.neutral.append(p)
        else:
            out.fp.append(p)
    return out


# ----------------------------------------------------------------------------- scores
@dataclass(slots=True)
class EvalReport:
    documents: int = 0
    failures: list[Failure] = field(default_factory=list)
    overall: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    dyad_found: int = 0
    dyad_type_correct: int = 0
    entities_found: int = 0
    country_judged: int = 0  # found entities whose gold gives a country
    country_correct: int = 0
    sector_judged: int = 0
    sector_correct: int = 0
    confident_half: PRF = field(default_factory=PRF)
    other_half: PRF = field(default_factory=PRF)
    outcomes: list[Outcome] = field(default_factory=list)
    sentences: dict[str, str] = field(default_factory=dict)
    quote_scores: Any = None

    @property
    def type_accuracy(self) -> float:
        return self.dyad_type_correct / self.dyad_found if self.dyad_found else 0.0

    @property
    def country_accuracy(self) -> float:
        return self.country_correct / self.country_judged if self.country_judged else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sector_correct / self.sector_judged if self.sector_judged else 0.0

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "documents": self.documents,
            "failures": len(self.failures),
            "events": self.overall.as_dict(),
            "per_type": {k: v.as_dict() for k, v in sorted(self.per_type.items())},
            "type_accuracy_on_found_dyads": round(self.type_accuracy, 4),
            "dyads_found": self.dyad_found,
            "entity_country_accuracy": round(self.country_accuracy, 4),
            "entity_sector_accuracy": round(self.sector_accuracy, 4),
            "entities_found": self.entities_found,
            "entities_with_gold_country": self.country_judged,
            "precision_confident_half": round(self.confident_half.precision, 4),
            "precision_other_half": round(self.other_half.precision, 4),
        }
        if self.quote_scores is not None:
            d["quotes"] = quote_scores_dict(self.quote_scores)
        return d


def quote_scores_dict(q: Any) -> dict[str, Any]:
    """Quote scores as plain numbers: span P/R/F1 per kind and overlap, speaker accuracy."""
    spans = {}
    for (kind, threshold), prf in sorted(q.spans.items()):
        spans[f"{kind}@{threshold}"] = {"tp": prf.tp, "fp": prf.fp, "fn": prf.fn,
                                        "precision": round(prf.precision, 4), "recall": round(prf.recall, 4),
                                        "f1": round(prf.f1, 4)}
    speakers = {kind: round(q.speaker_accuracy(kind), 4) for kind in q.speaker_total}
    return {"documents": q.n_docs, "spans": spans, "speaker_accuracy": speakers}


_SECTORS_SCORED = None


def _scored_sector(gold: dict) -> str | None:
    """Gold sectors come as "GOV", "REBkur", "***": we judge the three-letter role when it is one of ours."""
    global _SECTORS_SCORED
    if _SECTORS_SCORED is None:
        from importlib import resources

        table = load_yaml(resources.files("eventwire.data").joinpath("sectors.yaml").read_text("utf-8"))
        _SECTORS_SCORED = {row["code"] for row in table["sectors"]}
    s = (gold.get("sector") or "")[:3].upper()
    return s if s in _SECTORS_SCORED else None


def _score_entities(report: EvalReport, gold_events: list[dict], predicted: list[Event]) -> None:
    pred_entities = [e for ev in predicted for e in (*ev.actor, *ev.recipient)]
    for g in gold_events:
        for ge in (*(g.get("actor") or []), *(g.get("recipient") or [])):
            cands = [p for p in pred_entities if entity_matches(ge, p, check_country=False)]
            if not cands:
                continue
            report.entities_found += 1
            if ge.get("country"):  # a gold entity without a country is not judged on it
                report.country_judged += 1
                if any(p.country == ge["country"] for p in cands):
                    report.country_correct += 1
            sector = _scored_sector(ge)
            if sector is not None:
                report.sector_judged += 1
                if any((p.sector or "") == sector for p in cands):
                    report.sector_correct += 1


def split_by_confidence(pool: Sequence[tuple[float, str]]) -> tuple[PRF, PRF]:
    """Hits and false positives of the more confident half of the events and of the rest.

    Events of equal confidence are not ordered among themselves: where the halves cut through
    a group of ties, each half gets its share of the group at the group's own precision (so
    neither document order nor the order hits and misses were listed in can move the figure).
    """
    groups: dict[float, list[int]] = defaultdict(lambda: [0, 0])  # confidence -> [tp, fp]
    for conf, kind in pool:
        groups[round(conf, 6)][0 if kind == "tp" else 1] += 1
    half = len(pool) // 2
    top, rest = PRF(), PRF()
    taken = 0
    for conf in sorted(groups, reverse=True):
        tp, fp = groups[conf]
        size = tp + fp
        share = min(size, max(half - taken, 0)) / size
        top.tp += tp * share
        top.fp += fp * share
        rest.tp += tp * (1 - share)
        rest.fp += fp * (1 - share)
        taken += size
    return top, rest


def score(gold: Sequence[GoldDoc], coded: dict[str, CodedArticle], failures: Sequence[Failure] = ()) -> EvalReport:
    report = EvalReport(documents=len(gold), failures=list(failures))
    confidence_pool: list[tuple[float, str]] = []  # (confidence, "tp"|"fp")
    for doc in gold:
        if doc.events is None:
            continue
        predicted = coded[doc.id].events if doc.id in coded else []
        out = judge(doc.id, doc.events, predicted)
        report.outcomes.append(out)
        report.sentences[doc.id] = doc.text
        report.overall.tp += len(out.tp)
        report.overall.fp += len(out.fp)
        report.overall.fn += len(out.fn)
        for g, p in out.tp:
            report.per_type[g["event"]].tp += 1
            confidence_pool.append((p.confidence, "tp"))
        for p in out.fp:
            report.per_type[p.event].fp += 1
            confidence_pool.append((p.confidence, "fp"))
        for g in out.fn:
            report.per_type[g["event"]].fn += 1
        live = [p for p in predicted if not p.negated]
        for g in doc.events:
            if g.get("optional"):
                continue
            dyads = [p for p in live if event_matches(g, p, check_type=False)]
            if dyads:
                report.dyad_found += 1
                if any(p.event == g["event"] for p in dyads):
                    report.dyad_type_correct += 1
        _score_entities(report, doc.events, live)
    report.confident_half, report.other_half = split_by_confidence(confidence_pool)
    quote_gold = [d.raw for d in gold if d.quotes is not None]
    if quote_gold:
        from .quote_eval import score_quotes

        predicted_q: dict[str, list[Quote]] = {d["id"]: (coded[d["id"]].quotes if d["id"] in coded else []) for d in quote_gold}
        report.quote_scores = score_quotes(quote_gold, predicted_q)
    return report


def format_report(report: EvalReport) -> str:
    o = report.overall
    lines = [
        f"documents: {report.documents}   failures: {len(report.failures)}",
        f"events     P {o.precision:.3f}  R {o.recall:.3f}  F1 {o.f1:.3f}   (tp {o.tp}, fp {o.fp}, fn {o.fn})",
        f"event-type accuracy on found dyads: {report.type_accuracy:.3f} ({report.dyad_type_correct}/{report.dyad_found})",
        f"entity country accuracy: {report.country_accuracy:.3f}   sector accuracy: {report.sector_accuracy:.3f}"
        f"   ({report.entities_found} gold entities found)",
        f"precision by confidence: top half {report.confident_half.precision:.3f}, "
        f"bottom half {report.other_half.precision:.3f}",
        "",
        f"{'type':<11}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}",
    ]
    for name, prf in sorted(report.per_type.items()):
        lines.append(f"{name:<11}{prf.precision:7.3f}{prf.recall:7.3f}{prf.f1:7.3f}{prf.tp:5d}{prf.fp:5d}{prf.fn:5d}")
    if report.quote_scores is not None:
        from .quote_eval import format_quote_scores

        lines += ["", format_quote_scores(report.quote_scores)]
    return "\n".join(lines)


def _ent_str(e: dict | Entity) -> str:
    if isinstance(e, Entity):
        return f"{e.text}[{e.country or '?'}/{e.sector or '?'}]"
    return f"{e.get('text')}[{e.get('country') or '?'}/{e.get('sector') or '?'}]"


def _evidence(text: str, gold: dict) -> str:
    """The sentence of a document where a missed gold event's entities stand (or its note)."""
    names = [e.get("text", "") for e in (*(gold.get("actor") or []), *(gold.get("recipient") or []))]
    best, best_score = "", 0
    for sent in re.split(r"(?<=[.!?”\"])\s+", text):
        score = sum(1 for n in names if n and n in sent)
        if score > best_score:
            best, best_score = sent, score
    return best or gold.get("note") or text


def format_errors(report: EvalReport) -> str:
    lines: list[str] = []
    for out in report.outcomes:
        sent = report.sentences.get(out.doc_id, "")
        for g in out.fn:
            lines.append(f"MISS {out.doc_id} {g['event']} {[_ent_str(a) for a in g.get('actor') or []]} -> "
                         f"{[_ent_str(a) for a in g.get('recipient') or []]}")
            lines.append(f"     | {_evidence(sent, g)[:300]}")
        for p in out.fp:
            lines.append(f"FP   {out.doc_id} {p.event} {[_ent_str(a) for a in p.actor]} -> "
                         f"{[_ent_str(a) for a in p.recipient]}  by {p.pattern} conf {p.confidence}")
            lines.append(f"     | {p.sentence[:300]}")
    return "\n".join(lines)
