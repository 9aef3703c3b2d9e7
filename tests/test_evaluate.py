"""The scorer's matching rule, on hand-made entities and events."""

from __future__ import annotations

from eventwire.evaluate import entity_matches, judge
from eventwire.records import Entity, Event


def ent(text: str, country: str | None = None, start: int = 0) -> Entity:
    return Entity(text, start, start + len(text), country=country)


def test_containment_is_by_whole_words():
    assert not entity_matches({"text": "military"}, ent("it"))
    assert not entity_matches({"text": "Britain"}, ent("it"))
    assert entity_matches({"text": "Greek-Cypriot"}, ent("Greek"))
    assert entity_matches({"text": "Britain's The Guardian newspaper"}, ent("The Guardian"))
    assert entity_matches({"text": "Shoigu"}, ent("Russian Defense Minister Sergei Shoigu"))
    assert entity_matches({"text": "U.S. Secretary of State John Kerry"}, ent("US Secretary of State John Kerry"))


def test_country_must_agree_when_the_gold_gives_one():
    assert entity_matches({"text": "Syria", "country": "SYR"}, ent("Syria", "SYR"))
    assert not entity_matches({"text": "Syria", "country": "SYR"}, ent("Syria", "IRQ"))


def test_offsets_decide_when_the_gold_has_them():
    assert entity_matches({"text": "x", "start": 5, "end": 10}, ent("whatever", start=8))
    assert not entity_matches({"text": "Syria", "start": 50, "end": 55}, ent("Syria", start=0))


def _event(etype: str, actor: str, country: str, conf: float = 0.5, negated: bool = False) -> Event:
    return Event(id=actor + etype, doc_id="d", event=etype, mode=None, cameo=None, quad=None,
                 actor=[ent(actor, country)], recipient=[], negated=negated, confidence=conf)


def test_judge_counts_hits_repeats_optional_and_negated():
    gold = [{"event": "ACCUSE", "actor": [{"text": "Russia", "country": "RUS"}]},
            {"event": "ASSAULT", "actor": [{"text": "rebels", "country": "SYR"}], "optional": True}]
    preds = [_event("ACCUSE", "Russia", "RUS", 0.9), _event("ACCUSE", "Moscow", "RUS", 0.4),
             _event("ASSAULT", "rebels", "SYR"), _event("AID", "Iran", "IRN"),
             _event("SANCTION", "EU", "IGO", negated=True)]
    out = judge("d", gold, preds)
    assert len(out.tp) == 1 and out.tp[0][1].confidence == 0.9
    assert [p.event for p in out.fp] == ["AID"]  # the repeat and the optional hit are neutral
    assert len(out.neutral) == 2 and not out.fn


def test_country_accuracy_judges_only_entities_whose_gold_gives_a_country():
    from eventwire.evaluate import GoldDoc, score
    from eventwire.records import Article, CodedArticle

    gold_events = [{"event": "REQUEST", "actor": [{"text": "China", "country": "CHN"}],
                    "recipient": [{"text": "parties concerned"}]}]
    doc = GoldDoc(id="d", text="China called on the parties concerned to talk.", date=None, events=gold_events,
                  quotes=None, pairs=None, raw={})
    pred = Event(id="e", doc_id="d", event="REQUEST", mode=None, cameo=None, quad=None,
                 actor=[ent("China", "CHN")], recipient=[ent("parties", "USA")], confidence=0.5)
    coded = CodedArticle(article=Article(id="d", text=doc.text), events=[pred])
    report = score([doc], {"d": coded})
    assert report.entities_found == 2 and report.country_accuracy == 1.0


def test_the_confidence_halves_share_tied_events_at_their_own_precision():
    from eventwire.evaluate import split_by_confidence

    # six events: one sure hit, then four tied at 0.5 (two hits, two misses), then a miss
    pool = [(0.9, "tp"), (0.5, "tp"), (0.5, "tp"), (0.5, "fp"), (0.5, "fp"), (0.1, "fp")]
    top, rest = split_by_confidence(pool)
    assert (top.tp, top.fp) == (2.0, 1.0) and (rest.tp, rest.fp) == (1.0, 2.0)
    # the order the tied events come in does not matter
    top2, _ = split_by_confidence([pool[0], pool[3], pool[4], pool[1], pool[2], pool[5]])
    assert (top2.tp, top2.fp) == (top.tp, top.fp)
