"""The confidence weights are data: read, checked, and used by the coder in place of ours."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.confidence import FEATURES, ConfidenceModel, packaged_model, read_model
from eventwire.errors import KnowledgeFileError
from eventwire.pipeline import Options


def test_packaged_weights_name_only_known_facts_and_start_from_the_pattern():
    model = packaged_model()
    assert set(model.weights) <= set(FEATURES)
    assert model.weights["pattern"] == 1.0
    assert model.weights["has_recipient"] > 0 > model.weights["actor_without_country"]


def test_score_adds_the_weights_of_the_facts_that_hold_and_stays_within_bounds():
    model = ConfidenceModel({"pattern": 1.0, "known_actor": 0.1, "pronoun_actor": -0.05}, floor=0.05)
    assert model.score({"pattern": 0.7, "known_actor": True, "pronoun_actor": False}) == 0.8
    assert model.score({"pattern": 0.95, "known_actor": True}) == 1.0
    assert model.score({"pattern": 0.0, "pronoun_actor": True}) == 0.05


def test_a_weights_file_naming_an_unknown_fact_is_refused(tmp_path):
    path = tmp_path / "confidence.yaml"
    path.write_text("weights:\n  pattern: 1.0\n  sunny_day: 0.2\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="sunny_day"):
        read_model(path)
    path.write_text("weights:\n  pattern: high\n", encoding="utf-8")
    with pytest.raises(KnowledgeFileError, match="numbers"):
        read_model(path)


@pytest.mark.slow
def test_users_weights_replace_ours(tmp_path):
    path = tmp_path / "confidence.yaml"
    path.write_text("floor: 0.0\nweights:\n  has_recipient: 0.42\n", encoding="utf-8")
    text = "Rebels shelled the town of Aleppo on Sunday."
    (ours,) = eventwire.code_text(text, date="2016-08-15")
    (theirs,) = eventwire.code_text(text, date="2016-08-15", options=Options(confidence_file=str(path)))
    assert theirs.confidence == 0.42 and ours.confidence != 0.42
