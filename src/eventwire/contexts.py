"""PLOVER contexts ("why") at document level, from the words of data/contexts.yaml."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc

from .yamlfiles import load_yaml

MAX_CONTEXTS = 4  # the strongest few: a long story touches many themes in passing


@dataclass(frozen=True, slots=True)
class ContextTable:
    min_hits: int
    words: dict[tuple[str, ...], tuple[str, ...]]  # word or phrase -> contexts it supports
    longest: int


@functools.lru_cache(maxsize=1)
def load_contexts() -> ContextTable:
    raw = load_yaml(resources.files("eventwire.data").joinpath("contexts.yaml").read_text("utf-8"))
    words: dict[tuple[str, ...], list[str]] = {}
    for context, entries in (raw.get("contexts") or {}).items():
        for entry in entries:
            key = tuple(str(entry).lower().split())
            words.setdefault(key, []).append(context)
    return ContextTable(
        min_hits=int(raw.get("min_hits", 2)),
        words={k: tuple(v) for k, v in words.items()},
        longest=max((len(k) for k in words), default=1),
    )


def document_contexts(doc: Doc, *, skip: list[tuple[int, int]] | None = None) -> list[str]:
    """Contexts the article's words support, strongest first (at most MAX_CONTEXTS)."""
    table = load_contexts()
    skip = skip or []
    lemmas = [t.lemma_.lower() for t in doc if not t.is_punct and not t.is_space
              and not any(s <= t.idx < e for s, e in skip)]
    lowers = [t.lower_ for t in doc if not t.is_punct and not t.is_space
              and not any(s <= t.idx < e for s, e in skip)]
    hits: Counter[str] = Counter()
    for seq in (lemmas, lowers):
        for n in range(1, table.longest + 1):
            for i in range(len(seq) - n + 1):
                for context in table.words.get(tuple(seq[i:i + n]), ()):
                    hits[context] += 1
    # each word was counted once as a lemma and once as a form when the two agree: halve
    scored = {c: (n + 1) // 2 for c, n in hits.items()}
    strong = [c for c, n in sorted(scored.items(), key=lambda x: (-x[1], x[0])) if n >= table.min_hits]
    return strong[:MAX_CONTEXTS]
