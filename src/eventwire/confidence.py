"""How sure the coder is of an event, from what it knows when it codes one.

The confidence starts from the pattern's own confidence (verbs.yaml ``conf``) and each fact
below adds its weight from ``data/confidence.yaml`` (a true fact counts 1, a false one 0;
``sentence_length`` counts its share of 500 characters); the sum is kept within [0.05, 1].
The weights were set on the development sets so that the surer half of the events is the
more precise; users can read and change them with their own file of the same shape.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import KnowledgeFileError
from .yamlfiles import load_yaml

# Each feature with what it says.
FEATURES: dict[str, str] = {
    "pattern": "the pattern's own confidence (verbs.yaml conf; lower for nouns and nested events), 0-1",
    "known_actor": "an actor is a named actor of the knowledge base",
    "actor_without_country": "an actor has no country",
    "missing_required_recipient": "the event type needs a recipient and has none",
    "has_recipient": "the event has a recipient: a whole dyad is more often a real event than a lone actor",
    "pronoun_actor": "an actor is a pronoun",
    "long_sentence": "the sentence has more than 45 tokens",
    "sentence_length": "the sentence's length in characters / 500, at most 1: longer sentences are parsed worse",
    "actor_without_sector": "an actor has no sector: we cannot place it in a role",
    "recalled_when": "a background event recalled in a 'when' clause on a date ('Since August 2022, when ...')",
    "borrowed_country": "every actor only borrows the story's country, none is said to be of it ('the two presidents')",
    "several_actors": "more than one actor: the parse found coordinated parties ('Moscow and Washington pledged ...')",
}


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    weights: dict[str, float] = field(default_factory=dict)
    floor: float = 0.05

    def score(self, features: dict[str, float]) -> float:
        """The event's confidence in [floor, 1], to 4 decimals."""
        total = 0.0
        for name, value in features.items():
            total += self.weights.get(name, 0.0) * float(value)
        return round(min(1.0, max(self.floor, total)), 4)


def read_model(path: str | Path | None = None) -> ConfidenceModel:
    """The weights in ``path``, or the packaged ``data/confidence.yaml``."""
    where = str(path) if path is not None else "eventwire/data/confidence.yaml"
    try:
        text = (Path(path).read_text("utf-8") if path is not None
                else resources.files("eventwire.data").joinpath("confidence.yaml").read_text("utf-8"))
        data = load_yaml(text) or {}
    except OSError as exc:
        raise KnowledgeFileError(f"cannot read {where}: {exc}") from exc
    weights = data.get("weights") or {}
    unknown = sorted(set(weights) - set(FEATURES))
    if unknown:
        raise KnowledgeFileError(f"{where}: unknown confidence features {unknown}; known: {sorted(FEATURES)}")
    try:
        return ConfidenceModel({k: float(v) for k, v in weights.items()}, float(data.get("floor", 0.05)))
    except (TypeError, ValueError) as exc:
        raise KnowledgeFileError(f"{where}: weights must be numbers: {exc}") from exc


@functools.lru_cache(maxsize=1)
def packaged_model() -> ConfidenceModel:
    return read_model()
