"""Quotes and attribution: who said what, in direct quotes and reported speech.

Works on a spaCy ``Doc`` of a whole article (token offsets are character offsets
into the article text; paragraphs are separated by blank lines).

Direct quotes are found from quotation marks at the character level, because
news quotes run across sentences and paragraphs where a parser's sentences do
not; the parse is then used to find the cue verb and its subject near each
quote. Reported speech ("X said (that) ...", "..., X said.", "according to X,
...") comes from the dependency parse of speech verbs listed in
``data/speech_verbs.yaml``.

Conventions (those of the project's gold quotes): a direct quote's content
excludes the quotation marks and a trailing comma; a reported clause starts
after "that" and ends before the sentence's final punctuation; a split quote
gives one quote per quoted stretch, all with the same speaker and cue; a short
quoted phrase inside an attributed sentence ("vowed to "enforce law and order"")
is a direct quote of that speaker; a quoted term with no cue in its sentence is
a scare quote and yields nothing.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable

from .records import Entity, Quote, Span
from .yamlfiles import load_yaml

__all__ = [
    "QuoteFinding",
    "SpeechLexicon",
    "claim_for_offset",
    "find_quotes",
    "load_speech_lexicon",
    "quote_id",
    "to_quotes",
]

OPENERS = {'"', "“", "«", "„"}
CLOSERS = {'"', "”", "»"}
_TERMINALS = {".", "!", "?", "...", "…"}
_SENT_END_CHARS = ".!?…"
_PARA_RE = re.compile(r"\n[ \t\r]*\n")
# Quotes shorter than this many words need a cue in their own sentence.
_MIN_WORDS_WITHOUT_CUE = 5
# A reported clause that is only a subject and a quote is left to the quote.
_MAX_SUBJECT_WORDS = 6
_WH_MARKS = {"whether", "if", "what", "why", "how", "when", "where", "who", "which"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
_RELATIVE_PRONOUNS = {"which", "who", "that"}
# A participle or coordinated verb shares the subject of the verb it hangs on
# ("Lammy echoed this, saying ...").
_CLIMB_DEPS = {"advcl", "conj", "xcomp", "acl", "prep", "pcomp", "acomp"}
_NOT_SPEAKER_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}


@dataclass(slots=True)
class QuoteFinding:
    """One direct quote or reported clause found in a document."""

    content: Span
    direct: bool
    speaker: Span | None
    cue: Span | None
    speaker_token_i: int | None = None


@dataclass(slots=True, frozen=True)
class SpeechLexicon:
    """The speech-verb knowledge of data/speech_verbs.yaml, as lookup tables."""

    clause_verbs: dict[str, str]
    quote_only_verbs: dict[str, str]
    phrases: dict[tuple[str, ...], str]
    clause_nouns: dict[str, str]
    statement_verbs: frozenset[str] = frozenset()  # the event rules' "X said Y must ..." verbs

    def kind(self, lemma: str) -> str | None:
        return self.clause_verbs.get(lemma) or self.quote_only_verbs.get(lemma)


@lru_cache(maxsize=1)
def load_speech_lexicon() -> SpeechLexicon:
    """Read the speech-verb lexicon once per process."""
    text = resources.files("eventwire.data").joinpath("speech_verbs.yaml").read_text("utf-8")
    raw = load_yaml(text)
    return SpeechLexicon(
        clause_verbs={k.lower(): v for k, v in raw["clause_verbs"].items()},
        quote_only_verbs={k.lower(): v for k, v in raw["quote_only_verbs"].items()},
        phrases={tuple(k.lower().split()): v for k, v in raw["phrases"].items()},
        clause_nouns={k.lower(): v for k, v in raw["clause_nouns"].items()},
        statement_verbs=frozenset(str(v).lower() for v in raw.get("statement_verbs") or ()),
    )


# --------------------------------------------------------------------------- marks


@dataclass(slots=True)
class _QuotePair:
    open: int  # index of the opening mark
    close: int  # index of the closing mark (or the paragraph end when unclosed)
    start: int  # content start
    end: int  # content end (trailing comma and spaces trimmed)
    ends_sentence: bool  # the content ends with . ! ? inside the marks


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for m in _PARA_RE.finditer(text):
        bounds.append((pos, m.start()))
        pos = m.end()
    bounds.append((pos, len(text)))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


def _make_pair(text: str, open_i: int, close_i: int) -> _QuotePair | None:
    s, e = open_i + 1, close_i
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:"):
        e -= 1
    if e <= s:
        return None
    return _QuotePair(open_i, close_i, s, e, text[e - 1] in _SENT_END_CHARS)


def _scan_double_quotes(text: str, paras: list[tuple[int, int]]) -> list[_QuotePair]:
    """Pair double quotation marks; quotes may run on into the next paragraph."""
    pairs: list[_QuotePair] = []
    open_i: int | None = None
    depth = 0
    for p, (a, b) in enumerate(paras):
        i = a
        if open_i is not None:
            # A continued quote: the new paragraph re-opens with a mark.
            j = a
            while j < b and text[j].isspace():
                j += 1
            if j < b and text[j] in OPENERS:
                i = j + 1
        while i < b:
            ch = text[i]
            if open_i is None:
                if ch in OPENERS and ch != "»":
                    open_i, depth = i, 0
            elif ch == "“" and i + 1 < b and not text[i + 1].isspace() and text[i - 1].isspace():
                depth += 1  # a quote within the quote
            elif ch in CLOSERS:
                if depth:
                    depth -= 1
                else:
                    pair = _make_pair(text, open_i, i)
                    if pair:
                        pairs.append(pair)
                    open_i = None
            i += 1
        if open_i is not None:
            nxt = paras[p + 1][0] if p + 1 < len(paras) else None
            continues = False
            if nxt is not None:
                j = nxt
                while j < len(text) and text[j].isspace():
                    j += 1
                continues = j < len(text) and text[j] in OPENERS
            if not continues:
                pair = _make_pair(text, open_i, b)
                if pair:
                    pairs.append(pair)
                open_i = None
    return pairs


def _scan_headline_singles(text: str, paras: list[tuple[int, int]]) -> list[_QuotePair]:
    """Single quotes stand for double ones in headlines: 'Utterly Unacceptable'."""
    pairs: list[_QuotePair] = []
    for a, b in paras[:1]:
        line = text[a:b]
        if len(line) > 200 or line.rstrip().endswith("."):
            continue
        for m in re.finditer(r"(?:(?<=^)|(?<=[\s:(]))[‘'](?=\w)(.+?)(?<=[\w.!?])[’'](?=$|[\s,.;:!?)])", line):
            pair = _make_pair(text, a + m.start(), a + m.end() - 1)
            if pair:
                pairs.append(pair)
    return pairs


# --------------------------------------------------------------------------- helpers


class _DocIndex:
    """Char-to-token lookups and quote masks for one doc."""

    def __init__(self, doc, pairs: list[_QuotePair], paras: list[tuple[int, int]]):
        self.doc = doc
        self.text = doc.text
        self.starts = [t.idx for t in doc]
        self.pairs = pairs
        self.paras = paras
        self.para_starts = [a for a, _ in paras]
        self.in_quote = [False] * len(doc)  # token lies inside quotation marks
        for pr in pairs:
            for t in self.tokens_between(pr.open, pr.close + 1):
                self.in_quote[t.i] = True

    def tokens_between(self, a: int, b: int):
        lo = bisect.bisect_left(self.starts, a)
        hi = bisect.bisect_left(self.starts, b)
        return self.doc[lo:hi]

    def para_of(self, char: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(self.para_starts, char) - 1)
        return self.paras[k] if self.paras else (0, len(self.text))

    def pair_closing_at(self, char: int) -> _QuotePair | None:
        for pr in self.pairs:
            if pr.close == char:
                return pr
        return None


def _is_terminal(ix: _DocIndex, tok) -> bool:
    return tok.text in _TERMINALS and not ix.in_quote[tok.i]


def _sentence_window(ix: _DocIndex, pr: _QuotePair) -> tuple[int, int]:
    """The char range of the sentence that frames a quote (the quote included)."""
    text = ix.text
    pa, pb = ix.para_of(pr.open)
    # Backwards: to the previous sentence end outside quotes.
    start = pa
    for tok in reversed(ix.tokens_between(pa, pr.open)):
        if _is_terminal(ix, tok):
            start = tok.idx + len(tok.text)
            break
        if tok.text in CLOSERS:
            prev = ix.pair_closing_at(tok.idx)
            if prev is not None and prev.ends_sentence:
                start = tok.idx + 1
                break
    # Forwards: a quote that ends its own sentence ends the frame, unless the
    # sentence runs on in lower case ("?" he asked).
    end = pb
    after = text[pr.close + 1 : pb].lstrip()
    if pr.ends_sentence and (not after or after[0].isupper() or after[0] in OPENERS):
        return start, pr.close + 1
    for tok in ix.tokens_between(pr.close + 1, pb):
        if _is_terminal(ix, tok):
            end = tok.idx
            break
        if tok.text in OPENERS and ix.in_quote[tok.i]:
            # '"A" and "B," tweeted X': quotes joined by "and" share one frame;
            # otherwise the next quote ends this quote's frame.
            gap = text[pr.close + 1 : tok.idx].strip(" ,")
            if gap in ("and", "or"):
                continue
            end = tok.idx
            break
    return start, end


def _cue_tokens(lex: SpeechLexicon, tok) -> tuple[int, int] | None:
    """If ``tok`` starts a speech cue, the token range [i, j) of the cue."""
    low = tok.lower_
    lemma = tok.lemma_.lower()
    doc = tok.doc
    if low == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        return tok.i, tok.i + 2
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ in ("NOUN", "PROPN") and tok.tag_.startswith("VB")):
        return None
    if lemma == "be" or lemma == "have":
        return None
    if tok.i > 0 and doc[tok.i - 1].text in ("-", "‑"):
        return None  # "so-called" labels, it does not attribute
    for words in lex.phrases:
        if words[0] == lemma and len(words) > 1:
            n = len(words)
            nxt = doc[tok.i + 1 : tok.i + n]
            if [t.lower_ for t in nxt] == list(words[1:]):
                return tok.i, tok.i + n
    if lex.kind(lemma):
        if lemma in ("express", "voice"):
            for ch in tok.children:
                if ch.dep_ == "dobj" and ch.i > tok.i:
                    return tok.i, ch.i + 1
        return tok.i, tok.i + 1
    return None


def _subject_of(ix: "_DocIndex", tok):
    """The speaker token of a cue verb: its subject, or that of the verb it hangs on."""
    cur = tok
    for _ in range(5):
        if cur is tok and any(ch.dep_ == "nsubjpass" for ch in cur.children):
            # "He was accused of ...", "he was told that ...": the subject is
            # the addressee; the speaker is the "by" agent, if any.
            for ch in cur.children:
                if ch.dep_ == "agent":
                    objs = [g for g in ch.children if g.dep_ == "pobj"]
                    return objs[0] if objs else None
            return None
        for ch in cur.children:
            if ch.dep_ in _SUBJECT_DEPS and not ix.in_quote[ch.i]:
                if ch.lower_ in _RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                    return cur.head  # "Washington, which claims ..."
                return ch
        if cur.dep_ in _CLIMB_DEPS and cur.head != cur:
            cur = cur.head
            continue
        break
    return None


def _speaker_span(ix: _DocIndex, head, *, stop: set[int]) -> tuple[int, int]:
    """Token range of a speaker's noun phrase, trimmed at appositives and clauses."""
    doc = ix.doc
    if head.pos_ == "PRON":
        return head.i, head.i + 1
    lo = head.left_edge.i
    hi = head.i + 1
    # Left side: keep determiners, titles, possessives; never cross the cue or a quote.
    for i in range(head.i - 1, lo - 1, -1):
        t = doc[i]
        if i in stop or ix.in_quote[i] or t.text in (",", ";", ":") or t.text in OPENERS | CLOSERS:
            lo = i + 1
            break
    # Right side: prepositional modifiers and participles stay ("a statement
    # posted by the agency"); commas, relative clauses and appositives end it,
    # except that a common-noun head keeps a naming appositive ("Guterres'
    # spokesman, Stephane Dujarric").
    appos_name = None
    if head.pos_ == "NOUN":
        for ch in head.children:
            if ch.dep_ == "appos" and ch.pos_ == "PROPN" and ch.i > head.i:
                appos_name = ch
                break
    right_limit = head.right_edge.i
    i = head.i + 1
    while i <= right_limit:
        t = doc[i]
        if i in stop or ix.in_quote[i]:
            break
        if appos_name is not None and i <= appos_name.right_edge.i:
            hi = i + 1
            i += 1
            continue
        if t.text in (",", ";", ":", "—", "–") or t.dep_ in ("relcl", "appos", "cc"):
            break
        hi = i + 1
        i += 1
    return lo, hi


def _token_range_span(doc, lo: int, hi: int) -> Span:
    a = doc[lo].idx
    b = doc[hi - 1].idx + len(doc[hi - 1].text)
    # Doc.text joins every token on each call: keep the text once per doc
    text = doc.user_data.get("eventwire_text")
    if text is None:
        text = doc.user_data["eventwire_text"] = doc.text
    return Span(text[a:b], a, b)


def _char_span(text: str, a: int, b: int) -> Span:
    return Span(text[a:b], a, b)


def _colon_speaker(ix: _DocIndex, win_start: int, pr: _QuotePair):
    """Headline form "UN Chief: ... 'quote'": the phrase before the colon speaks."""
    toks = list(ix.tokens_between(win_start, pr.open))
    for k, t in enumerate(toks):
        if t.text == ":" and 0 < k <= 6:
            nouns = [x for x in toks[:k] if x.pos_ in ("PROPN", "NOUN", "PRON")]
            if nouns:
                return toks[0].i, toks[k - 1].i + 1, nouns[-1].i
    return None


# --------------------------------------------------------------------------- direct quotes


def _nearest_cue(ix: _DocIndex, lex: SpeechLexicon, pr: _QuotePair, ws: int, we: int):
    """The cue of a quote: the smallest cue clause that contains it, else the nearest cue."""
    qtoks = ix.tokens_between(pr.start, pr.end)
    q_i = qtoks[0].i if len(qtoks) else None
    best = None
    for tok in ix.tokens_between(ws, we):
        if ix.in_quote[tok.i]:
            continue
        rng = _cue_tokens(lex, tok)
        if rng is None:
            continue
        if any(
            ch.dep_ in _SUBJECT_DEPS and ch.right_edge.idx >= pr.start and ch.left_edge.idx < pr.end
            for ch in tok.children
        ):
            continue  # the quoted words are this verb's subject, not its speech
        dist = pr.open - tok.idx if tok.idx < pr.open else tok.idx - pr.close
        contains = q_i is not None and tok.left_edge.i <= q_i <= tok.right_edge.i and tok.dep_ != "ROOT"
        size = tok.right_edge.i - tok.left_edge.i if contains else 0
        key = (0 if contains else 1, size, dist)
        if best is None or key < best[0]:
            best = (key, rng, tok)
    return best


def _speaker_for_cue(ix: _DocIndex, cue_tok, cue_rng: tuple[int, int], content: tuple[int, int]):
    """(speaker Span, speaker token index) for a cue, or (None, None).

    ``content`` is the char range of what was said: the speaker is never inside
    it, and never in another paragraph than the cue.
    """
    doc = ix.doc
    stop = set(range(*cue_rng))
    pa, pb = ix.para_of(cue_tok.idx)

    def usable(t) -> bool:
        return pa <= t.idx < pb and not ix.in_quote[t.i] and not (content[0] <= t.idx < content[1])

    if cue_tok.lower_ == "according":
        to = doc[cue_tok.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj" and usable(c)]
        if not objs:
            return None, None
        head = objs[0]
        lo, hi = _speaker_span(ix, head, stop=stop)
        # "according to witnesses and a Somali lawmaker": keep the coordination.
        if head.pos_ != "PRON":
            hi = max(hi, min(head.right_edge.i + 1, len(doc)))
            while hi > lo and (doc[hi - 1].is_punct or ix.in_quote[hi - 1] or not usable(doc[hi - 1])):
                hi -= 1
        return (_token_range_span(doc, lo, hi), head.i) if hi > lo else (None, None)
    subj = _subject_of(ix, cue_tok)
    passive = any(ch.dep_ == "nsubjpass" for ch in cue_tok.children)
    if (subj is None or not usable(subj) or subj.ent_type_ in _NOT_SPEAKER_ENTS) and not passive:
        subj = _nearby_speaker(ix, cue_rng, usable)
    if subj is None:
        return None, None
    lo, hi = _speaker_span(ix, subj, stop=stop)
    while lo < hi and not usable(doc[lo]):
        lo += 1
    while hi > lo and not usable(doc[hi - 1]):
        hi -= 1
    if subj.pos_ != "PRON":
        # Keep coordinated speakers whole ("Bugti and Chaudhry reiterated").
        conj = [c for c in subj.children if c.dep_ == "conj" and c.i > subj.i]
        if conj and not any(doc[k].text == "," for k in range(subj.i, conj[-1].i)):
            hi = max(hi, conj[-1].i + 1)
        # "X's representative to the U.N., Munir Akram, said": take in the name.
        k = hi
        if k < cue_rng[0] and doc[k].text == "," and doc[cue_rng[0] - 1].text == ",":
            between = doc[k + 1 : cue_rng[0] - 1]
            if 0 < len(between) <= 5 and all(t.pos_ == "PROPN" for t in between):
                hi = cue_rng[0] - 1
    if hi <= lo:
        return None, None
    return _token_range_span(doc, lo, hi), subj.i


def _nearby_speaker(ix: _DocIndex, cue_rng: tuple[int, int], usable):
    """When the parse gives no subject: the noun just before the cue, else just after it."""
    doc = ix.doc

    def candidate(t) -> bool:
        return (
            usable(t)
            and t.pos_ in ("PROPN", "NOUN", "PRON")
            and t.ent_type_ not in _NOT_SPEAKER_ENTS
            and t.lower_ not in _RELATIVE_PRONOUNS
        )

    i = cue_rng[0] - 1
    while i >= 0 and (doc[i].text == "," or doc[i].pos_ in ("ADV", "AUX", "PART")) and usable(doc[i]):
        i -= 1
    if i >= 0 and candidate(doc[i]):
        t = doc[i]
        while t.dep_ in ("compound", "flat") and t.head.i > t.i and candidate(t.head):
            t = t.head
        return t
    j = cue_rng[1]
    while j < len(doc) and doc[j].pos_ in ("ADV", "DET", "ADJ", "PROPN", "NOUN") and usable(doc[j]):
        if candidate(doc[j]) and not (j + 1 < len(doc) and doc[j + 1].pos_ in ("PROPN", "NOUN")):
            return doc[j]
        j += 1
    return None


def _is_title(words: str) -> bool:
    """Short, every word capitalised: a name or title ("Siyasi Jaj", "Axis of Upheaval")."""
    toks = words.rstrip(".,!?").split()
    small = {"of", "the", "and", "on", "in", "for", "a", "to"}
    return 0 < len(toks) <= 5 and all(t[0].isupper() or t in small for t in toks) and toks[0][0].isupper()


def _adjacent(ix: _DocIndex, prev_frame_end: int, open_char: int) -> bool:
    """True when nothing but punctuation, marks and paragraph breaks lies between."""
    if prev_frame_end > open_char:
        return False
    gap = ix.text[prev_frame_end:open_char]
    return not any(ch.isalnum() for ch in gap) and gap.count("\n") <= 2


def _direct_quotes(ix: _DocIndex, lex: SpeechLexicon, reported: list[QuoteFinding]) -> list[QuoteFinding]:
    text = ix.text
    out: list[QuoteFinding] = []
    # (frame end, finding) of every finding so far, to carry speakers forward.
    frames: list[tuple[int, QuoteFinding]] = [(f.content.end, f) for f in reported]
    for pr in sorted(ix.pairs, key=lambda p: p.open):
        ws, we = _sentence_window(ix, pr)
        n_words = len(text[pr.start : pr.end].split())
        before = text[ws : pr.open].strip()
        embedded = bool(before) and before[-1].isalnum()
        content = _char_span(text, pr.start, pr.end)
        found = _nearest_cue(ix, lex, pr, ws, we)
        finding = None
        if found is not None and before and _is_title(text[pr.start : pr.end]):
            found = None  # 'the book "Political Analysis"': a title, not speech
            n_words = 0
        if found is not None and (n_words >= 2 or not embedded):
            _, rng, cue_tok = found
            speaker, sp_i = _speaker_for_cue(ix, cue_tok, rng, (pr.open, pr.close + 1))
            cue = _token_range_span(ix.doc, *rng)
            finding = QuoteFinding(content, True, speaker, cue, sp_i)
        elif found is None:
            colon = _colon_speaker(ix, ws, pr)
            prev_end, prev = max(
                ((e, f) for e, f in frames if e <= pr.open), default=(0, None), key=lambda x: x[0]
            )
            if colon is not None:
                lo, hi, head_i = colon
                finding = QuoteFinding(content, True, _token_range_span(ix.doc, lo, hi), None, head_i)
            elif prev is not None and not embedded and n_words >= 2 and _adjacent(ix, prev_end, pr.open):
                finding = QuoteFinding(content, True, prev.speaker, prev.cue, prev.speaker_token_i)
            elif n_words >= _MIN_WORDS_WITHOUT_CUE and not embedded:
                finding = QuoteFinding(content, True, None, None, None)
        if finding is not None:
            out.append(finding)
            frames.append((max(we, pr.close + 1), finding))
    return out


# --------------------------------------------------------------------------- reported speech

_CLAUSE_PHRASE_VERBS = {"point"}  # "Analysts point out (that) ..."
_LIGHT_VERBS = {"express", "voice", "reiterate", "repeat", "raise", "make", "dismiss", "reject", "deny"}
_PARTICIPLE_CUT_DEPS = {"advcl", "conj", "npadvmod", "appos", "parataxis"}


def _clause_of(tok, lex: SpeechLexicon):
    """The reported clause a cue verb governs, and the cue's last token index."""
    lemma = tok.lemma_.lower()
    if lemma in lex.clause_verbs or lemma in _CLAUSE_PHRASE_VERBS:
        for ch in tok.children:
            if ch.dep_ == "ccomp":
                return ch, tok.i
        # The parser hung the "that" clause elsewhere ("with X warning that ..."):
        # a "that" right after the cue still opens its clause.
        doc = tok.doc
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (
            lemma in lex.clause_verbs
            and nxt is not None
            and nxt.lower_ == "that"
            and nxt.dep_ == "mark"
            and nxt.head.dep_ in ("ccomp", "advcl")
            and nxt.head.i > tok.i
        ):
            return nxt.head, tok.i
    if lemma in lex.clause_verbs or lemma in lex.quote_only_verbs or lemma in _LIGHT_VERBS:
        # "expressed hope that ...", "reiterated the claim that ..."
        for ch in tok.children:
            if ch.dep_ == "dobj" and ch.lemma_.lower() in lex.clause_nouns:
                for gc in ch.children:
                    if gc.dep_ in ("acl", "ccomp", "appos") and gc.i > ch.i and any(
                        m.dep_ == "mark" and m.lower_ == "that" for m in gc.children
                    ):
                        last = ch.i if lemma in ("express", "voice") else tok.i
                        return gc, last
    return None, None


def _trim(ix: _DocIndex, lo: int, hi: int) -> tuple[int, int]:
    doc = ix.doc
    while lo < hi and (
        (doc[lo].dep_ == "mark" and doc[lo].lower_ == "that") or (doc[lo].is_punct and not ix.in_quote[lo])
    ):
        lo += 1
    while hi > lo and doc[hi - 1].is_punct and not ix.in_quote[hi - 1]:
        hi -= 1
    return lo, hi


def _cut_trailing_modifiers(ix: _DocIndex, root, lo: int, hi: int) -> int:
    """End a reported clause before ", signaling ...", ", but rejected ...", "... and urged ..."."""
    doc = ix.doc
    for ch in root.children:
        if ch.i <= root.i or not (lo < ch.left_edge.i < hi):
            continue
        start = ch.left_edge.i
        prev = doc[start - 1] if start - 1 >= lo else None
        if ix.in_quote[start] or prev is None or prev.text != "," or ix.in_quote[prev.i]:
            continue
        if ch.dep_ in _PARTICIPLE_CUT_DEPS and ch.tag_ == "VBG":
            return min(hi, start - 1)
    return hi


def _reported_clauses(ix: _DocIndex, lex: SpeechLexicon) -> list[QuoteFinding]:
    doc = ix.doc
    out: list[QuoteFinding] = []
    for tok in doc:
        if ix.in_quote[tok.i]:
            continue
        rng = _cue_tokens(lex, tok)
        if rng is None:
            continue
        if any(ch.dep_ == "neg" for ch in tok.children):
            continue  # "did not say that ..." attributes nothing
        root = None
        if tok.lower_ == "according":
            span = _according_to_clause(ix, tok, rng)
            if span is None:
                continue
            lo, hi = span
        else:
            clause, last = _clause_of(tok, lex)
            if clause is not None:
                if clause.left_edge.lower_ in _WH_MARKS or any(
                    m.dep_ == "mark" and m.lower_ in _WH_MARKS for m in clause.children
                ):
                    continue  # a question, not a claim
                rng = (rng[0], max(rng[1], last + 1))
                root = clause
                lo, hi = clause.left_edge.i, clause.right_edge.i + 1
                if lo > tok.i:
                    hi = _cut_trailing_modifiers(ix, clause, lo, hi)
            else:
                span = _parenthetical_clause(ix, tok, rng)
                if span is None:
                    continue
                lo, hi = span
        pa, pb = ix.para_of(tok.idx)
        while lo < hi and doc[lo].idx < pa:
            lo += 1
        while hi > lo and doc[hi - 1].idx >= pb:
            hi -= 1
        lo, hi = _trim(ix, lo, hi)
        if hi - lo < 2 or ix.in_quote[lo] or doc[lo].text in OPENERS:
            continue  # the clause is a direct quote's own words
        if (
            root is not None
            and ix.in_quote[root.i]
            and ix.in_quote[hi - 1]
            and sum(1 for t in doc[lo:hi] if not ix.in_quote[t.i] and t.is_alpha) <= _MAX_SUBJECT_WORDS
            and not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi] if not ix.in_quote[t.i])
        ):
            continue  # 'said Israel "will continue ..."': a direct quote with its subject
        if not any(t.pos_ in ("VERB", "AUX") for t in doc[lo:hi]):
            continue
        c_lo, c_hi = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        if c_lo <= tok.idx < c_hi:  # mid-sentence attribution: the speaker sits inside
            c_lo = c_hi = 0
        speaker, sp_i = _speaker_for_cue(ix, tok, rng, (c_lo, c_hi))
        out.append(QuoteFinding(_token_range_span(doc, lo, hi), False, speaker, _token_range_span(doc, *rng), sp_i))
    return out


def _according_to_clause(ix: _DocIndex, tok, rng) -> tuple[int, int] | None:
    """'According to X, S' / 'S, according to X': S is the content."""
    head = tok.head
    if head == tok:
        return None
    phrase_lo = tok.i
    phrase_hi = max(tok.right_edge.i, ix.doc[rng[1] - 1].right_edge.i) + 1
    if phrase_lo < head.i:  # "According to X, S": the rest of the clause
        return phrase_hi, head.right_edge.i + 1
    return head.left_edge.i, phrase_lo


def _parenthetical_clause(ix: _DocIndex, tok, rng) -> tuple[int, int] | None:
    """'S, he said.' / 'S, he said, because ...' / 'Still, analysts say, S': the host clause."""
    if not any(ch.dep_ in _SUBJECT_DEPS for ch in tok.children):
        return None
    head = tok.head
    if head == tok or tok.dep_ not in ("parataxis", "ccomp", "advcl"):
        return None
    doc = ix.doc
    own_lo, own_hi = tok.left_edge.i, tok.right_edge.i
    while own_lo < tok.i and doc[own_lo].is_punct:
        own_lo += 1
    while own_hi > tok.i and doc[own_hi].is_punct:
        own_hi -= 1
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    at_start = own_lo <= lo
    if not at_start and doc[own_lo - 1].text != ",":
        return None
    if at_start:
        if head.i < tok.i or own_hi + 1 >= hi or doc[own_hi + 1].text != ",":
            return None
        return own_hi + 2, hi  # "Analysts say, S"
    if own_hi + 1 >= hi - 1 or all(t.is_punct for t in doc[own_hi + 1 : hi]):
        return lo, own_lo - 1  # "S, he said."
    return lo, hi  # "S, he said, because ...": the whole sentence, as the gold marks it


# --------------------------------------------------------------------------- public API


def find_quotes(doc) -> list[QuoteFinding]:
    """All direct quotes and reported clauses of a parsed article, sorted by start."""
    lex = load_speech_lexicon()
    text = doc.text
    paras = _paragraphs(text)
    pairs = _scan_double_quotes(text, paras)
    taken = [(p.open, p.close) for p in pairs]
    for p in _scan_headline_singles(text, paras):
        if not any(a <= p.open <= b for a, b in taken):
            pairs.append(p)
    ix = _DocIndex(doc, pairs, paras)
    reported = _reported_clauses(ix, lex)
    direct = _direct_quotes(ix, lex, reported)
    seen: set[tuple[int, int, bool]] = set()
    out: list[QuoteFinding] = []
    for f in sorted(reported + direct, key=lambda f: (f.content.start, f.content.end)):
        key = (f.content.start, f.content.end, f.direct)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def claim_for_offset(findings: list[QuoteFinding], start: int, end: int) -> QuoteFinding | None:
    """The innermost quote or reported clause that contains ``[start, end)``."""
    best = None
    for f in findings:
        if f.content.start <= start and end <= f.content.end:
            if best is None or (f.content.end - f.content.start) < (best.content.end - best.content.start):
                best = f
    return best


def quote_id(doc_id: str, start: int, end: int, direct: bool) -> str:
    """A stable id for a quote: the same document and offsets give the same id."""
    key = f"{doc_id}\x1f{start}\x1f{end}\x1f{int(direct)}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def to_quotes(
    findings: list[QuoteFinding],
    *,
    doc_id: str,
    resolve_speaker: Callable[[Span], Entity | None],
) -> list[Quote]:
    """Build output records; ``resolve_speaker`` turns a speaker mention into an Entity."""
    quotes: list[Quote] = []
    for f in findings:
        speaker = None
        if f.speaker is not None:
            speaker = resolve_speaker(f.speaker)
            if speaker is None:
                speaker = Entity(text=f.speaker.text, start=f.speaker.start, end=f.speaker.end)
        quotes.append(
            Quote(
                id=quote_id(doc_id, f.content.start, f.content.end, f.direct),
                doc_id=doc_id,
                text=f.content.text,
                start=f.content.start,
                end=f.content.end,
                direct=f.direct,
                speaker=speaker,
                cue=Span(f.cue.text, f.cue.start, f.cue.end) if f.cue else None,
            )
        )
    return quotes
