"""Accuracy gate: the coder may not fall below the figures it has reached.

Floors live in tests/accuracy_floors.json and only ever move up: when a change
raises a figure, raise its floor in the same commit. Each gold set is coded once
per test session. Sets from ../shared/data skip with a reason when it is absent;
our own development sets (devsets/) always run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED

pytestmark = pytest.mark.slow

FLOORS = json.loads((ROOT / "tests" / "accuracy_floors.json").read_text())
SETS = {
    "plover_gsr": SHARED / "plover-gsr" / "plover_gsr.jsonl",
    "voa_gold_a": SHARED / "voa-gold" / "voa_gold_a.jsonl",
    "voa_gold_b": SHARED / "voa-gold" / "voa_gold_b.jsonl",
    "events_dev": ROOT / "devsets" / "events_dev.jsonl",
    "quotes_dev": ROOT / "devsets" / "quotes_dev.jsonl",
}
_REPORTS: dict[str, object] = {}


def report_for(name: str):
    path: Path = SETS[name]
    if not path.exists():
        pytest.skip(f"gold set not found: {path}")
    if name not in _REPORTS:
        from eventwire.evaluate import gold_articles, load_gold, score
        from eventwire.pipeline import code_articles
        from eventwire.records import Failure

        gold = load_gold(path)
        coded, failures = {}, []
        for item in code_articles(gold_articles(gold)):
            if isinstance(item, Failure):
                failures.append(item)
            else:
                coded[item.article.id] = item
        _REPORTS[name] = score(gold, coded, failures)
    return _REPORTS[name]


def figures(report) -> dict[str, float]:
    out = {
        "event_f1": report.overall.f1,
        "event_precision": report.overall.precision,
        "event_recall": report.overall.recall,
        "type_accuracy": report.type_accuracy,
        "country_accuracy": report.country_accuracy,
        "sector_accuracy": report.sector_accuracy,
        # ties in confidence shared between the halves (evaluate.split_by_confidence)
        "confident_half_precision_ties_shared": report.confident_half.precision,
    }
    for name, prf in report.per_type.items():
        out[f"f1_{name}"] = prf.f1
    if report.quote_scores is not None:
        from eventwire.evaluate import quote_scores_dict

        q = quote_scores_dict(report.quote_scores)
        out["quote_f1_0.3"] = q["spans"]["all@0.3"]["f1"]
        out["quote_f1_0.8"] = q["spans"]["all@0.8"]["f1"]
        out["speaker_accuracy"] = q["speaker_accuracy"].get("all", 0.0)
    return out


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figures_do_not_fall_below_their_floors(name):
    got = figures(report_for(name))
    below = {k: (round(got.get(k, 0.0), 4), floor) for k, floor in FLOORS[name].items()
             if got.get(k, 0.0) + 1e-9 < floor}
    assert not below, f"{name}: below floor (got, floor): {below}"


def test_confidence_ranks_events():
    """On our development set, the more confident half of the events is the more precise."""
    report = report_for("events_dev")
    assert report.confident_half.precision > report.other_half.precision + 0.05
