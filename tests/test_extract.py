"""Extraction rules on hand-built parses: no model is loaded, so each test pins one rule."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span
import spacy

from eventwire.extract import extract_sentence, find_subject
from eventwire.patterns import load_patterns

BOOK = load_patterns()
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower_, is_punct), no model


def parse(rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """rows: (word, lemma, pos, tag, head index, dep); the root points at itself."""
    words = [r[0] for r in rows]
    doc = Doc(
        VOCAB,
        words=words,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        deps=[r[5] for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
    )
    return doc


def events(doc: Doc):
    return [
        (c.event, [t.text for t in c.actors], [t.text for t in c.recipients], c.negated, c.modality)
        for c in extract_sentence(doc[:], BOOK)
    ]


def test_active_verb_subject_and_object():
    doc = parse([
        ("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"),
        ("attacked", "attack", "VERB", "VBD", 1, "ROOT"),
        ("Aleppo", "Aleppo", "PROPN", "NNP", 1, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ])
    assert events(doc) == [("ASSAULT", ["Rebels"], ["Aleppo"], False, "asserted")]


def test_passive_agent_is_actor_and_subject_is_recipient():
    doc = parse([
        ("The", "the", "DET", "DT", 1, "det"),
        ("village", "village", "NOUN", "NN", 3, "nsubjpass"),
        ("was", "be", "AUX", "VBD", 3, "auxpass"),
        ("attacked", "attack", "VERB", "VBN", 3, "ROOT"),
        ("by", "by", "ADP", "IN", 3, "agent"),
        ("rebels", "rebel", "NOUN", "NNS", 4, "pobj"),
    ])
    assert events(doc) == [("ASSAULT", ["rebels"], ["village"], False, "asserted")]


def test_coordinated_subjects_are_one_event_with_two_actors():
    doc = parse([
        ("Moscow", "Moscow", "PROPN", "NNP", 3, "nsubj"),
        ("and", "and", "CCONJ", "CC", 0, "cc"),
        ("Washington", "Washington", "PROPN", "NNP", 0, "conj"),
        ("pledged", "pledge", "VERB", "VBD", 3, "ROOT"),
        ("cooperation", "cooperation", "NOUN", "NN", 3, "dobj"),
    ])
    assert events(doc) == [("AGREE", ["Moscow", "Washington"], [], False, "asserted")]


def test_negation_on_the_verb():
    doc = parse([
        ("Washington", "Washington", "PROPN", "NNP", 3, "nsubj"),
        ("had", "have", "AUX", "VBD", 3, "aux"),
        ("not", "not", "PART", "RB", 3, "neg"),
        ("informed", "inform", "VERB", "VBN", 3, "ROOT"),
        ("Moscow", "Moscow", "PROPN", "NNP", 3, "dobj"),
    ])
    assert events(doc) == [("CONSULT", ["Washington"], ["Moscow"], True, "asserted")]


def test_refusal_is_reject_and_consumes_the_infinitive():
    doc = parse([
        ("Palestinians", "Palestinians", "PROPN", "NNPS", 1, "nsubj"),
        ("refused", "refuse", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("meet", "meet", "VERB", "VB", 1, "xcomp"),
        ("Israeli", "israeli", "ADJ", "JJ", 5, "amod"),
        ("negotiators", "negotiator", "NOUN", "NNS", 3, "dobj"),
    ])
    assert events(doc) == [("REJECT", ["Palestinians"], ["negotiators"], False, "asserted")]


def test_threat_to_strike_is_one_threaten_with_the_target():
    doc = parse([
        ("Iran", "Iran", "PROPN", "NNP", 1, "nsubj"),
        ("threatened", "threaten", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("shell", "shell", "VERB", "VB", 1, "xcomp"),
        ("Iraqi", "iraqi", "ADJ", "JJ", 5, "amod"),
        ("towns", "town", "NOUN", "NNS", 3, "dobj"),
    ])
    assert events(doc) == [("THREATEN", ["Iran"], ["towns"], False, "asserted")]


def test_nested_accusation_gives_a_claimed_negated_event_of_the_accused():
    doc = parse([
        ("Shoigu", "Shoigu", "PROPN", "NNP", 1, "nsubj"),
        ("accused", "accuse", "VERB", "VBD", 1, "ROOT"),
        ("Washington", "Washington", "PROPN", "NNP", 1, "dobj"),
        ("of", "of", "ADP", "IN", 1, "prep"),
        ("failing", "fail", "VERB", "VBG", 3, "pcomp"),
        ("to", "to", "PART", "TO", 6, "aux"),
        ("share", "share", "VERB", "VB", 4, "xcomp"),
        ("information", "information", "NOUN", "NN", 6, "dobj"),
    ])
    cands = extract_sentence(doc[:], BOOK)
    accuse = next(c for c in cands if c.event == "ACCUSE")
    share = next(c for c in cands if c.event == "COOPERATE")
    assert [t.text for t in accuse.actors] == ["Shoigu"]
    assert [t.text for t in accuse.recipients] == ["Washington"]
    assert [t.text for t in share.actors] == ["Washington"]
    assert share.negated and share.modality == "claimed"
    assert [t.text for t in share.claimed_by] == ["Shoigu"]


def test_light_verb_noun_event_with_preposition_recipient():
    doc = parse([
        ("The", "the", "DET", "DT", 1, "det"),
        ("EU", "EU", "PROPN", "NNP", 2, "nsubj"),
        ("imposed", "impose", "VERB", "VBD", 2, "ROOT"),
        ("sanctions", "sanction", "NOUN", "NNS", 2, "dobj"),
        ("on", "on", "ADP", "IN", 3, "prep"),
        ("Iran", "Iran", "PROPN", "NNP", 4, "pobj"),
    ])
    assert events(doc) == [("SANCTION", ["EU"], ["Iran"], False, "asserted")]


def test_air_support_is_military_aid():
    doc = parse([
        ("Russia", "Russia", "PROPN", "NNP", 1, "nsubj"),
        ("provides", "provide", "VERB", "VBZ", 1, "ROOT"),
        ("air", "air", "NOUN", "NN", 3, "compound"),
        ("support", "support", "NOUN", "NN", 1, "dobj"),
        ("to", "to", "ADP", "IN", 1, "prep"),
        ("Assad", "Assad", "PROPN", "NNP", 4, "pobj"),
    ])
    assert events(doc) == [("AID", ["Russia"], ["Assad"], False, "asserted")]


def test_future_aid_is_agree():
    doc = parse([
        ("Japan", "Japan", "PROPN", "NNP", 2, "nsubj"),
        ("will", "will", "AUX", "MD", 2, "aux"),
        ("provide", "provide", "VERB", "VB", 2, "ROOT"),
        ("aid", "aid", "NOUN", "NN", 2, "dobj"),
        ("to", "to", "ADP", "IN", 2, "prep"),
        ("Manila", "Manila", "PROPN", "NNP", 4, "pobj"),
    ])
    assert events(doc) == [("AGREE", ["Japan"], ["Manila"], False, "future")]


def test_talks_between_two_parties_without_a_verb_actor():
    doc = parse([
        ("Talks", "talk", "NOUN", "NNS", 5, "nsubj"),
        ("between", "between", "ADP", "IN", 0, "prep"),
        ("Russia", "Russia", "PROPN", "NNP", 1, "pobj"),
        ("and", "and", "CCONJ", "CC", 2, "cc"),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 2, "conj"),
        ("ended", "end", "VERB", "VBD", 5, "ROOT"),
    ])
    assert events(doc) == [("CONSULT", ["Russia", "Ukraine"], [], False, "asserted")]


def test_sentence_without_event_words_yields_nothing():
    doc = parse([
        ("The", "the", "DET", "DT", 1, "det"),
        ("team", "team", "NOUN", "NN", 2, "nsubj"),
        ("won", "win", "VERB", "VBD", 2, "ROOT"),
        ("the", "the", "DET", "DT", 4, "det"),
        ("match", "match", "NOUN", "NN", 2, "dobj"),
    ])
    assert events(doc) == []


def test_relative_clause_subject_is_the_modified_noun():
    # "the rebels who attacked the town"
    doc = parse([
        ("rebels", "rebel", "NOUN", "NNS", 0, "ROOT"),
        ("who", "who", "PRON", "WP", 2, "nsubj"),
        ("attacked", "attack", "VERB", "VBD", 0, "relcl"),
        ("town", "town", "NOUN", "NN", 2, "dobj"),
    ])
    assert find_subject(doc[2])[0].text == "rebels"


@pytest.mark.parametrize("lemma", ["accuse", "attack", "meet", "arrest", "impose"])
def test_pattern_book_has_common_news_verbs(lemma):
    assert lemma in BOOK.verbs or lemma in BOOK.light_verbs


def test_a_requests_content_is_not_an_event():
    # "The ministers urged Russia to accept the ceasefire": the request, not an acceptance
    doc = parse([
        ("ministers", "minister", "NOUN", "NNS", 1, "nsubj"),
        ("urged", "urge", "VERB", "VBD", 1, "ROOT"),
        ("Russia", "Russia", "PROPN", "NNP", 1, "dobj"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("accept", "accept", "VERB", "VB", 1, "xcomp"),
        ("ceasefire", "ceasefire", "NOUN", "NN", 4, "dobj"),
    ])
    assert [e[0] for e in events(doc)] == ["REQUEST"]


def test_a_condition_is_not_an_event():
    # "Rebels will free soldiers if the government releases prisoners"
    doc = parse([
        ("Rebels", "rebel", "NOUN", "NNS", 2, "nsubj"),
        ("will", "will", "AUX", "MD", 2, "aux"),
        ("free", "free", "VERB", "VB", 2, "ROOT"),
        ("soldiers", "soldier", "NOUN", "NNS", 2, "dobj"),
        ("if", "if", "SCONJ", "IN", 7, "mark"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("government", "government", "NOUN", "NN", 7, "nsubj"),
        ("releases", "release", "VERB", "VBZ", 2, "advcl"),
        ("prisoners", "prisoner", "NOUN", "NNS", 7, "dobj"),
    ])
    assert [(e[0], e[1]) for e in events(doc)] == [("AGREE", ["Rebels"])]


def test_a_protest_that_is_the_acts_purpose_happened():
    # "Doctors walked out to protest the plan"
    doc = parse([
        ("Doctors", "doctor", "NOUN", "NNS", 1, "nsubj"),
        ("walked", "walk", "VERB", "VBD", 1, "ROOT"),
        ("out", "out", "ADP", "RP", 1, "prt"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("protest", "protest", "VERB", "VB", 1, "advcl"),
        ("plan", "plan", "NOUN", "NN", 4, "dobj"),
    ])
    assert [e[0] for e in events(doc)] == ["PROTEST"]


def test_what_an_implicative_verb_governs_happened():
    # "Troops began to withdraw from the town"
    doc = parse([
        ("Troops", "troop", "NOUN", "NNS", 1, "nsubj"),
        ("began", "begin", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("withdraw", "withdraw", "VERB", "VB", 1, "xcomp"),
        ("from", "from", "ADP", "IN", 3, "prep"),
        ("town", "town", "NOUN", "NN", 4, "pobj"),
    ])
    assert [(e[0], e[1]) for e in events(doc)] == [("RETREAT", ["Troops"])]


def _says_it(verb, lemma, tag, aux):
    rows = [
        ("Syria", "Syria", "PROPN", "NNP", 1, "nsubj"),
        ("says", "say", "VERB", "VBZ", 1, "ROOT"),
        ("it", "it", "PRON", "PRP", 4 if aux else 3, "nsubj"),
    ]
    if aux:
        rows.append((aux, aux, "AUX", "MD", 4, "aux"))
    rows += [
        (verb, lemma, "VERB", tag, 1, "ccomp"),
        ("troops", "troop", "NOUN", "NNS", len(rows), "dobj"),
    ]
    doc = parse(rows)
    doc.ents = [Span(doc, 0, 1, label="GPE")]
    return doc


def test_a_speakers_commitment_names_the_speaker():
    # "Syria says it will withdraw troops": Syria's declared withdrawal (CONCEDE, PLOVER
    # manual), made in "Syria says"
    assert [(e[0], e[1]) for e in events(_says_it("withdraw", "withdraw", "VB", "will"))] == [("CONCEDE", ["Syria"])]


def test_what_a_speaker_says_it_did_keeps_the_pronoun():
    # "Syria says it attacked troops": the pronoun's event, which the speaker claims
    assert [(e[0], e[1]) for e in events(_says_it("attacked", "attack", "VBD", None))] == [("ASSAULT", ["it"])]


def test_a_threat_is_addressed_to_who_must_meet_its_condition():
    # "Iran threatened to launch an offensive unless Baghdad accepted"
    doc = parse([
        ("Iran", "Iran", "PROPN", "NNP", 1, "nsubj"),
        ("threatened", "threaten", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("launch", "launch", "VERB", "VB", 1, "xcomp"),
        ("military", "military", "ADJ", "JJ", 5, "amod"),
        ("offensive", "offensive", "NOUN", "NN", 3, "dobj"),
        ("unless", "unless", "SCONJ", "IN", 8, "mark"),
        ("Baghdad", "Baghdad", "PROPN", "NNP", 8, "nsubj"),
        ("accepted", "accept", "VERB", "VBD", 3, "advcl"),
    ])
    (cand,) = extract_sentence(doc[:], BOOK)
    options = [(role, [t.text for t in toks]) for role, toks in cand.recipient_options]
    # the offensive is no actor, so the resolution stage moves on to Baghdad; "military" is no option
    assert ("condition.nsubj", ["Baghdad"]) in options
    assert not any("military" in toks for _, toks in options)


def test_a_reduced_passive_clause_does_not_make_its_patient_the_actor():
    # "The leader is dead, killed in a joint operation": nobody named did the killing
    doc = parse([
        ("leader", "leader", "NOUN", "NN", 1, "nsubj"),
        ("is", "be", "AUX", "VBZ", 1, "ROOT"),
        ("dead", "dead", "ADJ", "JJ", 1, "acomp"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("killed", "kill", "VERB", "VBN", 1, "advcl"),
        ("in", "in", "ADP", "IN", 4, "prep"),
        ("operation", "operation", "NOUN", "NN", 5, "pobj"),
    ])
    assert [e for e in events(doc) if e[1]] == []


def test_intent_verb_with_infinitive_parsed_as_adverbial_clause():
    # "Iran vowed on Monday to attack Israel": the parser may call the infinitive an advcl;
    # it is still what Iran vowed, so a threat and not an attack
    doc = parse([
        ("Iran", "Iran", "PROPN", "NNP", 1, "nsubj"),
        ("vowed", "vow", "VERB", "VBD", 1, "ROOT"),
        ("on", "on", "ADP", "IN", 1, "prep"),
        ("Monday", "Monday", "PROPN", "NNP", 2, "pobj"),
        ("to", "to", "PART", "TO", 5, "aux"),
        ("attack", "attack", "VERB", "VB", 1, "advcl"),
        ("Israel", "Israel", "PROPN", "NNP", 5, "dobj"),
    ])
    assert events(doc) == [("THREATEN", ["Iran"], ["Israel"], False, "intended")]


def test_coordinated_object_of_light_verb_is_its_object_too():
    # "launched artillery and rocket fire against camps": "fire" is coordinated with the object
    doc = parse([
        ("Forces", "force", "NOUN", "NNS", 1, "nsubj"),
        ("launched", "launch", "VERB", "VBD", 1, "ROOT"),
        ("artillery", "artillery", "NOUN", "NN", 1, "dobj"),
        ("and", "and", "CCONJ", "CC", 2, "cc"),
        ("rocket", "rocket", "NOUN", "NN", 5, "compound"),
        ("fire", "fire", "NOUN", "NN", 2, "conj"),
        ("against", "against", "ADP", "IN", 5, "prep"),
        ("camps", "camp", "NOUN", "NNS", 6, "pobj"),
    ])
    assert events(doc) == [("ASSAULT", ["Forces"], ["camps"], False, "asserted")]


def test_preposition_left_without_object_by_a_reduced_relative():
    # "granted asylum to officers holed up in a residence": the parser makes "officers" the
    # subject of "holed" and leaves "to" with no object
    doc = parse([
        ("Peru", "Peru", "PROPN", "NNP", 1, "nsubj"),
        ("granted", "grant", "VERB", "VBD", 1, "ROOT"),
        ("asylum", "asylum", "NOUN", "NN", 1, "dobj"),
        ("to", "to", "ADP", "IN", 1, "prep"),
        ("officers", "officer", "NOUN", "NNS", 5, "nsubj"),
        ("holed", "hole", "VERB", "VBD", 1, "advcl"),
        ("up", "up", "ADP", "RP", 5, "prt"),
    ])
    assert events(doc) == [("AID", ["Peru"], ["officers"], False, "asserted")]


def test_demand_clause_hung_on_the_light_verb():
    # "reiterated its demand today that Israel ease restrictions": with a word between them the
    # parser hangs the noun's "that" clause on the verb; Israel is still who is asked
    doc = parse([
        ("ILO", "ILO", "PROPN", "NNP", 1, "nsubj"),
        ("reiterated", "reiterate", "VERB", "VBD", 1, "ROOT"),
        ("its", "its", "PRON", "PRP$", 3, "poss"),
        ("demand", "demand", "NOUN", "NN", 1, "dobj"),
        ("today", "today", "NOUN", "NN", 1, "npadvmod"),
        ("that", "that", "SCONJ", "IN", 7, "mark"),
        ("Israel", "Israel", "PROPN", "NNP", 7, "nsubj"),
        ("ease", "ease", "VERB", "VB", 1, "ccomp"),
        ("restrictions", "restriction", "NOUN", "NNS", 7, "dobj"),
    ])
    assert ("REQUEST", ["ILO"], ["Israel"], False, "asserted") in events(doc)


def test_a_protests_target_is_what_its_purpose_shows_anger_at():
    # "blocked roads to show their anger at the government": the grievance noun says at whom
    doc = parse([
        ("Students", "student", "NOUN", "NNS", 1, "nsubj"),
        ("blocked", "block", "VERB", "VBD", 1, "ROOT"),
        ("roads", "road", "NOUN", "NNS", 1, "dobj"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("show", "show", "VERB", "VB", 1, "advcl"),
        ("their", "their", "PRON", "PRP$", 6, "poss"),
        ("anger", "anger", "NOUN", "NN", 4, "dobj"),
        ("at", "at", "ADP", "IN", 6, "prep"),
        ("government", "government", "NOUN", "NN", 7, "pobj"),
    ])
    assert events(doc) == [("PROTEST", ["Students"], ["government"], False, "asserted")]


def test_protesting_at_something_names_its_target():
    doc = parse([
        ("Workers", "worker", "NOUN", "NNS", 1, "nsubj"),
        ("protested", "protest", "VERB", "VBD", 1, "ROOT"),
        ("at", "at", "ADP", "IN", 1, "prep"),
        ("Moscow", "Moscow", "PROPN", "NNP", 2, "pobj"),
    ])
    assert events(doc) == [("PROTEST", ["Workers"], ["Moscow"], False, "asserted")]


def test_a_participle_parsed_as_subject_gives_its_noun():
    # "The agency operating in Iraq said the forces must leave": the parser makes "operating"
    # the subject of "said" and the agency the subject of "operating"
    doc = parse([
        ("Agency", "agency", "NOUN", "NN", 1, "nsubj"),
        ("operating", "operate", "VERB", "VBG", 4, "nsubj"),
        ("in", "in", "ADP", "IN", 1, "prep"),
        ("Iraq", "Iraq", "PROPN", "NNP", 2, "pobj"),
        ("said", "say", "VERB", "VBD", 4, "ROOT"),
        ("forces", "force", "NOUN", "NNS", 7, "nsubj"),
        ("must", "must", "AUX", "MD", 7, "aux"),
        ("leave", "leave", "VERB", "VB", 4, "ccomp"),
    ])
    assert [t.text for t in find_subject(doc[4])] == ["Agency"]


def test_a_list_of_names_the_parser_reads_as_apposition_and_conjunct():
    # "Mali, Burkina Faso and Niger announced ...": "Faso" is parsed as an apposition of Mali
    # and Niger as its conjunct; all three are the subject
    from eventwire.extract import conjuncts

    rows = [("Mali", "Mali", "PROPN", "NNP", 6, "nsubj"), (",", ",", "PUNCT", ",", 0, "punct"),
            ("Burkina", "Burkina", "PROPN", "NNP", 3, "compound"), ("Faso", "Faso", "PROPN", "NNP", 0, "appos"),
            ("and", "and", "CCONJ", "CC", 3, "cc"), ("Niger", "Niger", "PROPN", "NNP", 3, "conj"),
            ("announced", "announce", "VERB", "VBD", 6, "ROOT")]
    doc = Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              tags=[r[3] for r in rows], heads=[r[4] for r in rows], deps=[r[5] for r in rows],
              ents=["B-GPE", "O", "B-GPE", "I-GPE", "O", "B-GPE", "O"])
    assert [t.text for t in conjuncts(doc[0])] == ["Mali", "Faso", "Niger"]
    assert [t.text for t in find_subject(doc[6])] == ["Mali", "Faso", "Niger"]
    # a true apposition is no list member: "Mali, a West African country, ..." has no conjunct
    doc = parse([("Mali", "Mali", "PROPN", "NNP", 3, "nsubj"), ("country", "country", "NOUN", "NN", 0, "appos"),
                 ("and", "and", "CCONJ", "CC", 1, "cc"), ("said", "say", "VERB", "VBD", 3, "ROOT")])
    assert [t.text for t in conjuncts(doc[0])] == ["Mali"]


def test_an_invitation_is_an_offer_to_cooperate():
    # PLOVER: invitations (for state visits and the like) are AGREE, not requests
    doc = parse([
        ("Xi", "Xi", "PROPN", "NNP", 1, "nsubj"),
        ("invited", "invite", "VERB", "VBD", 1, "ROOT"),
        ("Lula", "Lula", "PROPN", "NNP", 1, "dobj"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("visit", "visit", "VERB", "VB", 1, "xcomp"),
        ("Beijing", "Beijing", "PROPN", "NNP", 4, "dobj"),
    ])
    assert [e[:3] for e in events(doc)] == [("AGREE", ["Xi"], ["Lula"])]


def test_a_message_whose_that_clause_says_someone_must_is_a_demand_of_its_addressee():
    # "issued a reminder to Iraq that it must cooperate": REQUEST -> Iraq; the cooperation is
    # what was demanded, not something that happened
    doc = parse([
        ("Chirac", "Chirac", "PROPN", "NNP", 1, "nsubj"),
        ("issued", "issue", "VERB", "VBD", 1, "ROOT"),
        ("a", "a", "DET", "DT", 3, "det"),
        ("reminder", "reminder", "NOUN", "NN", 1, "dobj"),
        ("to", "to", "ADP", "IN", 1, "dative"),
        ("Iraq", "Iraq", "PROPN", "NNP", 4, "pobj"),
        ("that", "that", "SCONJ", "IN", 9, "mark"),
        ("it", "it", "PRON", "PRP", 9, "nsubj"),
        ("must", "must", "AUX", "MD", 9, "aux"),
        ("cooperate", "cooperate", "VERB", "VB", 3, "acl"),
    ])
    assert events(doc) == [("REQUEST", ["Chirac"], ["Iraq"], False, "asserted")]


def test_a_count_read_as_a_particle_still_gives_the_object():
    # "have kidnapped up to 16 advisers": the parser reads "up" as the verb's particle and the
    # counted noun as the object of "to"; the advisers are still who was kidnapped
    doc = parse([
        ("Rebels", "rebel", "NOUN", "NNS", 2, "nsubj"),
        ("have", "have", "AUX", "VBP", 2, "aux"),
        ("kidnapped", "kidnap", "VERB", "VBN", 2, "ROOT"),
        ("up", "up", "ADP", "RP", 2, "prt"),
        ("to", "to", "ADP", "IN", 3, "prep"),
        ("16", "16", "NUM", "CD", 6, "nummod"),
        ("advisers", "adviser", "NOUN", "NNS", 4, "pobj"),
    ])
    assert events(doc) == [("ASSAULT", ["Rebels"], ["advisers"], False, "asserted")]


def test_a_partitive_object_is_read_through_its_of_phrase():
    # "captured part of a stronghold" is the capture of a stronghold (ASSAULT), not an arrest
    doc = parse([
        ("Troops", "troop", "NOUN", "NNS", 1, "nsubj"),
        ("captured", "capture", "VERB", "VBD", 1, "ROOT"),
        ("part", "part", "NOUN", "NN", 1, "dobj"),
        ("of", "of", "ADP", "IN", 2, "prep"),
        ("a", "a", "DET", "DT", 5, "det"),
        ("stronghold", "stronghold", "NOUN", "NN", 3, "pobj"),
    ])
    assert events(doc) == [("ASSAULT", ["Troops"], ["stronghold"], False, "asserted")]


def test_a_missile_fired_into_the_sea_is_a_weapons_test():
    doc = parse([
        ("Pyongyang", "Pyongyang", "PROPN", "NNP", 1, "nsubj"),
        ("fired", "fire", "VERB", "VBD", 1, "ROOT"),
        ("a", "a", "DET", "DT", 3, "det"),
        ("missile", "missile", "NOUN", "NN", 1, "dobj"),
        ("into", "into", "ADP", "IN", 1, "prep"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("sea", "sea", "NOUN", "NN", 4, "pobj"),
    ])
    assert events(doc) == [("MOBILIZE", ["Pyongyang"], [], False, "asserted")]



def test_what_a_fight_is_to_take_is_what_it_is_against_and_is_not_yet_taken():
    # "Rebels vowed to fight until they gain control of the villages": a threat against the
    # villages; the gaining of control has not happened
    doc = parse([
        ("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"),
        ("vowed", "vow", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("fight", "fight", "VERB", "VB", 1, "xcomp"),
        ("until", "until", "SCONJ", "IN", 6, "mark"),
        ("they", "they", "PRON", "PRP", 6, "nsubj"),
        ("gain", "gain", "VERB", "VBP", 3, "advcl"),
        ("control", "control", "NOUN", "NN", 6, "dobj"),
        ("of", "of", "ADP", "IN", 7, "prep"),
        ("villages", "village", "NOUN", "NNS", 8, "pobj"),
    ])
    assert events(doc) == [("THREATEN", ["Rebels"], ["villages"], False, "intended")]
    doc = parse([
        ("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"),
        ("vowed", "vow", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "PART", "TO", 3, "aux"),
        ("fight", "fight", "VERB", "VB", 1, "xcomp"),
        ("until", "until", "SCONJ", "IN", 6, "mark"),
        ("they", "they", "PRON", "PRP", 6, "nsubj"),
        ("capture", "capture", "VERB", "VBP", 3, "advcl"),
        ("Kabul", "Kabul", "PROPN", "NNP", 6, "dobj"),
    ])
    assert [e[0] for e in events(doc)] == ["THREATEN"]  # no capture of Kabul coded


def test_a_speaker_sharing_its_verb_with_a_conjunct_still_names_its_own_stance():
    # "Rebels rejected the plan and said they opposed the force": the opposition is the rebels'
    doc = parse([
        ("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"),
        ("rejected", "reject", "VERB", "VBD", 1, "ROOT"),
        ("plan", "plan", "NOUN", "NN", 1, "dobj"),
        ("and", "and", "CCONJ", "CC", 1, "cc"),
        ("said", "say", "VERB", "VBD", 1, "conj"),
        ("they", "they", "PRON", "PRP", 6, "nsubj"),
        ("opposed", "oppose", "VERB", "VBD", 4, "ccomp"),
        ("force", "force", "NOUN", "NN", 6, "dobj"),
    ])
    assert [(e[0], e[1]) for e in events(doc)] == [("REJECT", ["Rebels"]), ("REJECT", ["Rebels"])]


def test_dismissing_something_as_a_thing_criticizes_whoever_is_behind_it():
    # "Nebenzia dismissed the findings as controlled and directed by the West": ACCUSE the West
    doc = parse([
        ("Nebenzia", "Nebenzia", "PROPN", "NNP", 1, "nsubj"),
        ("dismissed", "dismiss", "VERB", "VBD", 1, "ROOT"),
        ("findings", "finding", "NOUN", "NNS", 1, "dobj"),
        ("as", "as", "SCONJ", "IN", 4, "mark"),
        ("controlled", "control", "VERB", "VBN", 1, "advcl"),
        ("and", "and", "CCONJ", "CC", 4, "cc"),
        ("directed", "direct", "VERB", "VBN", 4, "conj"),
        ("by", "by", "ADP", "IN", 6, "agent"),
        ("West", "West", "PROPN", "NNP", 7, "pobj"),
    ])
    assert [(e[0], e[1], e[2]) for e in events(doc)] == [("ACCUSE", ["Nebenzia"], ["West"])]
    # "Zelenskyy dismissed Putin's response as manipulative": the "as" hangs on the object
    doc = parse([
        ("Zelenskyy", "Zelenskyy", "PROPN", "NNP", 1, "nsubj"),
        ("dismissed", "dismiss", "VERB", "VBD", 1, "ROOT"),
        ("Putin", "Putin", "PROPN", "NNP", 4, "poss"),
        ("'s", "'s", "PART", "POS", 2, "case"),
        ("response", "response", "NOUN", "NN", 1, "dobj"),
        ("as", "as", "ADP", "IN", 4, "prep"),
        ("manipulative", "manipulative", "ADJ", "JJ", 5, "amod"),
    ])
    assert [(e[0], e[1], e[2]) for e in events(doc)] == [("ACCUSE", ["Zelenskyy"], ["Putin"])]
    # "dismissed the accusations as baseless": rejecting a charge, not criticizing
    doc = parse([
        ("Moscow", "Moscow", "PROPN", "NNP", 1, "nsubj"),
        ("dismissed", "dismiss", "VERB", "VBD", 1, "ROOT"),
        ("accusations", "accusation", "NOUN", "NNS", 1, "dobj"),
        ("as", "as", "ADV", "RB", 4, "advmod"),
        ("baseless", "baseless", "ADJ", "JJ", 1, "advcl"),
    ])
    assert [e[0] for e in events(doc)] == ["REJECT"]
    # "charges which Washington has dismissed as baseless": the relative clause's noun is the object
    doc = parse([
        ("charges", "charge", "NOUN", "NNS", 0, "ROOT"),
        ("which", "which", "PRON", "WDT", 4, "dobj"),
        ("Washington", "Washington", "PROPN", "NNP", 4, "nsubj"),
        ("has", "have", "AUX", "VBZ", 4, "aux"),
        ("dismissed", "dismiss", "VERB", "VBN", 0, "relcl"),
        ("as", "as", "ADV", "RB", 6, "advmod"),
        ("baseless", "baseless", "ADJ", "JJ", 4, "advcl"),
    ])
    assert [e[0] for e in events(doc)] == ["REJECT"]


def test_whom_a_rejection_answers_is_its_recipient():
    # "rejected the accusations while responding to the statement by the Taliban chief"
    doc = parse([
        ("spokesman", "spokesman", "NOUN", "NN", 1, "nsubj"),
        ("rejected", "reject", "VERB", "VBD", 1, "ROOT"),
        ("accusations", "accusation", "NOUN", "NNS", 1, "dobj"),
        ("while", "while", "SCONJ", "IN", 4, "mark"),
        ("responding", "respond", "VERB", "VBG", 1, "advcl"),
        ("to", "to", "ADP", "IN", 4, "prep"),
        ("statement", "statement", "NOUN", "NN", 5, "pobj"),
        ("by", "by", "ADP", "IN", 6, "prep"),
        ("chief", "chief", "NOUN", "NN", 7, "pobj"),
    ])
    assert [(e[0], e[1], e[2]) for e in events(doc)] == [("REJECT", ["spokesman"], ["chief"])]
    # "Beijing rejected the charge in response to Washington's remarks"
    doc = parse([
        ("Beijing", "Beijing", "PROPN", "NNP", 1, "nsubj"),
        ("rejected", "reject", "VERB", "VBD", 1, "ROOT"),
        ("charge", "charge", "NOUN", "NN", 1, "dobj"),
        ("in", "in", "ADP", "IN", 1, "prep"),
        ("response", "response", "NOUN", "NN", 3, "pobj"),
        ("to", "to", "ADP", "IN", 4, "prep"),
        ("Washington", "Washington", "PROPN", "NNP", 7, "poss"),
        ("remarks", "remark", "NOUN", "NNS", 5, "pobj"),
    ])
    assert [(e[0], e[1], e[2]) for e in events(doc)] == [("REJECT", ["Beijing"], ["Washington"])]


def test_a_speakers_own_body_committing_is_the_speakers_commitment():
    # "Buhari said his administration will not succumb to pressure": Buhari refuses
    doc = parse([
        ("Buhari", "Buhari", "PROPN", "NNP", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("his", "his", "PRON", "PRP$", 3, "poss"),
        ("administration", "administration", "NOUN", "NN", 6, "nsubj"),
        ("will", "will", "AUX", "MD", 6, "aux"),
        ("not", "not", "PART", "RB", 6, "neg"),
        ("succumb", "succumb", "VERB", "VB", 1, "ccomp"),
        ("to", "to", "ADP", "IN", 6, "prep"),
        ("pressure", "pressure", "NOUN", "NN", 7, "pobj"),
    ])
    assert [(e[0], e[1]) for e in events(doc)] == [("REJECT", ["Buhari"])]


def test_saying_someone_tries_to_do_wrong_accuses_them():
    # "Akhundzada said the Kabul administration has tried to sabotage the process"
    doc = parse([
        ("Akhundzada", "Akhundzada", "PROPN", "NNP", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("administration", "administration", "NOUN", "NN", 4, "nsubj"),
        ("has", "have", "AUX", "VBZ", 4, "aux"),
        ("tried", "try", "VERB", "VBN", 1, "ccomp"),
        ("to", "to", "PART", "TO", 6, "aux"),
        ("sabotage", "sabotage", "VERB", "VB", 4, "xcomp"),
        ("process", "process", "NOUN", "NN", 6, "dobj"),
    ])
    assert [(e[0], e[1], e[2]) for e in events(doc)] == [("ACCUSE", ["Akhundzada"], ["administration"])]


def test_releasing_a_statement_frees_no_one():
    # "a joint statement released by both governments"
    doc = parse([
        ("statement", "statement", "NOUN", "NN", 0, "ROOT"),
        ("released", "release", "VERB", "VBN", 0, "acl"),
        ("by", "by", "ADP", "IN", 1, "agent"),
        ("governments", "government", "NOUN", "NNS", 2, "pobj"),
    ])
    assert events(doc) == []
    doc = parse([
        ("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"),
        ("released", "release", "VERB", "VBD", 1, "ROOT"),
        ("hostages", "hostage", "NOUN", "NNS", 1, "dobj"),
    ])
    assert [e[0] for e in events(doc)] == ["RETREAT"]


def test_the_means_of_a_demanded_act_is_demanded_too():
    # "called for Russia to reciprocate by agreeing to a ceasefire": Russia has agreed to nothing
    doc = parse([
        ("We", "we", "PRON", "PRP", 1, "nsubj"),
        ("called", "call", "VERB", "VBD", 1, "ROOT"),
        ("for", "for", "SCONJ", "IN", 5, "mark"),
        ("Russia", "Russia", "PROPN", "NNP", 5, "nsubj"),
        ("to", "to", "PART", "TO", 5, "aux"),
        ("reciprocate", "reciprocate", "VERB", "VB", 1, "advcl"),
        ("by", "by", "ADP", "IN", 5, "prep"),
        ("agreeing", "agree", "VERB", "VBG", 6, "pcomp"),
        ("to", "to", "ADP", "IN", 7, "prep"),
        ("ceasefire", "ceasefire", "NOUN", "NN", 8, "pobj"),
    ])
    assert [e[0] for e in events(doc)] == []


def test_a_heavy_object_after_a_measure_phrase_is_the_object():
    # "Bashir shortened by one hour the curfew imposed in Sudan": the parser makes "by one hour"
    # an agent and hangs the curfew elsewhere; the curfew is what was shortened, and the
    # place its participle names is whom the concession is for
    doc = parse([
        ("Bashir", "Bashir", "PROPN", "NNP", 1, "nsubj"),
        ("shortened", "shorten", "VERB", "VBN", 1, "ROOT"),
        ("by", "by", "ADP", "IN", 1, "agent"),
        ("one", "one", "NUM", "CD", 4, "nummod"),
        ("hour", "hour", "NOUN", "NN", 2, "pobj"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("curfew", "curfew", "NOUN", "NN", 10, "nsubj"),
        ("imposed", "impose", "VERB", "VBN", 6, "acl"),
        ("in", "in", "ADP", "IN", 7, "prep"),
        ("Sudan", "Sudan", "PROPN", "NNP", 8, "pobj"),
        ("ended", "end", "VERB", "VBD", 1, "ccomp"),
    ])
    assert events(doc)[0] == ("CONCEDE", ["Bashir"], ["Sudan"], False, "asserted")


def test_a_measure_phrase_before_no_noun_gives_no_object():
    # "prices rose by ten percent": nothing follows the measure
    doc = parse([
        ("Bashir", "Bashir", "PROPN", "NNP", 1, "nsubj"),
        ("shortened", "shorten", "VERB", "VBD", 1, "ROOT"),
        ("it", "it", "PRON", "PRP", 1, "dobj"),
        ("by", "by", "ADP", "IN", 1, "prep"),
        ("one", "one", "NUM", "CD", 5, "nummod"),
        ("hour", "hour", "NOUN", "NN", 3, "pobj"),
    ])
    assert events(doc) == []


def test_the_objects_participle_carries_the_recipient_phrase():
    # "lifted the sanctions imposed on Iran": Iran is whom the concession is for
    doc = parse([
        ("EU", "EU", "PROPN", "NNP", 1, "nsubj"),
        ("lifted", "lift", "VERB", "VBD", 1, "ROOT"),
        ("sanctions", "sanction", "NOUN", "NNS", 1, "dobj"),
        ("imposed", "impose", "VERB", "VBN", 2, "acl"),
        ("on", "on", "ADP", "IN", 3, "prep"),
        ("Iran", "Iran", "PROPN", "NNP", 4, "pobj"),
    ])
    assert events(doc) == [("CONCEDE", ["EU"], ["Iran"], False, "asserted")]


def test_allowing_people_in_is_access_by_what_they_may_do():
    # "Israel allowed aid workers to enter Gaza": access (RETREAT); "allowed others to learn" is none
    doc = parse([
        ("Israel", "Israel", "PROPN", "NNP", 1, "nsubj"),
        ("allowed", "allow", "VERB", "VBD", 1, "ROOT"),
        ("workers", "worker", "NOUN", "NNS", 4, "nsubj"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("enter", "enter", "VERB", "VB", 1, "ccomp"),
        ("Gaza", "Gaza", "PROPN", "NNP", 4, "dobj"),
    ])
    assert events(doc) == [("RETREAT", ["Israel"], ["workers"], False, "asserted")]
    doc = parse([
        ("Israel", "Israel", "PROPN", "NNP", 1, "nsubj"),
        ("allowed", "allow", "VERB", "VBD", 1, "ROOT"),
        ("others", "other", "NOUN", "NNS", 4, "nsubj"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("learn", "learn", "VERB", "VB", 1, "ccomp"),
    ])
    assert events(doc) == []


def test_a_promised_return_through_a_relative_clause_is_an_agreement():
    # "Turkey will allow refugees who have lived in Iraq to return": the parser hangs the
    # infinitive on the relative clause; promised access is AGREE
    doc = parse([
        ("Turkey", "Turkey", "PROPN", "NNP", 2, "nsubj"),
        ("will", "will", "AUX", "MD", 2, "aux"),
        ("allow", "allow", "VERB", "VB", 2, "ROOT"),
        ("refugees", "refugee", "NOUN", "NNS", 2, "dobj"),
        ("who", "who", "PRON", "WP", 6, "nsubj"),
        ("have", "have", "AUX", "VBP", 6, "aux"),
        ("lived", "live", "VERB", "VBN", 3, "relcl"),
        ("in", "in", "ADP", "IN", 6, "prep"),
        ("Iraq", "Iraq", "PROPN", "NNP", 7, "pobj"),
        ("to", "to", "PART", "TO", 10, "aux"),
        ("return", "return", "VERB", "VB", 6, "advcl"),
    ])
    assert events(doc) == [("AGREE", ["Turkey"], ["refugees"], False, "future")]


def test_allowing_a_candidate_to_run_is_a_concession():
    doc = parse([
        ("court", "court", "NOUN", "NN", 1, "nsubj"),
        ("allowed", "allow", "VERB", "VBD", 1, "ROOT"),
        ("Ouattara", "Ouattara", "PROPN", "NNP", 4, "nsubj"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("participate", "participate", "VERB", "VB", 1, "ccomp"),
    ])
    assert events(doc) == [("CONCEDE", ["court"], ["Ouattara"], False, "asserted")]


def test_a_joint_action_of_any_noun_is_cooperation_among_its_parties():
    # "vessels carried out a joint search": no sense of its own, the light verb and "joint" make it one
    doc = parse([
        ("vessels", "vessel", "NOUN", "NNS", 1, "nsubj"),
        ("carried", "carry", "VERB", "VBD", 1, "ROOT"),
        ("out", "out", "ADP", "RP", 1, "prt"),
        ("a", "a", "DET", "DT", 5, "det"),
        ("joint", "joint", "ADJ", "JJ", 5, "amod"),
        ("search", "search", "NOUN", "NN", 1, "dobj"),
    ])
    (cand,) = extract_sentence(doc[:], BOOK)
    assert (cand.event, cand.joint, [t.text for t in cand.actors]) == ("COOPERATE", True, ["vessels"])


def test_the_visitor_received_by_a_host_is_the_actor():
    # PLOVER: the visitor is the actor, the host the recipient
    doc = parse([
        ("minister", "minister", "NOUN", "NN", 2, "nsubjpass"),
        ("was", "be", "AUX", "VBD", 2, "auxpass"),
        ("received", "receive", "VERB", "VBN", 2, "ROOT"),
        ("by", "by", "ADP", "IN", 2, "agent"),
        ("Salman", "Salman", "PROPN", "NNP", 3, "pobj"),
    ])
    assert events(doc) == [("CONSULT", ["minister"], ["Salman"], False, "asserted")]
    doc = parse([
        ("Yeltsin", "Yeltsin", "PROPN", "NNP", 1, "nsubj"),
        ("hosted", "host", "VERB", "VBD", 1, "ROOT"),
        ("Hashimoto", "Hashimoto", "PROPN", "NNP", 1, "dobj"),
    ])
    assert events(doc) == [("CONSULT", ["Hashimoto"], ["Yeltsin"], False, "asserted")]


def test_hosting_talks_between_others_is_mediation_and_a_hosted_lunch_no_visit():
    doc = parse([
        ("Erdogan", "Erdogan", "PROPN", "NNP", 1, "nsubj"),
        ("hosted", "host", "VERB", "VBD", 1, "ROOT"),
        ("talks", "talk", "NOUN", "NNS", 1, "dobj"),
        ("between", "between", "ADP", "IN", 2, "prep"),
        ("Russia", "Russia", "PROPN", "NNP", 3, "pobj"),
        ("and", "and", "CCONJ", "CC", 4, "cc"),
        ("Ukraine", "Ukraine", "PROPN", "NNP", 4, "conj"),
    ])
    assert events(doc) == [("CONSULT", ["Erdogan"], ["Russia", "Ukraine"], False, "asserted")]
    doc = parse([
        ("diplomats", "diplomat", "NOUN", "NNS", 1, "nsubj"),
        ("ate", "eat", "VERB", "VBD", 1, "ROOT"),
        ("at", "at", "ADP", "IN", 1, "prep"),
        ("lunch", "lunch", "NOUN", "NN", 2, "pobj"),
        ("hosted", "host", "VERB", "VBN", 3, "acl"),
        ("by", "by", "ADP", "IN", 4, "agent"),
        ("ambassador", "ambassador", "NOUN", "NN", 5, "pobj"),
    ])
    assert events(doc) == []


def test_rescuers_sent_by_a_country_are_its_aid_where_they_work():
    # "Rescue teams sent by Algeria joined the search in Turkey": the team carries the rescue,
    # and the place of the clause the teams act in is whom the aid is for
    doc = parse([
        ("Rescue", "rescue", "NOUN", "NN", 1, "compound"),
        ("teams", "team", "NOUN", "NNS", 5, "nsubj"),
        ("sent", "send", "VERB", "VBN", 1, "acl"),
        ("by", "by", "ADP", "IN", 2, "agent"),
        ("Algeria", "Algeria", "PROPN", "NNP", 3, "pobj"),
        ("joined", "join", "VERB", "VBD", 5, "ROOT"),
        ("search", "search", "NOUN", "NN", 5, "dobj"),
        ("in", "in", "ADP", "IN", 6, "prep"),
        ("Turkey", "Turkey", "PROPN", "NNP", 7, "pobj"),
    ])
    doc.ents = [Span(doc, 4, 5, label="GPE"), Span(doc, 8, 9, label="GPE")]
    assert events(doc) == [("AID", ["Algeria"], ["Turkey"], False, "asserted")]


def test_a_meeting_in_the_past_progressive_is_the_scene_not_the_news():
    doc = parse([
        ("elders", "elder", "NOUN", "NNS", 2, "nsubj"),
        ("were", "be", "AUX", "VBD", 2, "aux"),
        ("meeting", "meet", "VERB", "VBG", 2, "ROOT"),
        ("officials", "official", "NOUN", "NNS", 2, "dobj"),
    ])
    assert events(doc) == []
    doc = parse([
        ("elders", "elder", "NOUN", "NNS", 1, "nsubj"),
        ("met", "meet", "VERB", "VBD", 1, "ROOT"),
        ("officials", "official", "NOUN", "NNS", 1, "dobj"),
    ])
    assert events(doc) == [("CONSULT", ["elders"], ["officials"], False, "asserted")]


def test_a_strike_called_off_after_talks_answers_whom_the_talks_were_with():
    doc = parse([
        ("union", "union", "NOUN", "NN", 1, "nsubj"),
        ("called", "call", "VERB", "VBD", 1, "ROOT"),
        ("off", "off", "ADP", "RP", 1, "prt"),
        ("strike", "strike", "NOUN", "NN", 1, "dobj"),
        ("after", "after", "ADP", "IN", 1, "prep"),
        ("talks", "talk", "NOUN", "NNS", 4, "pobj"),
        ("with", "with", "ADP", "IN", 5, "prep"),
        ("government", "government", "NOUN", "NN", 6, "pobj"),
    ])
    cands = extract_sentence(doc[:], BOOK)
    assert [(c.event, [t.text for t in c.recipients]) for c in cands][0] == ("CONCEDE", ["talks"])
    assert ("prep:after.prep:with", [doc[7]]) in cands[0].recipient_options


def test_a_main_verb_misread_as_a_participle_takes_the_root_noun_as_subject():
    # "Doctors from aid groups donated and delivered goods to a school": no verb at the root,
    # the parser hangs "donated" on "groups"; its coordinated past-tense verb shows it is the
    # main verb, done by the doctors
    doc = parse([
        ("Doctors", "doctor", "NOUN", "NNS", 0, "ROOT"),
        ("from", "from", "ADP", "IN", 0, "prep"),
        ("groups", "group", "NOUN", "NNS", 1, "pobj"),
        ("donated", "donate", "VERB", "VBN", 2, "acl"),
        ("and", "and", "CCONJ", "CC", 3, "cc"),
        ("delivered", "deliver", "VERB", "VBD", 3, "conj"),
        ("goods", "good", "NOUN", "NNS", 5, "dobj"),
        ("to", "to", "ADP", "IN", 5, "prep"),
        ("school", "school", "NOUN", "NN", 7, "pobj"),
    ])
    assert [(e[0], e[1]) for e in events(doc)] == [("AID", ["Doctors"]), ("AID", ["Doctors"])]
    assert find_subject(doc[5]) == [doc[0]]


def test_a_participle_without_object_or_finite_partner_stays_passive():
    # "Weapons supplied by Iran": a real participle; its agent is the actor
    doc = parse([
        ("Weapons", "weapon", "NOUN", "NNS", 0, "ROOT"),
        ("supplied", "supply", "VERB", "VBN", 0, "acl"),
        ("by", "by", "ADP", "IN", 1, "agent"),
        ("Iran", "Iran", "PROPN", "NNP", 2, "pobj"),
    ])
    assert find_subject(doc[1]) == [doc[3]]


def test_a_prison_sentence_is_a_conviction_and_an_imprisonment():
    doc = parse([
        ("court", "court", "NOUN", "NN", 1, "nsubj"),
        ("sentenced", "sentence", "VERB", "VBD", 1, "ROOT"),
        ("Zamora", "Zamora", "PROPN", "NNP", 1, "dobj"),
        ("to", "to", "ADP", "IN", 1, "prep"),
        ("years", "year", "NOUN", "NNS", 3, "pobj"),
    ])
    assert [e[0] for e in events(doc)] == ["SANCTION", "COERCE"]
    doc = parse([
        ("court", "court", "NOUN", "NN", 1, "nsubj"),
        ("sentenced", "sentence", "VERB", "VBD", 1, "ROOT"),
        ("Zamora", "Zamora", "PROPN", "NNP", 1, "dobj"),
        ("to", "to", "ADP", "IN", 1, "prep"),
        ("death", "death", "NOUN", "NN", 3, "pobj"),
    ])
    assert events(doc) == [("SANCTION", ["court"], ["Zamora"], False, "asserted")]


def test_generic_giving_is_aid_only_when_goods_money_or_forces_are_given():
    def provided(obj: str, lemma: str) -> list:
        doc = parse([
            ("teachers", "teacher", "NOUN", "NNS", 1, "nsubj"),
            ("provided", "provide", "VERB", "VBD", 1, "ROOT"),
            (obj, lemma, "NOUN", "NNS", 1, "dobj"),
            ("to", "to", "ADP", "IN", 1, "prep"),
            ("students", "student", "NOUN", "NNS", 3, "pobj"),
        ])
        return [e[0] for e in events(doc)]

    assert provided("feedback", "feedback") == []
    assert provided("tents", "tent") == ["AID"]


def test_an_amount_of_money_in_any_currency_is_given_money():
    # "Arnor will contribute a million rupees to Gondor"
    doc = parse([
        ("Arnor", "Arnor", "PROPN", "NNP", 1, "nsubj"),
        ("contributed", "contribute", "VERB", "VBD", 1, "ROOT"),
        ("a", "a", "DET", "DT", 3, "quantmod"),
        ("million", "million", "NUM", "CD", 4, "nummod"),
        ("rupees", "rupee", "NOUN", "NNS", 1, "dobj"),
        ("to", "to", "ADP", "IN", 1, "prep"),
        ("Gondor", "Gondor", "PROPN", "NNP", 5, "pobj"),
    ])
    assert events(doc) == [("AID", ["Arnor"], ["Gondor"], False, "asserted")]


def test_troops_deployed_by_no_one_named_are_the_actor_against_their_purpose():
    # "troops were deployed to the villages to push back the rebels"
    doc = parse([
        ("troops", "troop", "NOUN", "NNS", 2, "nsubjpass"),
        ("were", "be", "AUX", "VBD", 2, "auxpass"),
        ("deployed", "deploy", "VERB", "VBN", 2, "ROOT"),
        ("to", "to", "ADP", "IN", 2, "prep"),
        ("villages", "village", "NOUN", "NNS", 3, "pobj"),
        ("to", "to", "PART", "TO", 6, "aux"),
        ("push", "push", "VERB", "VB", 2, "advcl"),
        ("rebels", "rebel", "NOUN", "NNS", 6, "dobj"),
    ])
    assert events(doc)[0] == ("MOBILIZE", ["troops"], ["rebels"], False, "asserted")


def test_a_guest_welcomed_with_ceremony_visits_the_place_that_welcomed_him():
    # "Putin was welcomed with a red carpet in Mongolia": Putin's visit, Mongolia the host
    doc = parse([
        ("Putin", "Putin", "PROPN", "NNP", 2, "nsubjpass"),
        ("was", "be", "AUX", "VBD", 2, "auxpass"),
        ("welcomed", "welcome", "VERB", "VBN", 2, "ROOT"),
        ("with", "with", "ADP", "IN", 2, "prep"),
        ("carpet", "carpet", "NOUN", "NN", 3, "pobj"),
        ("in", "in", "ADP", "IN", 4, "prep"),
        ("Mongolia", "Mongolia", "PROPN", "NNP", 5, "pobj"),
    ])
    assert events(doc) == [("CONSULT", ["Putin"], ["Mongolia"], False, "asserted")]
    doc = parse([
        ("EU", "EU", "PROPN", "NNP", 1, "nsubj"),
        ("welcomed", "welcome", "VERB", "VBD", 1, "ROOT"),
        ("decision", "decision", "NOUN", "NN", 1, "dobj"),
    ])
    assert [e[0] for e in events(doc)] == ["SUPPORT"]


def test_stopping_aid_to_someone_named_on_the_verb():
    # "would prohibit all aid to rebels": the parser hangs "to rebels" on the verb
    doc = parse([
        ("Washington", "Washington", "PROPN", "NNP", 1, "nsubj"),
        ("prohibited", "prohibit", "VERB", "VBD", 1, "ROOT"),
        ("aid", "aid", "NOUN", "NN", 1, "dobj"),
        ("to", "to", "ADP", "IN", 1, "prep"),
        ("rebels", "rebel", "NOUN", "NNS", 3, "pobj"),
    ])
    assert [e[:3] for e in events(doc)] == [("SANCTION", ["Washington"], ["rebels"])]


def test_going_somewhere_for_talks_is_taking_part_in_them():
    # "The minister flew to Moscow for talks with Lavrov"
    doc = parse([
        ("Minister", "minister", "NOUN", "NN", 1, "nsubj"),
        ("flew", "fly", "VERB", "VBD", 1, "ROOT"),
        ("to", "to", "ADP", "IN", 1, "prep"),
        ("Moscow", "Moscow", "PROPN", "NNP", 2, "pobj"),
        ("for", "for", "ADP", "IN", 1, "prep"),
        ("talks", "talk", "NOUN", "NNS", 4, "pobj"),
        ("with", "with", "ADP", "IN", 5, "prep"),
        ("Lavrov", "Lavrov", "PROPN", "NNP", 6, "pobj"),
    ])
    assert [e[0] for e in events(doc)] == ["CONSULT"]
