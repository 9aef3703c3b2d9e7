"""The quote scorer on hand-built gold and predictions (no parsing involved)."""

from __future__ import annotations

import pytest

from eventwire.quote_eval import format_quote_scores, score_quotes, span_overlap
from eventwire.records import Entity, Quote

TEXT = "“We are ready,” the minister said. Officials said the border would reopen soon."


def gold_doc() -> dict:
    def span(s: str) -> dict:
        k = TEXT.index(s)
        return {"start": k, "end": k + len(s), "text": s}

    return {
        "id": "d1",
        "text": TEXT,
        "quotes": [
            {"content": span("We are ready"), "source": span("the minister"), "cue": span("said"), "direct": True},
            {"content": span("the border would reopen soon"), "source": span("Officials"), "cue": None, "direct": False},
        ],
    }


def quote(s: str, *, direct: bool, speaker: str | None, cut: int = 0) -> Quote:
    k = TEXT.index(s)
    sp = None
    if speaker:
        j = TEXT.index(speaker)
        sp = Entity(text=speaker, start=j, end=j + len(speaker))
    return Quote(id=s, doc_id="d1", text=s[: len(s) - cut], start=k, end=k + len(s) - cut, direct=direct, speaker=sp)


def test_overlap_is_intersection_over_union():
    assert span_overlap((0, 10), (0, 10)) == 1.0
    assert span_overlap((0, 10), (5, 15)) == pytest.approx(5 / 15)
    assert span_overlap((0, 5), (5, 10)) == 0.0


def test_perfect_prediction():
    pred = {"d1": [quote("We are ready", direct=True, speaker="the minister"),
                   quote("the border would reopen soon", direct=False, speaker="Officials")]}
    s = score_quotes([gold_doc()], pred)
    assert s.prf("all", 0.3).f1 == 1.0 and s.prf("all", 0.8).f1 == 1.0
    assert s.speaker_accuracy() == 1.0


def test_thresholds_direct_flag_and_speaker():
    # The reported clause is cut short (overlap ~0.5: a hit at 0.3, a miss at 0.8)
    # and its speaker is wrong; the direct quote comes back flagged indirect.
    pred = {"d1": [quote("We are ready", direct=False, speaker="the minister"),
                   quote("the border would reopen soon", direct=False, speaker="the minister", cut=14)]}
    s = score_quotes([gold_doc()], pred)
    ind3, ind8 = s.prf("indirect", 0.3), s.prf("indirect", 0.8)
    assert (ind3.tp, ind3.fp, ind3.fn) == (1, 1, 0)
    assert (ind8.tp, ind8.fp, ind8.fn) == (0, 2, 1)
    d3 = s.prf("direct", 0.3)
    assert (d3.tp, d3.fp, d3.fn) == (0, 0, 1)
    assert s.prf("all", 0.3).tp == 1
    assert s.speaker_accuracy("indirect") == 0.0 and s.speaker_total["all"] == 1


def test_missing_document_counts_as_misses_and_table_prints():
    s = score_quotes([gold_doc(), {"id": "no-quotes", "text": "x", "events": []}], {})
    assert s.n_docs == 1 and s.prf("all", 0.3).fn == 2 and s.prf("all", 0.3).f1 == 0.0
    table = format_quote_scores(s)
    assert "speaker accuracy" in table and "indirect" in table
