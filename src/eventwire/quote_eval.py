"""Scoring predicted quotes against gold quotes.

Independent of parsing: it takes gold documents (the gold format's dicts, with a
``quotes`` list) and predicted :class:`~eventwire.records.Quote` records by
document id.

Definitions:

* overlap of two character ranges = |intersection| / |union| (Jaccard);
* a predicted quote matches a gold quote when both have the same ``direct``
  flag and their content overlap reaches the threshold; matching is one-to-one,
  best overlaps first;
* precision, recall and F1 are reported at overlap 0.3 and 0.8, for direct
  quotes, indirect (reported) speech, and both together;
* speaker accuracy is measured on gold quotes matched at 0.3: correct when the
  predicted speaker's span overlaps the gold source span by at least one
  character (or, without offsets, one text contains the other), or when both
  are null.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .records import Quote
from .scores import PRF

__all__ = ["PRF", "QuoteScores", "format_quote_scores", "score_quotes", "span_overlap"]

THRESHOLDS = (0.3, 0.8)
KINDS = ("all", "direct", "indirect")


@dataclass(slots=True)
class QuoteScores:
    """Quote-span P/R/F1 by kind and threshold, and speaker accuracy by kind."""

    spans: dict[tuple[str, float], PRF] = field(default_factory=dict)
    speaker_correct: dict[str, int] = field(default_factory=dict)
    speaker_total: dict[str, int] = field(default_factory=dict)
    n_docs: int = 0

    def prf(self, kind: str = "all", threshold: float = 0.3) -> PRF:
        return self.spans[(kind, threshold)]

    def speaker_accuracy(self, kind: str = "all") -> float:
        total = self.speaker_total.get(kind, 0)
        return self.speaker_correct.get(kind, 0) / total if total else 0.0


def span_overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """|intersection| / |union| of two half-open character ranges."""
    inter = min(a[1], b[1]) - max(a[0], b[0])
    if inter <= 0:
        return 0.0
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union


def _match(gold: list[dict[str, Any]], pred: list[Quote], threshold: float) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index) with the same direct flag, best first."""
    cands = []
    for gi, g in enumerate(gold):
        gr = (g["content"]["start"], g["content"]["end"])
        for pi, p in enumerate(pred):
            if bool(g.get("direct")) != p.direct:
                continue
            ov = span_overlap(gr, (p.start, p.end))
            if ov >= threshold:
                cands.append((ov, gi, pi))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def _speaker_ok(gold_src: dict[str, Any] | None, pred: Quote) -> bool:
    sp = pred.speaker
    if gold_src is None or sp is None:
        return gold_src is None and sp is None
    if gold_src.get("start") is not None and gold_src.get("end") is not None:
        return min(gold_src["end"], sp.end) > max(gold_src["start"], sp.start)
    g, p = gold_src.get("text", "").lower(), sp.text.lower()
    return bool(g) and (g in p or p in g)


def score_quotes(gold_docs: list[dict[str, Any]], predicted: dict[str, list[Quote]]) -> QuoteScores:
    """Score predicted quotes for every gold document that carries ``quotes``."""
    scores = QuoteScores()
    for kind in KINDS:
        for th in THRESHOLDS:
            scores.spans[(kind, th)] = PRF()
        scores.speaker_correct[kind] = 0
        scores.speaker_total[kind] = 0
    for doc in gold_docs:
        if "quotes" not in doc:
            continue
        scores.n_docs += 1
        gold = doc["quotes"]
        pred = predicted.get(doc["id"], [])
        for th in THRESHOLDS:
            pairs = _match(gold, pred, th)
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            for kind in ("direct", "indirect"):
                want = kind == "direct"
                prf = scores.spans[(kind, th)]
                prf.tp += sum(1 for gi in matched_g if bool(gold[gi].get("direct")) == want)
                prf.fn += sum(1 for gi, g in enumerate(gold) if bool(g.get("direct")) == want and gi not in matched_g)
                prf.fp += sum(1 for pi, p in enumerate(pred) if p.direct == want and pi not in matched_p)
            if th == THRESHOLDS[0]:
                for gi, pi in pairs:
                    kind = "direct" if gold[gi].get("direct") else "indirect"
                    ok = _speaker_ok(gold[gi].get("source"), pred[pi])
                    for k in (kind, "all"):
                        scores.speaker_total[k] += 1
                        scores.speaker_correct[k] += int(ok)
    for th in THRESHOLDS:
        total = scores.spans[("all", th)]
        for kind in ("direct", "indirect"):
            part = scores.spans[(kind, th)]
            total.tp += part.tp
            total.fp += part.fp
            total.fn += part.fn
    return scores


def format_quote_scores(scores: QuoteScores) -> str:
    """A plain-text table of the scores."""
    lines = [f"quotes scored on {scores.n_docs} documents (overlap = intersection/union)"]
    lines.append(f"{'kind':<9}{'overlap':>8}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for kind in KINDS:
        for th in THRESHOLDS:
            s = scores.spans[(kind, th)]
            lines.append(
                f"{kind:<9}{th:>8.1f}{s.tp:>6}{s.fp:>6}{s.fn:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}"
            )
    lines.append("speaker accuracy (gold quotes matched at 0.3):")
    for kind in KINDS:
        lines.append(
            f"  {kind:<9}{scores.speaker_accuracy(kind):.3f}"
            f"  ({scores.speaker_correct[kind]}/{scores.speaker_total[kind]})"
        )
    return "\n".join(lines)
