"""Knowledge files are read with YAML 1.2 booleans, so words like "on" stay words."""

from eventwire.patterns import load_patterns
from eventwire.yamlfiles import load_yaml


def test_only_true_and_false_are_booleans():
    data = load_yaml("prep: on\nprt: off\nwords: [no, yes, On]\nflag: true\nother: False\nn: 3\n")
    assert data == {"prep": "on", "prt": "off", "words": ["no", "yes", "On"], "flag": True, "other": False, "n": 3}


def test_a_sense_written_prep_on_keeps_its_preposition():
    assert any(s.prep == "on" for s in load_patterns().verbs["call"])
