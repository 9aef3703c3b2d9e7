"""Event extraction over the dependency parse.

For each sentence, each verb or noun that a pattern in ``data/verbs.yaml`` knows
becomes a candidate event: its subject and objects (through passives, coordination,
control verbs, relative clauses and light verbs) give the actor and recipient
*tokens*; negation and modality come from the clause. Nothing here knows countries:
the resolution stage turns tokens into actors. Rules work on any parsed spaCy
``Doc`` so they can be tested on hand-built parses.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from .attribution import load_speech_lexicon
from .patterns import PatternBook, Sense, load_patterns

_DOCUMENT_NOUNS = {"statement", "declaration", "letter", "resolution", "communique", "report", "message",
                   "note", "decree", "motion", "order", "appeal", "petition", "proposal", "plan"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom", "whose"}
NOMINAL_POS = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"}


@dataclass(slots=True)
class Candidate:
    """An event found in the parse, before its actors are resolved."""

    sense: Sense
    trigger: Token
    event: str
    mode: str | None
    cameo: str | None
    actors: list[Token]
    recipients: list[Token]
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.7
    clause: Token | None = None  # the verb whose clause holds date and place
    claimed_by: list[Token] = field(default_factory=list)  # nested events: the accuser
    # every place the recipient might be, in the pattern's order: (role, tokens). The
    # resolution stage takes the first whose tokens are actors ("imposed sanctions on
    # Iran" yes; "agreed to set up a centre" no, so it looks further).
    recipient_options: list[tuple[str, list[Token]]] = field(default_factory=list)
    needs_recipient: bool = False  # dropped when no recipient resolves to an actor
    extra_triggers: list[Token] = field(default_factory=list)  # light verb, particle
    joint: bool = False  # a joint action: every party is an actor ("joint patrols with X")

    @classmethod
    def of(cls, sense: Sense, trigger: Token, actors: list[Token],
           options: list[tuple[str, list[Token]]], **fields) -> "Candidate":
        """A candidate with the sense's type, mode and CAMEO code; the recipients are the
        first option's tokens (the resolution stage may pick a later one)."""
        fields.setdefault("confidence", sense.conf)
        fields.setdefault("needs_recipient", sense.needs_recipient)
        return cls(sense=sense, trigger=trigger, event=sense.event, mode=sense.mode, cameo=sense.cameo,
                   actors=actors, recipients=options[0][1] if options else [], recipient_options=options,
                   **fields)

    @property
    def text_span(self) -> tuple[int, int]:
        toks = [self.trigger, *self.extra_triggers]
        return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


def conjuncts(tok: Token) -> list[Token]:
    """The token and the nominal tokens coordinated with it ("Moscow and Washington")."""
    out = [tok]
    for c in tok.conjuncts:
        if c.pos_ in NOMINAL_POS and c not in out:
            out.append(c)
    for a in tok.children:
        # "Mali, Burkina Faso and Niger": the parser may make the second name an apposition of
        # the first and the last its conjunct; a name of the same kind that opens a
        # coordination is a member of the list, not another name for the first
        if (a.dep_ == "appos" and tok.ent_type_ in ("GPE", "ORG", "NORP") and a.ent_type_ == tok.ent_type_
                and any(c.dep_ == "conj" for c in a.children) and any(c.dep_ == "cc" for c in a.children)):
            out.extend(t for t in [a, *a.conjuncts] if t.pos_ in NOMINAL_POS and t not in out)
    return sorted(out, key=lambda t: t.i)


def _child(tok: Token, deps: set[str] | str) -> Token | None:
    if isinstance(deps, str):
        deps = {deps}
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def infinitive(verb: Token) -> Token | None:
    """The verb's infinitive complement: an xcomp, or a "to" clause the parser calls an
    advcl ("threatened on Monday to shoot down ...")."""
    x = _child(verb, "xcomp")
    if x is not None:
        return x
    for c in verb.children:
        if c.dep_ == "advcl" and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return c
    return None


def _prep_gerund(verb: Token, sense) -> Token | None:
    """"committed to sending troops": the gerund under the sense's own preposition is its content."""
    if not sense.prep:
        return None
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == sense.prep:
            g = _child(c, "pcomp")
            if g is not None and g.pos_ == "VERB":
                return g
    return None


def _stative(verb: Token) -> bool:
    """Whether ``verb`` is a participle that tells a state of its subject ("is opposed to",
    "is committed to"): the ``stative_participles`` of data/verbs.yaml. User pattern files
    do not change that list, so the packaged book is the one to ask."""
    return verb.lower_ in load_patterns().stative_participles


def _misread_main_verb(verb: Token) -> Token | None:
    """"Doctors from two aid groups donated and delivered goods to X": with no verb at the
    root, the parser may read the main verb as a participle on a noun inside the subject.
    A participle that has a direct object or a coordinated past-tense verb, in a sentence
    whose root is a noun, is the main verb; the root noun is its subject. That noun, or None."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return None
    root = verb.sent.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("agent", "auxpass") for c in verb.children):
        return None
    if any(c.dep_ == "dobj" for c in verb.children) or any(
            c.dep_ == "conj" and c.tag_ == "VBD" for c in verb.children):
        return root
    return None


def is_passive(verb: Token) -> bool:
    if _stative(verb) and not any(c.dep_ == "agent" for c in verb.children):
        return False  # "Israel is opposed to French mediation": a state of the subject
    if _misread_main_verb(verb) is not None:
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ == "acl"


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return _child(c, "pobj")
    return None


def prep_objects(tok: Token, prep: str) -> list[Token]:
    """Objects of the preposition ``prep`` attached to ``tok`` ("against X", "on X")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep:
            for p in c.children:
                if p.dep_ == "pobj":
                    out.extend(conjuncts(p))
                elif p.dep_ == "prep":  # "between X and Y" parsed with a nested prep
                    out.extend(prep_objects(c, p.lower_))
            if not any(p.dep_ in ("pobj", "prep", "pcomp") for p in c.children):
                stranded = _reduced_relative_subject(c)
                if stranded is not None:
                    out.extend(conjuncts(stranded))
    return out


def _reduced_relative_subject(prep: Token) -> Token | None:
    """"granted asylum to five officers holed up in a residence": the parser reads the
    reduced relative as a clause of its own and leaves the preposition without an object;
    the noun that clause opens with is the preposition's object."""
    doc = prep.doc
    if prep.i + 1 >= len(doc):
        return None
    first = doc[prep.i + 1]
    for t in (first, *first.ancestors):
        if t.left_edge.i != prep.i + 1:
            return None
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in NOMINAL_POS:
            verb = t.head
            if verb.tag_ in ("VBD", "VBN") and verb.dep_ in ("advcl", "conj", "ccomp") and verb.head == prep.head:
                return t
            return None
    return None


def _count_particle(verb: Token) -> Token | None:
    """"have kidnapped up to 16 Russian advisers": the parser may read the "up" of a count
    ("up to 16") as the verb's particle and the counted noun as the object of "to". The
    misread particle, when its "to" is followed by a number."""
    for c in verb.children:
        if c.dep_ != "prt" or c.lower_ != "up" or c.i + 2 >= len(c.doc):
            continue
        to, num = c.doc[c.i + 1], c.doc[c.i + 2]
        if to.lower_ == "to" and to.head in (c, verb) and (num.like_num or num.pos_ == "NUM"):
            return c
    return None


def _counted_object(verb: Token) -> Token | None:
    """The noun counted by a misread "up to N" (see _count_particle), or None."""
    up = _count_particle(verb)
    if up is None:
        return None
    to = up.doc[up.i + 1]
    return _child(to, "pobj")


def _direct_object(verb: Token) -> Token | None:
    if is_passive(verb):
        subj = _child(verb, "nsubjpass")
        if subj is not None:
            return subj
        if verb.dep_ == "acl":  # "forces backed by Russia": the noun is the object
            return verb.head
    obj = _child(verb, {"dobj", "obj"})
    if obj is None:
        obj = _counted_object(verb)
    if obj is None:
        obj = _shifted_object(verb)
    return obj


_MEASURES = {"TIME", "DATE", "QUANTITY", "PERCENT", "CARDINAL", "MONEY"}


def _shifted_object(verb: Token) -> Token | None:
    """"shortened by one hour the nightly curfew", "cut by half the aid to X": a heavy object
    written after a measure phrase; the parser reads the measure as a passive's agent and
    hangs the object elsewhere. The noun phrase that begins right after the measure."""
    for c in verb.children:
        if c.dep_ not in ("agent", "prep") or c.lower_ != "by" or c.i < verb.i:
            continue
        pobj = _child(c, "pobj")
        if pobj is None or not (pobj.ent_type_ in _MEASURES or pobj.like_num
                                or any(n.dep_ == "nummod" for n in pobj.children)):
            continue
        nxt = c.right_edge.i + 1
        if nxt >= len(verb.doc) or verb.doc[nxt].sent != verb.sent:
            return None
        for t in verb.doc[nxt].sent:
            if t.pos_ in ("NOUN", "PROPN") and t.left_edge.i == nxt and t.dep_ not in ("compound", "poss", "amod"):
                return t
    return None


def find_subject(verb: Token, _depth: int = 0) -> list[Token]:
    """The actor tokens of a verb: its subject, or the one it inherits."""
    if _depth > 6:
        return []
    if is_passive(verb):
        agent = _agent(verb)
        return conjuncts(agent) if agent is not None else []
    subj = _child(verb, {"nsubj", "csubj"}) or (_child(verb, "nsubjpass") if _stative(verb) else None)
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return conjuncts(verb.head)
        if subj.dep_ == "csubj":
            return []
        if subj.pos_ == "VERB" and subj.tag_ in ("VBG", "VBN"):
            # "The Red Cross operating in Iraq said ...": the parser makes the participle the
            # subject and its noun the participle's subject; the noun is who speaks
            inner = _child(subj, {"nsubj", "nsubjpass"})
            return conjuncts(inner) if inner is not None and inner.pos_ in ("NOUN", "PROPN") else []
        return conjuncts(subj)
    head = verb.head
    if head == verb:
        return []
    misread = _misread_main_verb(verb)
    if misread is not None:
        return conjuncts(misread)
    if verb.dep_ == "conj":
        shares_passive = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        if is_passive(head) and head.pos_ == "VERB" and not shares_passive:
            # "has been indicted by the court and will resign": the one indicted resigns
            subj = _child(head, "nsubjpass")
            if subj is not None:
                return conjuncts(subj)
        return find_subject(head, _depth + 1)
    if verb.dep_ == "xcomp":
        # object control: "urged Iran to stop" -> Iran stops; subject control otherwise
        obj = _child(head, {"dobj", "obj"})
        if obj is not None and head.pos_ == "VERB":
            return conjuncts(obj)
        if head.pos_ in ("ADJ",) and head.dep_ in ("acomp", "amod"):  # "willing to withdraw"
            return find_subject(head.head, _depth + 1)
        return find_subject(head, _depth + 1)
    if verb.dep_ == "relcl":
        return conjuncts(head)
    if verb.dep_ == "acomp" and head.pos_ == "AUX":  # "Kenya is committed to ...": the copula's subject
        return find_subject(head, _depth + 1)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        # "issued a declaration demanding that ...": the declaration's issuer demands;
        # "boats delivering supplies": the boats deliver
        if head.lemma_.lower() in _DOCUMENT_NOUNS and head.head.pos_ in ("VERB", "AUX"):
            return find_subject(head.head, _depth + 1)
        return conjuncts(head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "nsubj") for c in verb.children):
        # "the leader is dead, killed in a joint operation": the main subject is who was
        # killed, not the killer
        return []
    if verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VB", "VBN"):  # "..., killing 20"
        return find_subject(head, _depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep":  # "by firing", "after meeting"
        gov = head.head
        if gov.pos_ not in ("VERB", "AUX"):
            return []
        obj = _direct_object(gov)
        if head.lower_ in ("of", "for", "with") and obj is not None:
            # "accused Y of X-ing", "blamed Y for X-ing", "Y, suspected by the West of X-ing": Y does it
            return conjuncts(obj)
        return find_subject(gov, _depth + 1)
    return []


@dataclass(slots=True)
class _Context:
    book: PatternBook
    consumed: set[int] = field(default_factory=set)


def _modal_clause(verb: Token, book: PatternBook) -> bool:
    """Whether the verb's "that"-clause is about what will or would happen."""
    c = _child(verb, "ccomp")
    if c is None:
        return False
    auxes = {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")}
    return bool(auxes & (book.future_aux | book.conditional_aux))


def _extra_conditions(s: Sense, tok: Token, *, noun: bool) -> bool:
    """The `requires` and `pobj` conditions of a sense (verbs.yaml)."""
    if s.requires and not all(_role_tokens(tok, role, noun=noun) for role in s.requires):
        return False
    if s.pobj:
        pobjs = {p.lemma_.lower() for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"}
        if not (pobjs & s.pobj):
            return False
    return True


def verb_lemma(tok: Token, known) -> str:
    """The verb's lemma, checked against a word list: the small model's lemmatizer slips
    on some forms ("staged" -> "stag"), so regular inflections are undone as a fallback."""
    lemma = tok.lemma_.lower()
    if lemma in known:
        return lemma
    low = tok.lower_
    for cut, add in (("ied", "y"), ("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("s", ""), ("es", "")):
        if low.endswith(cut) and (low[: -len(cut)] + add) in known:
            return low[: -len(cut)] + add
    return lemma


def _temporal(prep: Token) -> bool:
    """Whether a preposition only dates the event ("on Tuesday", "in March")."""
    pobj = _child(prep, "pobj")
    return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")


def _as_phrase(verb: Token) -> list[Token]:
    """What the verb calls its object "as" ("dismissed the findings as controlled by the West",
    "dismissed Putin's response as manipulative"): the words the "as" introduces, whether the
    parser hangs the "as" on the verb, on its object, or on a clause of the verb."""
    obj = _direct_object(verb)
    for holder in [verb] + ([obj] if obj is not None else []):
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ == "as":
                return [p for p in c.children if p.dep_ != "punct"] or [c]
            if c.dep_ in ("advcl", "oprd", "acomp", "xcomp") and holder == verb and any(
                    m.dep_ in ("mark", "advmod", "prep") and m.lower_ == "as" and m.i < c.i for m in c.children):
                return [c]
    return []


def _match_verb_sense(book: PatternBook, verb: Token) -> Sense | None:
    senses = book.verbs.get(verb_lemma(verb, book.verbs))
    if not senses:
        return None
    count_up = _count_particle(verb)
    prt = {c.lower_ for c in verb.children if c.dep_ == "prt" and c != count_up}
    # "fired tear gas ... on Tuesday": a date's preposition is no argument of the verb
    preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "agent", "dative") and not _temporal(c)}
    if _as_phrase(verb):
        preps.add("as")  # "dismissed the report as baseless", however the parser hangs the "as"
    obj = _direct_object(verb)
    if obj is not None and obj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        obj = verb.head  # "charges which Washington dismissed as baseless": the charges
    obj_words = {obj.lemma_.lower(), obj.lower_} if obj is not None else set()
    if obj is not None and obj.lemma_.lower() in book.carrier_nouns:
        # "halted mediation efforts": the efforts are the mediation
        obj_words |= {c.lemma_.lower() for c in obj.children if c.dep_ == "compound"}
    if obj is not None:
        # "a million rupees", "$5 million": an amount of money counts as money, whatever the currency
        obj_words |= {c.lower_ for c in obj.children if c.dep_ == "nummod" and c.lower_ in ("million", "billion")}
        if obj.ent_type_ == "MONEY":
            obj_words.add("$")
    if obj is not None and obj.lemma_.lower() in book.partitive_nouns:
        # "captured part of a guerrilla stronghold": the stronghold chooses the sense
        obj_words |= {w for p in prep_objects(obj, "of") for w in (p.lemma_.lower(), p.lower_)}
    has_xcomp = any(c.dep_ == "xcomp" for c in verb.children)
    has_ccomp = any(c.dep_ == "ccomp" for c in verb.children)
    for s in senses:
        if s.prt and s.prt not in prt:
            continue
        if not s.prt and prt and verb.lemma_.lower() in ("pull", "step", "blow", "round", "crack"):
            continue
        if s.prep and s.prep not in preps:
            continue
        if s.obj and not (obj_words & s.obj):
            continue
        if s.xcomp and not has_xcomp:
            continue
        if s.ccomp and not has_ccomp:
            continue
        if s.ccomp == "modal" and not _modal_clause(verb, book):
            continue
        if s.dep and not any(c.dep_ == s.dep for c in verb.children):
            continue
        if s.content:
            inner = permitted_clause(verb)
            if inner is None or verb_lemma(inner, s.content) not in s.content:
                continue
        if not _extra_conditions(s, verb, noun=False):
            continue
        return s
    return None


def permitted_clause(verb: Token) -> Token | None:
    """The "to" clause of a verb like "allow": "allowed the refugees to return" (an xcomp, or a
    clause with its own subject), or, when the parser hangs it on a relative clause of the
    object, "allow refugees who have lived in Iraq to return"."""
    x = infinitive(verb)
    if x is not None:
        return x
    for c in verb.children:
        if c.dep_ == "ccomp" and _to_infinitive(c):
            return c
    obj = _child(verb, {"dobj", "obj"})
    for rel in (obj.children if obj is not None else ()):
        if rel.dep_ == "relcl":
            inner = next((c for c in rel.children if c.dep_ == "advcl" and _to_infinitive(c)), None)
            if inner is not None:
                return inner
    return None


def _joint(noun: Token, book: PatternBook) -> bool:
    """Whether the noun is marked as a shared action ("a joint search", "joint patrols")."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in book.joint_markers for c in noun.children)


def _noun_senses(book: PatternBook, noun: Token) -> list[Sense]:
    """Every sense of an event noun whose conditions hold, in the file's order."""
    senses = book.nouns.get(noun.lemma_.lower())
    if not senses:
        return []
    compounds = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod")}
    out = []
    for s in senses:
        if s.plural_only and noun.tag_ not in ("NNS", "NNPS"):
            continue
        if s.compound and not (s.compound & compounds):
            continue
        if not _extra_conditions(s, noun, noun=True):
            continue
        out.append(s)
    return out


def _match_noun_sense(book: PatternBook, noun: Token) -> Sense | None:
    senses = _noun_senses(book, noun)
    return senses[0] if senses else None


def _role_tokens(verb: Token, role: str, *, noun: bool = False) -> list[Token]:
    """Tokens filling one recipient role of verbs.yaml on ``verb``."""
    if role == "dobj":
        obj = _direct_object(verb) if not noun else None
        if obj is None and not noun and not is_passive(verb):
            # "beat and detained dozens of students": coordinated verbs share the object (not
            # across a clause with its own subject: "urged Iraq to act, but Baghdad refused")
            partners = [verb.head] if verb.dep_ == "conj" and _child(verb, "nsubj") is None else []
            partners += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and _child(c, "nsubj") is None]
            obj = next((o for o in (_direct_object(v) for v in partners if v.pos_ == "VERB") if o is not None), None)
        return conjuncts(obj) if obj is not None else []
    if role == "dative":
        d = _child(verb, "dative")
        if d is None:
            return []
        if d.pos_ == "ADP":
            pobj = _child(d, "pobj")
            return conjuncts(pobj) if pobj is not None else []
        return conjuncts(d)
    if role == "as.agent":
        # "dismissed the findings as controlled and directed by the West": who the verb says
        # is behind its object
        phrase = _as_phrase(verb)
        return [t for p in phrase for c in [p, *p.conjuncts] for t in prep_objects(c, "by")]
    if role == "reply.author":
        return _reply_author(verb)
    if role.startswith("prep:") and "." in role:
        # "insisted on its demands that Burundi's government ...": a role of the preposition's object
        prep, sub = role[5:].split(".", 1)
        return [t for p in prep_objects(verb, prep) for t in _role_tokens(p, sub, noun=True)]
    if role.startswith("prep:"):
        return prep_objects(verb, role[5:])
    if role.startswith("obj."):
        obj = _direct_object(verb)
        if obj is None:
            return []
        sub = role[4:]
        if sub == "poss":
            # "Pakistan's allegation", and "its offer": whose the pronoun is, the resolution decides
            return [c for c in obj.children if c.dep_ == sub and (c.pos_ in ("PROPN", "ADJ", "NOUN")
                                                                 or c.tag_ == "PRP$")]
        if sub in ("compound", "amod"):
            # a named modifier ("German goods", "Iraqi towns"), not a kind ("military offensive")
            return [c for c in obj.children if c.dep_ == sub and (c.pos_ == "PROPN" or c.ent_type_ in _NAMED)]
        toks = _role_tokens(obj, sub, noun=True)
        if not toks and sub.startswith("prep:"):
            # "lifted the curfew imposed in Sudan", "eased sanctions placed on Iran": the
            # object's participle carries the phrase
            for acl in obj.children:
                if acl.dep_ == "acl" and acl.tag_ == "VBN" and not _child(acl, "agent"):
                    toks = _role_tokens(acl, sub)
                    if toks:
                        break
        return toks
    if role.startswith("xcomp."):
        x = infinitive(verb)
        return _role_tokens(x, role[6:]) if x is not None else []
    if role.startswith("ccomp.") and role != "ccomp.nsubj":
        # "warned that police will not tolerate rallies by the group": a role in the clause
        c = _child(verb, "ccomp")
        return _role_tokens(c, role[6:]) if c is not None else []
    if role == "condition.nsubj":
        # "threatened to launch an offensive unless Baghdad accepted": who must meet the condition
        x = infinitive(verb)
        found = _condition_clause(verb) or (_condition_clause(x) if x is not None else None)
        s = _child(found[1], "nsubj") if found else None
        return conjuncts(s) if s is not None else []
    if role == "governor.place":
        # "aid sent by Egypt arrived in Gaza": where the sent noun's own clause happens
        if verb.dep_ != "acl" or noun:
            return []
        gov = verb.head.head
        if gov.pos_ not in ("VERB", "AUX") or verb.head.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            return []
        own = {t.i for t in verb.head.subtree}
        return [t for t in gov.subtree if t.i not in own and t.ent_type_ in ("GPE", "LOC") and t.ent_iob_ == "B"][:1]
    if role == "clause.nsubj":
        # "its demand that Israel ease restrictions": the subject of the noun's "that" clause
        c = next((c for c in verb.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")
                  and not _to_infinitive(c)), None)
        if c is None and verb.dep_ in ("dobj", "obj") and verb.head.pos_ == "VERB":
            # "reiterated its demand today that Israel ease ...": the parser hangs the noun's
            # clause on the verb when a word comes between them
            c = next((c for c in verb.head.children if c.dep_ == "ccomp" and c.i > verb.i
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
        if c is None:
            return []
        s = _child(c, {"nsubj", "nsubjpass"})
        return conjuncts(s) if s is not None else []
    if role == "ccomp.nsubj":
        c = _child(verb, "ccomp")
        if c is None:
            return []
        s = _child(c, {"nsubj", "nsubjpass"})
        return conjuncts(s) if s is not None else []
    return []


_NAMED = {"GPE", "NORP", "ORG", "PERSON"}


def _reply_author(verb: Token) -> list[Token]:
    """Who made what the verb answers: "rejected the accusations while responding to the
    statement by the Taliban chief" (the chief), "in response to Kabul's remarks" (Kabul), "in
    reply to the U.S." (the U.S.). The words of answering are verbs.yaml `reply_words`."""
    words = load_patterns().reply_words
    answered = []
    for c in verb.children:
        if c.dep_ == "advcl" and c.lemma_.lower() in words:  # "while responding to X"
            answered += [p for pr in c.children if pr.dep_ == "prep" and pr.lower_ == "to"
                         for p in pr.children if p.dep_ == "pobj"]
        if c.dep_ == "prep" and c.lower_ == "in":  # "in response to X"
            for noun in c.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in words:
                    answered += prep_objects(noun, "to")
    out: list[Token] = []
    for a in answered:
        author = prep_objects(a, "by") or [p for p in a.children if p.dep_ == "poss"] or conjuncts(a)
        out += [t for t in author if t not in out]
    return out


def recipient_options(verb: Token, sense: Sense, book: PatternBook, *, noun: bool = False) -> list[tuple[str, list[Token]]]:
    """Candidate recipients role by role; for content-taking verbs ("agreed to provide aid
    for Romania") the content clause's own arguments follow, then its named entities."""
    out: list[tuple[str, list[Token]]] = []
    for role in sense.recipient:
        toks = _role_tokens(verb, role, noun=noun)
        if toks:
            out.append((role, toks))
    if sense.consume and not noun:
        content = infinitive(verb) or _child(verb, "ccomp") or _prep_gerund(verb, sense)
        if content is not None and content.pos_ in ("VERB", "AUX"):
            inner = _match_verb_sense(book, content)
            roles = inner.recipient if inner is not None else book.default_recipient
            for role in roles:
                toks = _role_tokens(content, role)
                if toks:
                    out.append(("content." + role, toks))
            named = [t for t in content.subtree if t.ent_type_ in _NAMED and t.ent_iob_ == "B"
                     and t.dep_ not in ("nsubj", "nsubjpass")]
            if named:
                out.append(("content.named", named[:3]))
    # last resort: names inside the object or a prepositional phrase of the trigger
    # ("lifted a curfew in Montenegro", "the withdrawal of forces from Panama")
    near = []
    for c in verb.children:
        if c.dep_ in ("dobj", "obj", "prep", "dative", "attr", "oprd") or (noun and c.dep_ == "prep"):
            if c.dep_ == "prep" and c.lower_ in ("by", "since", "during", "after", "before", "until", "at"):
                continue
            near.extend(t for t in c.subtree if t.ent_type_ in _NAMED and t.ent_iob_ == "B")
    if near:
        out.append(("near.named", near[:4]))
    return out


def _negated(verb: Token, book: PatternBook) -> bool:
    """Negated by "not/never" on the verb, its auxiliary chain, or a governing verb."""
    tok = verb
    for _ in range(4):
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in tok.children):
            return True
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in book.negating_verbs:
            return True
        if tok.dep_ in ("xcomp", "ccomp", "pcomp") and tok.head.lemma_.lower() in _DENIALS:
            return True  # "Iran denies sending weapons", "denied that its troops killed civilians"
        if tok.dep_ in ("xcomp",) or (tok.dep_ == "dobj" and tok.pos_ == "NOUN"):
            tok = tok.head
            continue
        break
    return False


def _reported(clause: Token) -> bool:
    """Whether the clause is what a past-tense speech verb reports ("said it would ...")."""
    head = clause.head
    return (clause.dep_ == "ccomp" and head.tag_ == "VBD"
            and head.lemma_.lower() in load_speech_lexicon().clause_verbs)


def _modality(verb: Token, book: PatternBook) -> str:
    tok = verb
    for _ in range(4):
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if auxes & book.future_aux:
            return "future"
        if "would" in auxes and _reported(tok):
            return "future"  # "announced that it would cease aid": the reported "will"
        if auxes & book.conditional_aux:
            return "conditional"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children) and tok.dep_ == "advcl":
            return "conditional"
        if tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and infinitive(tok.head) == tok):
            head = tok.head
            if head.lemma_.lower() in book.intent_verbs or head.lower_ in book.intent_adjectives:
                return "intended"
            if head.lemma_.lower() in ("continue", "keep"):
                return "asserted"  # "will continue to stand with the people": ongoing, not promised
            tok = head
            continue
        if tok.dep_ == "dobj" and tok.pos_ == "NOUN":
            tok = tok.head
            continue
        break
    return "asserted"


_REFLEXIVES = {"themselves", "himself", "herself", "itself", "ourselves", "myself", "yourself", "each", "other"}
_NOT_ACTORS = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"}


def _clean_actor_tokens(toks: Iterable[Token]) -> list[Token]:
    out = []
    for t in toks:
        if t.ent_type_ in _NOT_ACTORS:
            # "Hundreds of protesters", "two of the soldiers": the people are under "of"
            of = next((p for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj"), None)
            if of is None:
                continue
            t = of
        if (t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "X") and t.lower_ not in RELATIVE_PRONOUNS
                and t.lower_ not in _REFLEXIVES and t not in out):
            out.append(t)
    return out


def _near_last(options: list[tuple[str, list[Token]]]) -> list[tuple[str, list[Token]]]:
    """Options in order, with the word's own last-resort "near.named" option moved to the end."""
    return [o for o in options if o[0] != "near.named"] + [o for o in options if o[0] == "near.named"]


def _clean_options(options: list[tuple[str, list[Token]]], actors: list[Token]) -> list[tuple[str, list[Token]]]:
    out = []
    for role, toks in options:
        toks = [t for t in _clean_actor_tokens(toks) if t not in actors]
        if toks:
            out.append((role, toks))
    return out


def _noun_actor(noun: Token) -> list[Token]:
    """Actor of a free-standing event noun: "Russia's invasion", "U.S. sanctions", "attack by X"."""
    by = prep_objects(noun, "by")
    if by:
        return by
    poss = _child(noun, "poss")
    if poss is not None:
        return conjuncts(poss)
    for c in noun.children:
        if c.dep_ in ("compound", "amod", "nmod") and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN"):
            return conjuncts(c)
    return []


def _light_verb(noun: Token, book: PatternBook, extra: frozenset[str] = frozenset()) -> Token | None:
    """The verb a noun is the object of, when it is a light verb ("held talks"); ``extra``
    are light verbs only this noun takes ("put troops on alert")."""
    lights = book.light_verbs | extra
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "launched artillery, mortar and rocket fire against X"
    head = noun.head
    for _ in range(2):  # "provided 25,000 tons of aid", "millions of dollars in aid"
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("of", "in") and head.head.dep_ in ("dobj", "obj"):
            noun, head = head.head, head.head.head
        else:
            break
    if noun.dep_ in ("dobj", "obj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        lemma = verb_lemma(head, lights)
        if lemma == "carry" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children):
            return None  # "carried out an attack", not "a helicopter carrying truce monitors"
        if lemma in lights:
            return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        if verb_lemma(head.head, lights) in lights and head.lower_ in ("to", "in", "into", "on", "under"):
            return head.head  # "resorted to throwing stones", "engaged in talks"
        if head.lower_ == "for" and head.head.lemma_.lower() in book.travel_verbs:
            return head.head  # "negotiators return to Geneva for talks", "left for Moscow for meetings"
    return None


def _verb_candidate(verb: Token, sense: Sense, ctx: _Context) -> Candidate | None:
    book = ctx.book
    if sense.event == "ASSAULT" and verb.dep_ == "advcl" and verb.tag_ == "VBG":
        head_sense = _match_verb_sense(book, verb.head) if verb.head.pos_ == "VERB" else None
        if head_sense is None or head_sense.event != "ASSAULT":
            # "imposed sanctions ..., targeting two banks": how the measure aims, not an attack
            light_noun = next((c for c in verb.head.children if c.dep_ == "dobj" and c.lemma_.lower() in book.nouns), None)
            noun_sense = _match_noun_sense(book, light_noun) if light_noun is not None else None
            attack_noun = noun_sense is not None and noun_sense.event == "ASSAULT"  # "intensified attacks, inflicting ..."
            if head_sense is not None or (light_noun is not None and not attack_noun):
                return None
    actors = _clean_actor_tokens(find_subject(verb))
    options = recipient_options(verb, sense, book)
    if sense.passive_actor and not actors and is_passive(verb) and _agent(verb) is None:
        # "several hundred troops were deployed to the villages": no one named deploying
        # them, the troops' own deployment
        subj = _child(verb, "nsubjpass")
        if subj is not None:
            actors = _clean_actor_tokens(conjuncts(subj))
            options = [(r, [t for t in toks if t not in actors]) for r, toks in options if r != "dobj"]
            options = [(r, toks) for r, toks in options if toks]
    if sense.host:
        # "X hosted Y", "Y was received by X": Y visits, the host is the recipient
        guests = [(r, t) for r, t in _clean_options(options, []) if r in ("dobj", "obj.prep:from")]
        if not guests or verb.dep_ == "acl":  # "a lunch hosted by the ambassador" names no guest
            return None
        # the host named, or else the place that received the guest ("was welcomed in Mongolia")
        options = ([("host", actors)] if actors else []) + [(r, t) for r, t in options
                                                            if r not in ("dobj", "obj.prep:from", "near.named")]
        actors = guests[0][1]
    if sense.event == "PROTEST":
        options += _purpose_targets(verb, ctx)
    if sense.event == "REJECT" and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        # "Kyiv asked Germany for air defences, but Berlin refused to send missiles": the refusal
        # answers whoever asked in the clause before
        asked = _match_verb_sense(book, verb.head)
        if asked is not None and asked.event == "REQUEST":
            options.append(("request.nsubj", find_subject(verb.head)))
    if sense.event == "REJECT" and verb.dep_ == "relcl" and verb.head.lemma_.lower() in book.claim_nouns:
        # "the minister said India was involved, a charge New Delhi rejected": the claim's maker
        root = verb.sent.root
        claims = load_speech_lexicon().statement_verbs | {"accuse", "allege", "claim", "charge", "suggest"}
        maker = _child(root, "nsubj") if root != verb and root.lemma_.lower() in claims else None
        if maker is not None:
            options.append(("claim.maker", conjuncts(maker)))
    if sense.event == "ASSAULT":
        options += _purpose_objects(verb) + _goal_targets(verb, book)
    options = _clean_options(options, actors)
    if sense.reciprocal and len(actors) > 1:
        # "Moscow and Washington pledged to coordinate strikes against IS": IS is not a party
        options = [(r, t) for r, t in options if r.split(".")[-1] in ("prep:with", "prep:between")]
    negated = _negated(verb, book)
    modality = _modality(verb, book)
    count_up = _count_particle(verb)
    extra = [c for c in verb.children if c.dep_ == "prt" and c != count_up]
    cand = Candidate.of(sense, verb, actors, options, negated=negated, modality=modality, clause=verb,
                        extra_triggers=extra)
    if sense.event == "ASSAULT":
        # "bombings struck army positions, killing a dozen soldiers": one attack, more victims
        for c in verb.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG":
                inner = _match_verb_sense(book, c)
                if inner is not None and inner.event == "ASSAULT":
                    ctx.consumed.add(c.i)
                    extra_obj = _clean_actor_tokens(_role_tokens(c, "dobj"))
                    if extra_obj:
                        cand.recipient_options.append(("advcl.dobj", extra_obj))
    if sense.consume:
        inf = infinitive(verb)
        gerund = _prep_gerund(verb, sense)
        if gerund is not None:
            ctx.consumed.add(gerund.i)
        for c in verb.children:
            if c.dep_ in ("xcomp", "ccomp") or c == inf:
                ctx.consumed.add(c.i)
                for cc in c.children:  # "agreed to meet and sign": both are the content
                    if cc.dep_ == "conj" and cc.pos_ == "VERB":
                        ctx.consumed.add(cc.i)
            if c.dep_ == "dobj":
                ctx.consumed.add(c.i)
    return cand


def _noun_candidate(noun: Token, sense: Sense, ctx: _Context) -> Candidate | None:
    book = ctx.book
    if noun.dep_ == "compound" and noun.head.pos_ == "NOUN":
        # "launched a mediation effort between X and Y": the phrase's head carries it; in
        # "invasion forces" or "peace negotiators" the event word only describes people
        carrier = noun.head
        if carrier.lemma_.lower() not in book.carrier_nouns:
            return None
        light = _light_verb(carrier, book, sense.light)
        if light is not None or any(c.dep_ == "prep" for c in carrier.children):
            noun = carrier
    light = _light_verb(noun, book, sense.light)
    if sense.light and (light is None or verb_lemma(light, sense.light) not in sense.light):
        return None
    if light is not None:
        if light.i in ctx.consumed and light.lemma_.lower() not in ("launch", "carry", "stage", "hold", "conduct"):
            return None
        actors = _clean_actor_tokens(find_subject(light))
        options = recipient_options(noun, sense, book, noun=True)
        for role in ("dative", "prep:to", "prep:against", "prep:on", "prep:with", "prep:for", "prep:between"):
            toks = _role_tokens(light, role)
            if toks:
                options.append(("light." + role, toks))
        options = _near_last(options)
        clause = light
        negated, modality = _negated(light, book), _modality(light, book)
        extra = [light]
        conf = sense.conf
    else:
        if sense.light_only:
            return None
        if noun.dep_ not in ("nsubj", "nsubjpass", "ROOT", "appos"):
            # "rejected Pakistan's allegation", "over Israel's crackdown": a noun that is an
            # argument of another clause names an event told elsewhere, not this sentence's news
            return None
        actors = _noun_actor(noun)
        if sense.reciprocal and not actors:
            actors = prep_objects(noun, "between")
        if not actors:
            return None
        options = recipient_options(noun, sense, book, noun=True)
        clause = noun.head if noun.head.pos_ in ("VERB", "AUX") else noun
        negated, modality = False, "asserted"
        extra = []
        conf = sense.conf - 0.15
    actors = _clean_actor_tokens(actors)
    if sense.event == "PROTEST" and light is not None:
        options += _purpose_targets(light, ctx)
    if sense.event == "ASSAULT" and light is not None:
        options += _purpose_objects(light)
    options = _clean_options(options, actors)
    return Candidate.of(sense, noun, actors, options, negated=negated, modality=modality, confidence=conf,
                        clause=clause, extra_triggers=extra)


def _nested(cand: Candidate, ctx: _Context) -> Candidate | None:
    """"X accused Y of targeting Z": the gerund is Y's event, claimed by X."""
    prep = cand.sense.nested
    if not prep:
        return None
    for c in cand.trigger.children:
        if c.dep_ == "prep" and c.lower_ == prep:
            for g in c.children:
                if g.dep_ == "pobj" and g.pos_ == "NOUN":
                    # "blamed Israel for the killing of X": the event noun is the accused act
                    inner = _nested_noun(cand, g, ctx)
                    if inner is not None:
                        return inner
                if g.dep_ == "pcomp" and g.pos_ == "VERB":
                    # "accused Y of violating rights, ignoring the law and ...": all of it is
                    # the accusation's content, not the accuser's own acts
                    # (the parser may hang the later gerunds on the accusing verb itself)
                    ctx.consumed.update(t.i for t in g.conjuncts if t.pos_ == "VERB")
                    ctx.consumed.update(t.i for t in cand.trigger.children
                                        if t.dep_ == "advcl" and t.tag_ == "VBG" and t.i > g.i)
                    sense = _match_verb_sense(ctx.book, g)
                    negated_by_verb = False
                    if sense is None and g.lemma_.lower() in ctx.book.negating_verbs:
                        # "accused Y of failing to share": the content is Y's not sharing
                        x = _child(g, "xcomp")
                        if x is None:
                            return None
                        ctx.consumed.add(g.i)
                        g, sense, negated_by_verb = x, _match_verb_sense(ctx.book, x), True
                    if sense is None or sense.event == "NONE":
                        return None
                    ctx.consumed.add(g.i)
                    inner = _verb_candidate(g, sense, ctx)
                    if inner is None:
                        return None
                    inner.actors = list(cand.recipients)
                    inner.recipient_options = _clean_options(inner.recipient_options, inner.actors)
                    inner.recipients = inner.recipient_options[0][1] if inner.recipient_options else []
                    inner.claimed_by = list(cand.actors)
                    inner.negated = inner.negated or negated_by_verb
                    inner.modality = "claimed"
                    inner.confidence -= 0.1
                    return inner
    return None


def _purpose_objects(verb: Token) -> list[tuple[str, list[Token]]]:
    """"opened fire to disperse the demonstrators": whom the attack was aimed at."""
    x = infinitive(verb)
    if x is None or x.dep_ != "advcl":
        return []
    toks = _role_tokens(x, "dobj")
    return [("purpose.dobj", toks)] if toks else []


def _goal_targets(verb: Token, book: PatternBook) -> list[tuple[str, list[Token]]]:
    """"vowed to fight until they gain control of the villages", "will press the offensive
    until it takes the city": what the fighting is to take is what it is against."""
    holders = [verb] + ([verb.head] if verb.head != verb and infinitive(verb.head) == verb else [])
    for holder in holders:
        for c in holder.children:
            if (c.dep_ == "advcl" and c.lemma_.lower() in book.seizure_verbs
                    and any(m.dep_ == "mark" and m.lower_ == "until" for m in c.children)):
                obj = _direct_object(c)
                if obj is None:
                    continue
                toks = prep_objects(obj, "of") if obj.lemma_.lower() == "control" else conjuncts(obj)
                if toks:
                    return [("until.goal", toks)]
    return []


def _protest_phrase_targets(verb: Token, book: PatternBook) -> list[tuple[str, list[Token]]]:
    """"staged a hunger strike in protest against violations by the security forces": the
    target follows "in protest against/of/at/over"."""
    out = []
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "in":
            continue
        for noun in c.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in book.protest_phrase_nouns:
                for prep in ("against", "of", "at", "over", "to"):
                    toks = prep_objects(noun, prep)
                    if toks:
                        out.append(("in_protest.prep:" + prep, toks))
    return out


def _grievance_targets(x: Token, book: PatternBook) -> list[tuple[str, list[Token]]]:
    """"to show their disapproval of U.S. policies", "to press their demands for freedom from
    the government": whom the purpose's grievance noun is about."""
    obj = _direct_object(x)
    if obj is None or obj.lemma_.lower() not in book.protest_phrase_nouns:
        return []
    out = []
    # the parser may hang the addressee on the demand's own object ("demands for freedom from X")
    holders = [obj] + [p for c in obj.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for prep in ("against", "of", "for", "at", "over", "on", "from", "with", "toward", "towards", "to"):
        for holder in holders if prep in ("from", "on") else holders[:1]:
            toks = prep_objects(holder, prep)
            if toks:
                out.append(("purpose.obj.prep:" + prep, toks))
    return out


def _purpose_targets(verb: Token, ctx: _Context) -> list[tuple[str, list[Token]]]:
    """"staged a hunger strike to protest Assad's failure", "demonstrated to demand the
    resignation of X", "blocked roads to show their disapproval of X": a protest's target is
    often in its purpose clause, or in a phrase "in protest against X"."""
    phrase = _protest_phrase_targets(verb, ctx.book)
    x = infinitive(verb)
    if x is None:
        return phrase
    sense = _match_verb_sense(ctx.book, x)
    if sense is None or sense.event not in ("PROTEST", "REQUEST", "ACCUSE", "REJECT"):
        return _grievance_targets(x, ctx.book) + phrase
    if sense.event in ("PROTEST", "REQUEST"):
        # one protest, and its demand is its target: the PLOVER manual does not code a
        # protest's topic ("demonstrated to demand reforms") as a REQUEST of its own
        ctx.consumed.add(x.i)
    out = []
    for role in ("obj.poss", "dobj", "prep:against", "prep:at", "prep:over", "obj.prep:of", "obj.prep:by",
                 "obj.prep:from"):
        toks = _role_tokens(x, role)
        if toks:
            out.append(("purpose." + role, toks))
    return out + _grievance_targets(x, ctx.book) + phrase


def _nested_noun(cand: Candidate, noun: Token, ctx: _Context) -> Candidate | None:
    sense = _match_noun_sense(ctx.book, noun)
    if sense is None or not cand.recipients:
        return None
    options = _clean_options(recipient_options(noun, sense, ctx.book, noun=True), list(cand.recipients))
    ctx.consumed.add(noun.i)
    return Candidate(sense=sense, trigger=noun, event=sense.event, mode=sense.mode, cameo=sense.cameo,
                     actors=list(cand.recipients), recipients=options[0][1] if options else [],
                     modality="claimed", confidence=sense.conf - 0.15, clause=cand.trigger,
                     claimed_by=list(cand.actors), recipient_options=options)


_COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}


def _condition_clause(verb: Token) -> tuple[str, Token] | None:
    """The "if"/"unless" clause the verb's clause carries ("will withdraw unless ..."), with
    its mark."""
    tok = verb
    for _ in range(3):
        for c in tok.children:
            if c.dep_ == "advcl":
                mark = next((m.lower_ for m in c.children if m.dep_ == "mark"), None)
                if mark in ("if", "unless"):
                    return mark, c
        if tok.dep_ in ("xcomp", "conj") or (tok.dep_ == "dobj" and tok.pos_ == "NOUN"):
            tok = tok.head
            continue
        break
    return None


def _condition(verb: Token) -> str | None:
    found = _condition_clause(verb)
    return found[0] if found else None


def _preparing(verb: Token, book: PatternBook) -> bool:
    """Whether the intent over ``verb`` is a deed ("the army prepared to resume shelling")."""
    tok = verb
    for _ in range(4):
        if tok.dep_ != "xcomp":
            return False
        tok = tok.head
        if tok.lemma_.lower() in book.preparation_verbs and tok.pos_ == "VERB":
            return True
    return False


def _apply_modality(cand: Candidate, book: PatternBook) -> None:
    """PLOVER: future cooperation is AGREE; announced or conditional force is a THREATEN;
    a refused cooperation ("will not accept", "failed to reach agreement") is a REJECT."""
    if cand.negated and cand.event in _COOPERATIVE and not cand.claimed_by and (
            cand.sense.pos == "verb" or cand.extra_triggers):
        head = cand.clause if cand.clause is not None else cand.trigger
        refused = cand.modality in ("future", "conditional", "intended") or (
            head.dep_ == "xcomp" and head.head.lemma_.lower() in book.negating_verbs)
        if refused:
            cand.event, cand.mode, cand.cameo, cand.negated = "REJECT", None, "12", False
            cand.modality = "asserted"
            return
    if cand.negated or cand.modality not in ("future", "intended", "conditional"):
        return
    condition = _condition(cand.clause if cand.clause is not None else cand.trigger)
    if condition is None and cand.modality == "future" and cand.mode in book.future_stays.get(cand.event, ()):
        return
    quad = book.types[cand.event].quad
    if (quad == "material_conflict" and condition is None and cand.modality == "intended"
            and _preparing(cand.clause if cand.clause is not None else cand.trigger, book)):
        cand.event, cand.mode, cand.cameo, cand.modality = "MOBILIZE", None, "15", "asserted"
    elif condition == "unless" or quad == "material_conflict":
        cand.event, cand.mode, cand.cameo = "THREATEN", None, "130"
        if condition is not None:
            clause = cand.clause if cand.clause is not None else cand.trigger
            toks = [t for t in _clean_actor_tokens(_role_tokens(clause, "condition.nsubj")) if t not in cand.actors]
            if toks:
                cand.recipient_options.append(("condition.nsubj", toks))
                cand.recipients = cand.recipients or toks
    elif cand.modality != "intended" and cand.mode in book.future_becomes_concede.get(cand.event, ()):
        cand.event, cand.mode, cand.cameo = "CONCEDE", None, "08"
    elif cand.event in book.future_becomes_agree or (
            cand.modality == "intended" and cand.event in book.willingness_becomes_agree):
        cand.event, cand.mode, cand.cameo = "AGREE", None, "03"


_DENIALS = {"deny"}
_OBLIGATION = {"must", "should"}


def said_clause(verb: Token, book: PatternBook) -> tuple[Token, Token | None] | None:
    """What a verb of saying says, and to whom when the text names it: its "that" clause
    ("said Y must withdraw"), or that of the message it sends ("issued a reminder to Iraq
    that it must cooperate": the clause, and Iraq)."""
    if verb.lemma_.lower() in load_speech_lexicon().statement_verbs:
        content = _child(verb, "ccomp")
        return (content, None) if content is not None else None
    obj = _child(verb, {"dobj", "obj"})
    if obj is None or obj.lemma_.lower() not in book.message_nouns:
        return None
    content = next((c for c in [*obj.children, *verb.children] if c.dep_ in ("acl", "ccomp") and c.i > obj.i
                    and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if content is None:
        return None
    to = prep_objects(verb, "to") or prep_objects(obj, "to")
    return content, (to[0] if to else None)


def _obligation_request(verb: Token, book: PatternBook) -> Candidate | None:
    """"X said Y must withdraw", "X issued a reminder to Y that it must cooperate": a demand
    made by statement (REQUEST X -> Y)."""
    said = said_clause(verb, book)
    if said is None:
        return None
    content, addressee = said
    if not _says_must(content):
        return None
    if content.lemma_.lower() in ("have", "need"):  # "Washington needs to act": the demand is the infinitive's
        inner = _child(content, "xcomp")
        if inner is not None and inner.lemma_.lower() in book.cognition_verbs:
            return None
    if content.lemma_.lower() in book.cognition_verbs:
        return None  # "they must understand that ...": a warning, not a demand
    target = _child(content, {"nsubj", "nsubjpass"})
    if target is not None and addressee is not None and target.pos_ == "PRON":
        target = addressee  # "a reminder to Iraq that it must ...": it is Iraq
    if target is None or target.pos_ == "PRON" and target.lower_ in ("it", "there", "we", "i", "you"):
        return None
    return _statement_about(verb, target, book.verbs["demand"][0], "REQUEST", None, "10")


def _statement_about(verb: Token, target: Token, sense: Sense, event: str, mode: str | None,
                     cameo: str) -> Candidate:
    """An event made by saying something about ``target`` (the subject of the "that" clause)."""
    return Candidate(sense=sense, trigger=verb, event=event, mode=mode, cameo=cameo,
                     actors=_clean_actor_tokens(find_subject(verb)), recipients=conjuncts(target),
                     confidence=0.55, clause=verb, needs_recipient=True,
                     recipient_options=[("ccomp.nsubj", _clean_actor_tokens(conjuncts(target)))])


def _to_infinitive(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _is_request(tok: Token, book: PatternBook) -> bool:
    """Whether a verb or noun asks for something ("demanded", "its demand", "urged")."""
    if tok.pos_ == "VERB":
        sense = _match_verb_sense(book, tok)
    elif tok.pos_ == "NOUN":
        sense = _match_noun_sense(book, tok)
    else:
        return False
    return sense is not None and sense.event == "REQUEST"


def _says_must(clause: Token) -> bool:
    """Whether a clause says someone must or has to do something ("Y must withdraw",
    "Y needs to act")."""
    if {c.lower_ for c in clause.children if c.dep_ == "aux"} & _OBLIGATION:
        return True
    return clause.lemma_.lower() in ("have", "need") and any(c.dep_ == "xcomp" for c in clause.children)


def _obliged(tok: Token) -> bool:
    """Whether ``tok`` is in what a statement says someone must do ("said the US must be
    ready to ...", "insisted Iran should be willing to ..."): that is a demand's content."""
    for _ in range(3):
        if tok.dep_ not in ("acomp", "xcomp"):
            break
        tok = tok.head
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in load_speech_lexicon().statement_verbs and _says_must(tok)


def irrealis(clause: Token, book: PatternBook, event: str = "") -> str | None:
    """Why the clause tells of no event that happened, or None: a condition ("if the
    government releases ..."), or a "to" clause that is a purpose or a request's content
    ("urged Russia to accept", "appealed to Moscow to release him"). Intended and refused
    events ("plans to meet", "refused to meet") are left to the modality rules; "began
    to withdraw" happened; so did what a material act was done for ("opened fire to
    disperse the crowd") and a protest that is the act's own purpose ("walked off the job
    to protest a plan")."""
    tok = clause
    for _ in range(6):
        if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in book.condition_marks for m in tok.children):
            return "condition"
        if (tok.dep_ == "advcl" and tok.tag_ in ("VB", "VBP", "VBZ")
                and any(m.dep_ == "mark" and m.lower_ in ("until", "till", "before", "once") for m in tok.children)):
            return "not yet"  # "will fight until they capture the city", "must agree before they demobilize"
        if tok.dep_ in ("ccomp", "acl") and _is_request(tok.head, book):
            return "demanded"  # "demanded that the government grant more rights"
        if tok.dep_ == "ccomp" and any(c.dep_ in ("dobj", "obj") and _is_request(c, book) for c in tok.head.children):
            return "demanded"  # "reiterated its demand that Israel ease restrictions"
        if _to_infinitive(tok) and tok.dep_ in ("advcl", "xcomp", "acl", "relcl", "ccomp", "conj"):
            if tok.dep_ == "conj":
                tok = tok.head
                continue
            head = tok.head
            lemma = head.lemma_.lower()
            if lemma in book.intent_verbs or head.lower_ in book.intent_adjectives:
                subject = find_subject(head) if head.pos_ in ("VERB", "AUX") else []
                if any(s.lemma_.lower() in book.document_nouns for s in subject):
                    return "purpose"  # "a resolution that aims to tighten sanctions"
                if _obliged(head):
                    return "demanded"  # "said the US must be ready to mediate"
                return None
            if lemma in book.negating_verbs:
                return None
            if lemma in book.implicative_verbs:
                tok = head
                continue
            if event == "PROTEST" and tok.dep_ in ("advcl", "acl"):
                return None  # "walked out to protest", "converged for a rally to protest"
            if tok.dep_ == "advcl" and head.pos_ == "VERB":
                # the head's own event: its verb ("shelled ... to") or its object ("opened fire to")
                senses = [_match_verb_sense(book, head)]
                senses += [_match_noun_sense(book, c) for c in head.children if c.dep_ in ("dobj", "obj")]
                if any(s is not None and s.event != "NONE" and book.types[s.event].quad.startswith("material")
                       for s in senses):
                    return None
            return "purpose"
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ == "by":
            # "called for Russia to reciprocate by agreeing to a ceasefire": the means is as
            # real as what it is the means of
            tok = tok.head.head
            continue
        break
    return None


_SELF_PRONOUNS = {"it", "he", "she", "they"}


def _agrees(pron: Token, speaker: Token, book: PatternBook) -> bool:
    """Whether ``pron`` can stand for ``speaker``: "it" for a state or body, "he"/"she"
    for a person, "they" for a plural, a body or a coordination."""
    collective = speaker.lemma_.lower() in book.collective_nouns or speaker.ent_type_ in ("GPE", "ORG")
    plural = speaker.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in speaker.children)
    word = _OWN_POSSESSIVES.get(pron.lower_, pron.lower_)
    if word == "it":
        return collective and not plural and speaker.ent_type_ != "PERSON"
    if word in ("he", "she"):
        return not collective and not plural and speaker.ent_type_ not in ("NORP", "GPE", "ORG")
    return plural or collective or speaker.ent_type_ == "NORP"


_OWN_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they"}


def self_report_speaker(pron: Token, book: PatternBook) -> list[Token] | None:
    """"Syria says it will withdraw": the subject pronoun of a reported clause whose
    speaker it stands for. So does the speaker's own body ("Buhari said his administration
    will not succumb": a body of verbs.yaml `collective_nouns` owned by a pronoun that stands
    for the speaker), as the speaker's commitment."""
    if pron.dep_ not in ("nsubj", "nsubjpass"):
        return None
    subject = pron
    if pron.lemma_.lower() in book.collective_nouns and pron.pos_ == "NOUN":
        owner = next((c for c in pron.children if c.dep_ == "poss" and c.lower_ in _OWN_POSSESSIVES), None)
        if owner is None:
            return None
        pron = owner  # agreement is the owner's: "his administration" stands for a person
    elif pron.lower_ not in _SELF_PRONOUNS:
        return None
    speech = load_speech_lexicon().clause_verbs
    tok = subject.head
    for _ in range(5):
        if tok.dep_ == "ccomp" and tok.head.pos_ == "VERB" and not is_passive(tok.head):
            if tok.head.lemma_.lower() not in speech:
                return None
            speaker = _child(tok.head, "nsubj")
            if speaker is None and tok.head.dep_ == "conj":
                # "rejected the plan and said they also opposed ...": the subject of both verbs
                shared = find_subject(tok.head)
                speaker = shared[0] if shared else None
            if speaker is None or speaker.pos_ == "PRON" or speaker.lower_ in RELATIVE_PRONOUNS:
                return None
            return conjuncts(speaker) if _agrees(pron, speaker, book) else None
        if tok.dep_ in ("xcomp", "acomp", "conj") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return None
    return None


def _name_self_reporters(cand: Candidate, book: PatternBook) -> None:
    """A speaker's statement of what it will do, or a verbal act it reports of itself, is
    the speaker's own act: "Syria says it will withdraw" is Syria's commitment, made in
    "Syria says", so the actor's mention is "Syria". What a speaker says it did
    ("the military said it killed 33 fighters") stays the pronoun's event, claimed by
    the speaker."""
    if not (cand.modality in ("future", "intended", "conditional")
            or book.types[cand.event].quad.startswith("verbal")):
        return
    actors: list[Token] = []
    for t in cand.actors:
        for a in self_report_speaker(t, book) or [t]:
            if a not in actors:
                actors.append(a)
    if actors != cand.actors:
        cand.actors = actors
        cand.recipient_options = _clean_options(cand.recipient_options, actors)
        cand.recipients = cand.recipient_options[0][1] if cand.recipient_options else []


def _or_face_threats(out: list[Candidate], book: PatternBook) -> list[Candidate]:
    """"urged Russia to accept the ceasefire or face further sanctions": the demand carries
    a threat to the same recipient."""
    found = []
    for c in out:
        if c.event != "REQUEST" or c.sense.pos != "verb":
            continue
        x = infinitive(c.trigger)
        if x is None:
            continue
        for conj in x.children:
            if (conj.dep_ == "conj" and conj.lemma_.lower() == "face"
                    and any(cc.dep_ == "cc" and cc.lower_ == "or" for cc in x.children)):
                sense = book.verbs["threaten"][0]
                found.append(Candidate(sense=sense, trigger=conj, event="THREATEN", mode=None, cameo="130",
                                       actors=list(c.actors), recipients=list(c.recipients),
                                       recipient_options=list(c.recipient_options), confidence=c.confidence - 0.1,
                                       clause=c.trigger))
    return found


def _by_head_tokens(out: list[Candidate], event: str) -> dict[int, Candidate]:
    """Candidates of one type by every token that heads them (trigger, clause, light verb)."""
    found: dict[int, Candidate] = {}
    for c in out:
        if c.event == event:
            for t in (c.trigger, c.clause, *c.extra_triggers):
                if t is not None:
                    found.setdefault(t.i, c)
    return found


def _fold_attack_participles(out: list[Candidate]) -> list[Candidate]:
    """"launched rocket fire against guerrilla camps, killing or wounding 50", "opened fire,
    killing one person": the participle tells what the attack did, not a second attack; its
    victims are the attack's recipients when it has none. So does a "when" clause ("killed
    23 people when they blew themselves up")."""
    attacks = _by_head_tokens(out, "ASSAULT")
    kept = []
    for c in out:
        t = c.trigger
        # "killed 23 people when they blew themselves up in Tel Aviv", "... when they opened
        # fire": how the attack was done
        clause = next((h for h in (t, c.clause, *c.extra_triggers) if h is not None and h.dep_ == "advcl"), None)
        if (c.event == "ASSAULT" and clause is not None and clause.head.i in attacks
                and attacks[clause.head.i] is not c
                and any(m.dep_ == "advmod" and m.lower_ in ("when", "as") for m in clause.children)
                and all(a.pos_ == "PRON" or a in attacks[clause.head.i].actors for a in c.actors)):
            continue
        if c.event == "ASSAULT" and t.tag_ == "VBG" and t.dep_ in ("advcl", "conj"):
            head = t.head
            if t.dep_ == "conj" and head.tag_ == "VBG" and head.dep_ == "advcl":
                head = head.head  # "killing or wounding 50": both participles hang on the attack
            parent = attacks.get(head.i)
            if parent is not None and parent is not c:
                parent.recipient_options += [("participle." + role, toks) for role, toks in c.recipient_options]
                if not parent.recipients and c.recipients:
                    parent.recipients = c.recipients
                continue
        kept.append(c)
    return kept


def _fold_protest_demands(out: list[Candidate]) -> list[Candidate]:
    """"blocked roads, demanding that he be reinstated", "staged rallies against Abbas,
    saying he must resign": a protest's demand or complaint is its topic, not a REQUEST of its own
    (PLOVER manual); whom it addresses is the protest's target when it has none."""
    protests = _by_head_tokens(out, "PROTEST")
    if not protests:
        return out
    kept = []
    for c in out:
        head = c.clause if c.clause is not None else c.trigger
        # "began a hunger strike to protest the president's failure to ...": the protest's
        # own complaint is its topic too, not an ACCUSE of its own
        protest = None
        if c.event in ("REQUEST", "ACCUSE"):
            # "rioted ..., joining demonstrators in demanding a referendum": up through the
            # clauses and prepositions that hang the demand on the protest
            tok = head
            for _ in range(4):
                if tok.dep_ not in ("advcl", "conj", "pcomp", "prep", "xcomp") or tok.head == tok:
                    break
                tok = tok.head
                if tok.i in protests:
                    protest = protests[tok.i]
                    break
        if protest is None:
            kept.append(c)
            continue
        # the demand's addressee ranks above a name the protest only happens near
        protest.recipient_options = _near_last(
            protest.recipient_options + [("demand." + role, toks) for role, toks in c.recipient_options])
        if not protest.recipients and c.recipients:
            protest.recipients = c.recipients
    return kept


def _wrongdoing_accusation(verb: Token, book: PatternBook) -> Candidate | None:
    """"Akram said Kabul was failing to rein in the separatists", "the U.S. said Iran is
    defying the Council": a statement that someone fails at a duty or breaks a rule is a
    criticism of them (ACCUSE, disapprove). The verbs are verbs.yaml `wrongdoing_verbs`."""
    said = said_clause(verb, book)
    content = said[0] if said is not None else None
    if content is None:
        return None
    deed = content
    attempt = _child(content, "xcomp")
    if (attempt is not None and content.lemma_.lower() in book.implicative_verbs | book.intent_verbs
            and attempt.lemma_.lower() in book.wrongdoing_verbs):
        # "the Kabul administration has tried to sabotage the process", "Washington seeks to
        # weaponize the council": trying at a wrong is saying they do wrong
        deed = attempt
    if deed.lemma_.lower() not in book.wrongdoing_verbs:
        return None
    if deed.lemma_.lower() == "fail" and _child(deed, "xcomp") is None:
        return None  # "said the talks failed": an outcome, not a failure of duty
    # "Iran is defying": the parser may hang the subject on the auxiliary
    holders = [content] + [a for a in content.children if a.dep_ in ("aux", "auxpass")]
    target = next((c for h in holders for c in h.children if c.dep_ == "nsubj"), None)
    if target is None or target.pos_ == "PRON" or any(c.dep_ == "neg" for c in content.children):
        return None
    return _statement_about(verb, target, book.verbs["criticize"][0], "ACCUSE", "disapprove", "111")


def extract_sentence(sent: Span, book: PatternBook) -> list[Candidate]:
    """All candidate events of one sentence, in trigger order."""
    ctx = _Context(book=book)
    out: list[Candidate] = []
    # Governing verbs before their complements, so "refused to meet" consumes "meet".
    tokens = sorted(sent, key=lambda t: (len(list(t.ancestors)), t.i))
    for tok in tokens:
        if tok.i in ctx.consumed:
            continue
        cand = None
        if tok.lower_ == "opposed" and tok.i > sent.start and tok.doc[tok.i - 1].lower_ == "as":
            continue  # "as opposed to": a comparison
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            demand = _obligation_request(tok, book) or _wrongdoing_accusation(tok, book)
            if demand is not None and demand.actors:
                said = said_clause(tok, book)
                if said is not None:
                    ctx.consumed.add(said[0].i)
                out.append(demand)
                continue
            sense = _match_verb_sense(book, tok)
            if sense is not None and sense.event != "NONE":
                cand = _verb_candidate(tok, sense, ctx)
                nested = _nested(cand, ctx) if cand is not None else None
                if nested is not None:
                    _apply_modality(nested, book)
                    out.append(nested)
        elif tok.pos_ in ("NOUN", "PROPN"):
            # a sense whose light-verb or argument test fails falls through to the next one
            senses = _noun_senses(book, tok)
            for sense in senses:
                if sense.event == "NONE":
                    break
                cand = _noun_candidate(tok, sense, ctx)
                if cand is not None:
                    break
            if _joint(tok, book):
                if cand is None and not senses and book.joint_action is not None:
                    cand = _noun_candidate(tok, book.joint_action, ctx)
                if cand is not None and cand.event == "COOPERATE":
                    cand.joint = True
        if cand is not None:
            twin = None
            if cand.sense.also is not None:
                # "sentenced X to five years in prison": a conviction and an imprisonment
                event, mode, cameo = cand.sense.also
                twin = replace(cand, event=event, mode=mode, cameo=cameo, actors=list(cand.actors),
                               recipients=list(cand.recipients), recipient_options=list(cand.recipient_options))
            for c in (cand, twin):
                if c is not None:
                    _apply_modality(c, book)
                    out.append(c)
    # a light-verb noun and its verb both matched: a weak verb sense ("provided") yields to
    # the noun ("air support"); otherwise the verb's own sense wins ("signed an agreement")
    noun_lights = {e.i for c in out if c.sense.pos == "noun" for e in c.extra_triggers}
    out = [c for c in out if not (c.sense.pos == "verb" and c.sense.weak and c.trigger.i in noun_lights)]
    verbs_used = {c.trigger.i for c in out if c.sense.pos == "verb"}
    out = [c for c in out if not (c.sense.pos == "noun" and any(e.i in verbs_used for e in c.extra_triggers))]
    out += _or_face_threats(out, book)
    out = _fold_protest_demands(out)
    out = _fold_attack_participles(out)
    for c in out:
        _name_self_reporters(c, book)
    out = [c for c in out if irrealis(c.clause if c.clause is not None else c.trigger, book, c.event) is None]
    # "Tehran would welcome the closure", "the two could meet": hypothetical, not coded (PLOVER
    # auxiliary mode "hypothetical"); a conditional threat or refusal is itself an act
    out = [c for c in out if c.modality != "conditional" or c.event in ("THREATEN", "REJECT")]
    # "a hotel where elders and officials were meeting": the meeting is the scene, not the news
    out = [c for c in out if not (c.event in book.scene_events and c.sense.pos == "verb" and c.trigger.tag_ == "VBG"
                                  and any(a.dep_ == "aux" and a.lower_ in book.scene_aux for a in c.trigger.children))]
    # "rebels fighting to topple the government", "militants fighting the army": a participle
    # on a noun describes who they are, not what happened in this sentence
    # ("issued a declaration demanding ..." is the declaration's demand, which stays)
    out = [c for c in out if not (c.trigger.dep_ == "acl" and c.trigger.tag_ == "VBG" and c.sense.pos == "verb"
                                  and c.trigger.head.lemma_.lower() not in _DOCUMENT_NOUNS)]
    # "government soldiers backed by African Union troops", "intelligence shared by the U.N.":
    # a past participle on a noun of support or cooperation says whose the noun is
    out = [c for c in out if not (c.trigger.dep_ == "acl" and c.trigger.tag_ == "VBN" and c.sense.pos == "verb"
                                  and c.event in ("SUPPORT", "COOPERATE"))]
    return sorted(out, key=lambda c: c.trigger.i)


def extract_doc(doc: Doc, book: PatternBook, *, skip: Iterable[tuple[int, int]] = ()) -> Iterator[tuple[Span, list[Candidate]]]:
    """Candidates sentence by sentence; sentences inside ``skip`` ranges (page furniture) yield none."""
    skip = list(skip)
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        start = words[0].idx if words else sent.start_char
        end = words[-1].idx + len(words[-1].text) if words else sent.end_char
        if any(s <= start and end <= e for s, e in skip):
            yield sent, []
            continue
        yield sent, extract_sentence(sent, book)
