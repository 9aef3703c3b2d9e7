"""Knowledge files are read with YAML 1.2 booleans, so words like "on" stay words."""

from eventwire.patterns import load_patterns
from eventwire.yamlfiles import load_yaml


def test_only_true_and_false_are_booleans():
    data = load_yaml("prep: on\nprt: off\nwords: [no, yes, On]\nflag: true\nother: False\nn: 3\n")
    assert data == {"prep": "on", "prt": "off", "words": ["no", "yes", "On"], "flag": True, "other": False, "n": 3}


def test_a_sense_written_prep_on_keeps_its_preposition():
    assert any(s.prep == "on" for s in load_patterns().verbs["call"])


def test_a_users_pattern_file_keeps_on_as_a_word_and_rejects_a_number(tmp_path):
    import pytest

    from eventwire.errors import KnowledgeFileError
    from eventwire.patterns import patterns_for

    good = tmp_path / "mine.yaml"
    good.write_text('verbs:\n  lean:\n    - {event: REQUEST, prep: on, cameo: "10", recipient: [prep:on]}\n')
    assert patterns_for([good]).verbs["lean"][0].prep == "on"
    bad = tmp_path / "bad.yaml"
    bad.write_text('verbs:\n  lean:\n    - {event: REQUEST, prep: 5, cameo: "10"}\n')
    with pytest.raises(KnowledgeFileError, match="prep must be a word"):
        patterns_for([bad])
