"""The PETRARCH validation suite: reading the records file, gold mapping, judging, and a full run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.errors import GoldFormatError
from eventwire.petrarch_suite import (
    PetrarchCoding,
    entity_code,
    format_suite,
    judge_coding,
    load_petrarch_records,
    parse_petrarch_records,
    petrarch_gold,
    plover_type,
    role_matches,
    run_suite,
    skip_reason,
    suite_options,
)
from eventwire.records import Entity, Event
from eventwire.resolve.kb import KnowledgeBase

SUITE = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "petrarch-unit"
needs_suite = pytest.mark.skipif(not (SUITE / "PETR.UnitTest.records.xml").is_file(),
                                 reason=f"PETRARCH validation suite not found at {SUITE}")

SNIPPET = """\
<Validation>
<!-- header comment with <Stop> in it, and a ### mark -->
<Environment><Actorfile>x.txt</Actorfile></Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- a comment inside a record -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor almost
five years after crowds trashed its embassy.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "19950102" id ="DEMO-01"  category="DEMO" sentence="true">
<EventCoding sourcecode="DAGGOV" targetcode="---" eventcode="084"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="osgmil" eventcode="903"></EventCoding>
<EventCoding sourcecode="###" targetcode="MOR" eventcode="010"></EventCoding>
<Text>Dagolath freed them &amp; more.</Text>
</Sentence>
<Sentence date="19950103" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding noevents = "True"> </EventCoding>
<Text>Bree & Rohan say nothing.</Text>
</Sentence>
<Sentence date="bad" id="ERR-01" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>A story to discard.</Text>
</Sentence>
<Sentence date="19950104" id="ERR-02" category="ERROR" sentence="true">
<EventCoding error="bad_input_parse"></EventCoding>
<Text>Arnor praised Gondor.</Text>
</Sentence>
<Stop></Stop>
<Sentence date="19950105" id="AFTER-STOP" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="041"></EventCoding>
<Text>Never read.</Text>
</Sentence>
</Sentences>
</Validation>
"""


@pytest.fixture(scope="module")
def records():
    return parse_petrarch_records(SNIPPET)


def test_records_are_read_in_order_until_stop(records):
    assert [r.id for r in records] == ["DEMO-00", "DEMO-01", "DEMO-01#2", "ERR-01", "ERR-02"]


def test_record_fields(records):
    demo0, demo1, repeat, discard, bad_parse = records
    assert demo0.text == ("Arnor is about to restore full diplomatic ties with Gondor almost "
                          "five years after crowds trashed its embassy.")
    assert demo0.date == dt.date(1995, 1, 1) and demo0.category == "DEMO"
    assert demo0.codings == [PetrarchCoding("ARN", "GON", "064")]
    assert demo0.config == {}
    # attributes with spaces round "=", single-quoted new actors, lower-case codes
    assert demo1.codings == [PetrarchCoding("DAGGOV", "---", "084"),
                             PetrarchCoding('"INJURY TOLL"', "OSGMIL", "903"),
                             PetrarchCoding("###", "MOR", "010")]
    assert demo1.config == {"require_dyad": "false"}  # a <Config> holds for the records after it
    assert demo1.text == "Dagolath freed them & more."
    # a bare "&" is escaped before a second try; whitespace-only noevents content is fine
    assert repeat.text == "Bree & Rohan say nothing." and repeat.no_events and repeat.expects_nothing
    assert discard.discarded and discard.expects_nothing and discard.date is None
    assert bad_parse.input_error and not bad_parse.expects_nothing


def test_unreadable_file_is_a_gold_format_error(tmp_path):
    with pytest.raises(GoldFormatError):
        parse_petrarch_records("<Validation><Sentences><Sentence>", source="broken.xml")
    with pytest.raises(GoldFormatError):
        load_petrarch_records(tmp_path / "missing.xml")


def test_plover_types_of_cameo_codes():
    assert plover_type("064") == "COOPERATE"
    assert plover_type("023") == plover_type("102") == "REQUEST"
    assert plover_type("095") == "ACCUSE"
    assert plover_type("084") == "RETREAT" and plover_type("081") == "CONCEDE"
    assert plover_type("1717") == "COERCE" and plover_type("174L") == "COERCE"
    assert plover_type("201") == "ASSAULT"
    assert plover_type("010") is None and plover_type("903") is None and plover_type("223") is None


def test_gold_mapping_skips_and_counts(records):
    gold = {d.id: d for d in petrarch_gold(records)}
    assert gold["DEMO-00"].events == [{"event": "COOPERATE", "cameo": "064",
                                       "actor": [{"country": "ARN", "sector": None, "code": "ARN"}],
                                       "recipient": [{"country": "GON", "sector": None, "code": "GON"}]}]
    d1 = gold["DEMO-01"]
    assert d1.events == [{"event": "RETREAT", "cameo": "084",
                          "actor": [{"country": "DAG", "sector": "GOV", "code": "DAGGOV"}], "recipient": []}]
    assert [s["cameo"] for s in d1.raw["skipped"]] == ["903", "010"]
    assert gold["DEMO-01#2"].events == [] and gold["ERR-01"].events == []
    assert gold["ERR-02"].events is None  # PETRARCH's bad-input test: nothing to score
    assert skip_reason(PetrarchCoding("A", "B", "010")) == "CAMEO 01 (no PLOVER type)"


def _ent(text: str, country: str | None, sector: str | None = None) -> Entity:
    return Entity(text=text, start=0, end=len(text), country=country, sector=sector)


def _event(cameo: str, actor: list[Entity], recipient: list[Entity], kind: str = "COOPERATE") -> Event:
    return Event(id="e", doc_id="d", event=kind, mode=None, cameo=cameo, quad=None, actor=actor, recipient=recipient)


def test_entity_codes_and_role_matching():
    assert entity_code(_ent("Arnor", "ARN")) == "ARN"
    assert entity_code(_ent("the government", None, "GOV")) == "---GOV"
    assert entity_code(_ent("crowds", None)) == ""
    assert entity_code(_ent("EU", "IGO", "IGO")) == "IGO"  # our organisation sector is not a PETRARCH group
    assert role_matches("IGOEEU", [_ent("the European Union", "IGO", "IGO")])
    assert role_matches("ARNGOV", [_ent("Gondor", "GON"), _ent("Arnor's minister", "ARN", "GOV")])
    assert not role_matches("ARNGOV", [_ent("Arnor", "ARN")])  # the sector is part of the code
    assert role_matches("HOBCIV", [_ent("hobbits", "HOB", "CVL")])  # CIV is read as our CVL
    assert role_matches("---GOV", [_ent("the government", None, "GOV")])
    assert role_matches("---", []) and role_matches("###", [_ent("Nasgul", None)])
    assert not role_matches("---", [_ent("Gondor", "GON")])
    assert role_matches('"INJURY TOLL"', [_ent("the injury toll", None)])


def test_a_state_named_alone_is_petrarchs_bare_code():
    kb = KnowledgeBase([{"countries": [{"code": "ARN", "aliases": ["Arnor"]}]}])
    arnor = _ent("Arnor", "ARN", "GOV")  # we say a state acts through its government
    assert entity_code(arnor) == "ARNGOV" and entity_code(arnor, kb=kb) == "ARN"
    assert role_matches("ARN", [arnor], kb=kb) and not role_matches("ARNGOV", [arnor], kb=kb)
    cabinet = _ent("the Arnor cabinet", "ARN", "GOV")  # more than the name: the government itself
    assert entity_code(cabinet, kb=kb) == "ARNGOV"


def test_judge_coding_levels():
    coding = PetrarchCoding("ARNGOV", "GON", "064")
    right = _event("0641", [_ent("Arnor's minister", "ARN", "GOV")], [_ent("Gondor", "GON")])
    wrong_target = _event("064", [_ent("Arnor's minister", "ARN", "GOV")], [_ent("Rohan", "ROH")])
    wrong_code = _event("050", [_ent("Arnor's minister", "ARN", "GOV")], [_ent("Gondor", "GON")], "SUPPORT")
    r = judge_coding("d", coding, [right])
    assert (r.root, r.source, r.target, r.plover, r.dyad) == (True, True, True, True, True)
    r = judge_coding("d", coding, [wrong_target])
    assert (r.root, r.source, r.target, r.dyad_source, r.dyad) == (True, True, False, True, False)
    r = judge_coding("d", coding, [wrong_code])
    assert (r.root, r.source, r.target, r.plover, r.dyad) == (False, False, False, False, True)
    assert judge_coding("d", PetrarchCoding("ARN", "GON", "903"), [right]).skipped


@needs_suite
def test_shared_suite_parses():
    records = load_petrarch_records(SUITE)
    assert len(records) == 284
    assert sum(len(r.codings) for r in records) == 359  # plus 19 noevents and 7 error markers
    assert sum(r.no_events for r in records) == 19
    assert sum(r.discarded for r in records) == 4 and sum(r.input_error for r in records) == 3
    assert len({r.id for r in records}) == 284  # repeated ids made unique
    assert all(r.text and r.date for r in records)
    options = suite_options(SUITE)
    assert [Path(p).name for p in options.actor_files] == ["PETR.Validate.actors.txt", "PETR.Validate.agents.txt"]


@needs_suite
@pytest.mark.slow
def test_whole_suite_reproduction_floors():
    report = run_suite(load_petrarch_records(SUITE), options=suite_options(SUITE))
    assert not report.failures
    assert report.scored == 302 and report.codings == 359
    # Floors measured on this coder; raise them when the coder gets better. The root-code rows
    # compare against the suite's own verb dictionary, whose codes are test fixtures ("welcomed"
    # is 041 there, 051 in CAMEO) and which eventwire does not import; they were re-based once
    # (25/23 -> 22/20) when our patterns moved to the CAMEO-to-PLOVER table's codes, while the
    # who-to-whom rows went up (83 -> 86).
    assert report.root >= 22
    assert report.source >= 20
    assert report.target >= 10
    assert report.dyad_source >= 139
    assert report.dyad >= 93
    assert report.false_codings <= 5
    text = format_suite(report, misses=True)
    assert "(c) root + source + target equal" in text and "MISS" in text
