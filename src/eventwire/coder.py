"""Turn a parsed article into coded events and quotes.

The extraction stage gives candidate events as tokens; here each token becomes a
mention span resolved to an actor (through the article's running memory, so
"Shoigu", "he" and "the minister" inherit), the clause gives place and date, the
attribution stage says who claims it, and a confidence ranks it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Token

from . import attribution
from .confidence import ConfidenceModel, packaged_model
from .contexts import document_contexts
from .extract import Candidate, _child, conjuncts, extract_doc
from .ingest import furniture_kind
from .patterns import PatternBook
from .records import Article, CodedArticle, Entity, Event, Place
from .resolve import dates as dates_mod
from .resolve import places as places_mod
from .resolve.actors import POSSESSIVE_PRONOUNS, ActorInfo, ActorMemory, ActorResolver, country_code

# Left-hand dependents that belong to a mention ("Russian Defense Minister Sergei Shoigu").
_MENTION_LEFT = {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "punct", "npadvmod"}
_MENTION_RIGHT = {"case", "flat"}
_LOCATIVE_PREPS = {"in", "at", "near", "outside", "across", "around", "inside", "on", "into", "from"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_FIRST_PERSON = {"we", "i", "us", "our"}
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "you"}
_MATERIAL_QUADS = {"material_conflict", "material_cooperation"}
# roles that name a co-participant rather than a target ("met with X", "talks between X and Y")
_CO_PARTY_ROLES = {"prep:with", "prep:between", "prep:against", "dobj", "light.prep:with", "light.prep:between"}


# participles and adjectives that say whom a group belongs to ("militants loyal to X")
_AFFILIATION = {"affiliate", "affiliated", "link", "linked", "loyal", "ally", "allied", "belong", "tie", "tied",
                "connect", "connected", "close"}

_GROUP_NOUNS = {"group", "groups", "team", "delegation", "delegations", "coalition", "family", "families",
                "leader", "leaders", "member", "members", "thousands",
                "hundreds", "dozens", "scores", "millions", "tens", "number", "some", "many", "most", "all",
                "part", "representatives", "supporters", "head", "chief", "side", "sides", "wing", "units",
                "officials", "forces"}


def _substitute(tok: Token, book: PatternBook) -> Token | None:
    """Where the actor is when the head noun is not one: "Reagan's statement" -> Reagan,
    "a group of Moroccan diplomats" -> diplomats, "the U.S. proposal" -> U.S."""
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ not in ("its", "their", "his", "her", "our", "my", "your"):
            return c
    if tok.lower_ in _GROUP_NOUNS or tok.pos_ in ("NUM", "PRON"):
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
    # the modifier nearest the noun heads a named modifier of several words ("a Karen guerrilla
    # stronghold": "guerrilla", whose mention is "Karen guerrilla")
    for c in sorted(tok.children, key=lambda t: -t.i):
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "NORP", "ORG") and not (
                tok.ent_iob_ == "I" and c.i < tok.i):  # "North" in "North Kivu" is part of the name
            return c
    if tok.pos_ == "NOUN":
        # "violations by the security forces", "an offer from Kabul", "pressure from criminal
        # groups": whoever the act comes from
        for c in tok.children:
            if c.dep_ == "prep" and (c.lower_ == "by" or (c.lower_ == "from" and tok.lemma_.lower() in book.act_nouns)):
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
        # "the offices of the Palestinian administrators", "computers of army officers"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
        # "the demonstration staged by students", "a rally organised by the opposition" (after "of": "a
        # meeting of the Council requested by France" is the Council's)
        for c in tok.children:
            if c.dep_ == "acl" and c.tag_ == "VBN":
                pobj = next((p for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
        # "a camp for Congolese refugees", "a bus carrying a paramilitary force": who was in it
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "for" and tok.lemma_.lower() in book.shelter_nouns:
                pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("NOUN", "PROPN"):
                    return pobj
            if c.dep_ == "acl" and c.lemma_.lower() in book.carrying_verbs:
                obj = next((o for o in c.children if o.dep_ in ("dobj", "obj")), None)
                if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return None


def _recalled_when(clause: Token) -> bool:
    """"since August 2022, when the president called for ...": a "when" clause on a date
    recalls a background event."""
    if clause.dep_ == "relcl" and clause.head.ent_type_ in ("DATE", "TIME"):
        return True
    when = next((c for c in clause.children if c.dep_ == "advmod" and c.lower_ == "when"), None)
    if when is None or when.i < 2:
        return False
    doc = clause.doc
    return doc[when.i - 1].text == "," and doc[when.i - 2].ent_type_ in ("DATE", "TIME")


# clauses inside a clause tell their own events, with their own dates
_EMBEDDED = {"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj", "parataxis"}


def _own_clause_text(clause: Token) -> str:
    """The clause's words without the clauses inside it: "blamed the administration for
    withdrawing in 2017" is dated by its own words, not by the withdrawal's year."""
    skipped: set[int] = set()
    for tok in clause.subtree:
        if tok != clause and tok.dep_ in _EMBEDDED and tok.i not in skipped:
            skipped.update(t.i for t in tok.subtree)
    return "".join(t.text_with_ws for t in clause.subtree if t.i not in skipped)


def _without_article(span):
    """The mention as output: a leading "the"/"a"/"an" is not part of the actor's name
    ("the United Nations" -> "United Nations"), nor is a possessive ending; both still help
    resolution ("the minister")."""
    start, end = span.start, span.end
    while start < end - 1 and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end - 1 > start and span.doc[end - 1].tag_ == "POS":
        end -= 1  # "Sweden's decision": the actor is "Sweden"
    return span.doc[start:end]


def mention_bounds(tok: Token, *, placed: bool = True) -> tuple[int, int]:
    """Token range [lo, hi) of the noun phrase headed by ``tok``, without clauses; with
    ``placed``, a group goes on through where it is from ("rebels in Darfur")."""
    lo = hi = tok.i
    for c in tok.lefts:
        if c.dep_ in _MENTION_LEFT:
            lo = min(lo, c.left_edge.i)
    for c in tok.rights:
        if c.dep_ in _MENTION_RIGHT and c.i == hi + 1:
            hi = c.i
        elif c.dep_ == "prep" and c.lower_ == "of" and c.i == hi + 1:
            # a name or title goes on through "of": "Republic of Korea", "the president of Armenia"
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in ("GPE", "NORP", "ORG")):
                hi = max(hi, mention_bounds(pobj)[1] - 1)
        elif c.dep_ in ("acl", "amod") and c.lemma_.lower() in _AFFILIATION and c.i == hi + 1 and tok.pos_ == "NOUN":
            # who a group belongs to is part of naming it: "workers affiliated with the Serbian
            # Workers' Union", "militants loyal to Zarqawi", "fighters linked to al-Qaida"
            pobj = next((p for pr in c.children if pr.dep_ == "prep" and pr.lower_ in ("with", "to")
                         for p in pr.children if p.dep_ == "pobj"), None)
            if pobj is not None and any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")
                                        for t in pobj.subtree):
                hi = max(hi, mention_bounds(pobj)[1] - 1)
        elif (placed and c.dep_ == "prep" and c.lower_ in ("from", "in", "throughout", "across") and c.i == hi + 1
              and tok.pos_ == "NOUN"):
            # a group named by where it is from: "diplomats from the Group of Seven", "rebels in Darfur"
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                p_lo, p_hi = mention_bounds(pobj)
                if any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG", "LOC") for t in tok.doc[p_lo:p_hi]):
                    hi = max(hi, p_hi - 1)
    doc = tok.doc
    if tok.ent_iob_ == "I" and tok.dep_ in ("compound", "amod", "nmod"):
        # "a Karen guerrilla stronghold": the modifier "guerrilla" names, with "Karen" (its
        # sibling under the same noun), one entity
        j = tok.i
        while j > 0 and doc[j].ent_iob_ == "I":
            j -= 1
        if doc[j].ent_iob_ == "B" and all(doc[k].head == tok.head or doc[k].head == tok for k in range(j, tok.i)):
            lo = min(lo, j)
    # a dash or colon before the head ends the mention ("MANILA - Japanese Foreign Minister ...")
    j = tok.i - 1
    while j >= lo:
        if doc[j].text == ")" and j - 2 >= lo and doc[j - 2].text == "(" and doc[j - 1].dep_ == "appos":
            # "the Asia-Pacific Economic Cooperation (APEC) forum": an acronym in brackets
            # belongs to the name around it
            j -= 3
            continue
        spaced = j > 0 and bool(doc[j - 1].whitespace_)  # "MANILA - X", not "Secretary-General"
        if (doc[j].text in ("-", "—", "–") and spaced) or doc[j].text in (":", ";", "(", ")", "|", ",") or doc[j].is_space:
            lo = j + 1
            break
        j -= 1
    while lo < tok.i and doc[lo].is_punct:
        lo += 1
    return lo, hi + 1


def _with_apposed_name(tok: Token, hi: int) -> int:
    """"the Syrian parliament member, Mohammed Mamoun, started ...": the title and the
    name apposed to it are one mention in the output (resolution uses the title alone)."""
    if tok.pos_ != "NOUN":
        return hi
    # "Pakistan's permanent representative to the United Nations, Munir Akram": over the
    # title's own prepositional phrase, where the parser may hang the name on the body
    preps = [c for c in tok.rights if c.dep_ == "prep" and c.i == hi]
    end = max([hi] + [c.right_edge.i + 1 for c in preps])
    bodies = [p for c in preps for p in c.children if p.dep_ == "pobj" and p.ent_type_ in ("ORG", "GPE")]
    for c in [*tok.rights, *(a for b in bodies for a in b.rights)]:
        if (c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i <= end + 2
                and any(t.ent_type_ == "PERSON" for t in c.subtree)):
            return max(hi, mention_bounds(c)[1])
    return hi


def _window_start(tok: Token, sentences: int = 3) -> int:
    """Where the token's sentence and the ones just before it begin (three in all by default):
    how far back a pronoun or a counted group ("the three nations") looks for its parties."""
    start = tok.sent.start
    for _ in range(sentences - 1):
        if start == 0:
            break
        start = tok.doc[start - 1].sent.start
    return start


def _with_named_owner(tok: Token, hi: int) -> int:
    """"the deputy chief of Israel's militia ally", "members of the banned Movement for ...":
    a title or member noun is shown with the named body it belongs to (resolution keeps to
    the head's own phrase)."""
    if tok.pos_ != "NOUN":
        return hi
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == hi), None)
    pobj = _child(of, "pobj") if of is not None else None
    if pobj is None:
        return hi
    p_lo, p_hi = mention_bounds(pobj)
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG") for t in tok.doc[p_lo:p_hi]):
        return max(hi, p_hi)
    return hi


def _resolution_phrase(tok: Token, lo: int, hi: int) -> str:
    """The mention plus modifiers that tell who it is ("groups in Zimbabwe", ", Algeria's activist")."""
    doc = tok.doc
    parts = [doc[lo:hi].text]
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "from") :
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and (pobj.ent_type_ in ("GPE", "NORP", "ORG") or pobj.pos_ == "PROPN"):
                a, b = mention_bounds(pobj)
                parts.append(f"{c.text} {doc[a:b].text}")
        elif c.dep_ == "appos":
            a, b = mention_bounds(c)
            parts.append(", " + doc[a:b].text)
    return " ".join(parts)


@dataclass(slots=True)
class ArticleState:
    """Per-article running state: actor memory, resolved tokens, article countries."""

    article: Article
    doc: Doc
    memory: ActorMemory
    countries: list[str]
    central_place: Place | None
    types: dict[str, Any] = field(default_factory=dict)
    # the country where the story happens: unnamed "police", "rebels", "the government"
    # belong to it (the dateline's or the most-mentioned city's country, else the most
    # mentioned country)
    home_country: str | None = None
    # the named armed group the story is most about ("al-Shabab"): its unnamed gunmen
    armed_group: ActorInfo | None = None
    cache: dict[int, Entity | None] = field(default_factory=dict)


def _same_state(a: Entity, b: Entity, non_state: dict[str, str]) -> bool:
    """Whether two mentions both name the same state itself ("the United States", "U.S.")."""
    return (a.country is not None and a.country == b.country and a.country not in non_state
            and country_code(a.text) == a.country and country_code(b.text) == b.country)


def _meeting_roles(actors: list[Entity], others: list[Entity], location: Place | None,
                   mode: str | None) -> tuple[list[Entity], list[Entity], str | None]:
    """PLOVER meetings: where the meeting is in one party's country, that party hosts and the
    other is the visiting actor; otherwise every party is an actor and there is no recipient."""
    others = [o for o in others if all((o.start, o.end) != (a.start, a.end) for a in actors)]
    parties = actors + others
    if location is not None and location.country:
        hosts = [p for p in parties if p.country == location.country]
        guests = [p for p in parties if p.country and p.country != location.country]
        if hosts and guests:
            return guests, hosts, "visit"
    return parties, [], mode


_DATELINE = re.compile(r"(?:^|\n)\s*([A-Z][A-Z .'’-]{2,40}?)(?:,\s*[A-Z][A-Za-z .]{2,30})?\s*(?:\([^)]{1,40}\)\s*)?[-—–]\s")


def _dateline_place(article: Article, ranked: list[str]) -> Place | None:
    """"KYIV, Ukraine —" or "MANILA -" opening the story: where it was reported from."""
    body_start = max((e for s, e in article.furniture if s < 200), default=0)
    m = _DATELINE.search(article.text[body_start:body_start + 300])
    if m is None:
        return None
    return places_mod.resolve_place(m.group(1).strip().title(), article_countries=ranked)


class Coder:
    """Codes parsed articles. One instance per process; reuse it across articles."""

    def __init__(self, book: PatternBook, *, resolver: ActorResolver | None = None, coder_version: str = "",
                 keep_historical: bool = False, confidence_model: ConfidenceModel | None = None):
        self.book = book
        self.confidence_model = confidence_model or packaged_model()
        # events the story dates two or more years before its own date are recalled
        # history; they are left out unless asked for (PLOVER's "historical" auxiliary)
        self.keep_historical = keep_historical
        self.resolver = resolver or ActorResolver()
        self.coder_version = coder_version

    # ------------------------------------------------------------------ actors
    def _resolve(self, st: ArticleState, phrase: str) -> ActorInfo | None:
        return self.resolver.resolve(
            phrase,
            date=st.article.date,
            memory=st.memory,
            context_country=st.home_country,
        )

    def _entity(self, st: ArticleState, tok: Token) -> Entity | None:
        """The actor a token heads, or None when it is not an actor ("the rights", "a centre")."""
        if tok.i in st.cache:
            return st.cache[tok.i]
        st.cache[tok.i] = None  # guards against cycles through substitutes
        lo, hi = mention_bounds(tok)
        span = st.doc[lo:hi]
        group = self._partitive_group(tok)
        if group is not None:
            # "shot dead two militants, and four of them blew themselves up": the militants
            # ("three of them" of "nine suspects" is no actor we know, and not the police)
            found = self._entity(st, group) if self._actor_head(group) else None
            ent = None if found is None else Entity(
                tok.text, tok.idx, tok.idx + len(tok.text), name=found.name, country=found.country,
                sector=found.sector, wikidata=found.wikidata, known=found.known)
            st.cache[tok.i] = ent
            return ent
        phrase = span.text
        owner = _child(tok, "poss")
        if owner is not None and tok.lemma_.lower() in self.resolver.kb.relation_nouns:
            # "Israel's militia ally in southern Lebanon": whose ally says who it is not
            phrase = st.doc[owner.right_edge.i + 1:hi].text
        info = self._resolve(st, phrase) if self._actor_head(tok) and phrase else None
        if info is None and self._actor_head(tok) and tok.pos_ != "PRON":
            # "Up to 100 ethnic Albanians": without the count, or failing that the head alone
            rest = [t for t in span if t.ent_type_ not in ("CARDINAL", "QUANTITY") and t.pos_ not in ("NUM", "DET")
                    and t.dep_ not in ("quantmod", "nummod")]
            for phrase in (" ".join(t.text for t in rest), tok.text):
                if phrase and phrase != span.text:
                    info = self._resolve(st, phrase)
                    if info is not None:
                        break
        if (info is None or info.country is None) and tok.lower_ in self.resolver.kb.for_owner_heads:
            # "a spokesman for Afghan President Ashraf Ghani": whom the spokesman speaks for says who
            # he is (agents.yaml for_owner_heads)
            pobj = next((p for c in tok.rights if c.dep_ == "prep" and c.lower_ == "for" and c.i == hi
                         for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                wider_hi = mention_bounds(pobj)[1]
                owned = self._resolve(st, st.doc[lo:wider_hi].text)
                if owned is not None and owned.country is not None:
                    info, hi = owned, wider_hi
                    span = st.doc[lo:hi]
        if info is not None and info.confidence < 0.3 and tok.ent_type_ != "PERSON":
            info = None  # a capitalised word the model does not call a person ("Position")
        if info is not None and info.kind == "person" and tok.ent_type_ in _PLACE_LABELS and not info.title:
            info = None  # "The Hague" is a city, not William Hague
        if info is not None and info.sector is not None and (
                info.country is None or (not info.known and info.country == st.home_country
                                         and not self._explicit_country_text(span.text))):
            # "the opposition groups in Zimbabwe": the country stands after the head
            wider = _resolution_phrase(tok, lo, hi)
            if wider != span.text:
                info = self._resolve(st, wider) or info
        if (info is not None and info.sector is not None and not info.known and tok.pos_ != "PRON"
                and (info.country is None or info.country == st.home_country)
                and not self._explicit_country_text(span.text)):
            # "rebels in Darfur", "militias in Tripoli": a group belongs where it is placed
            placed = self._placed_in(st, tok)
            if placed is not None and placed != info.country:
                info = replace(info, country=placed)
        if (info is not None and info.sector == "REB" and not info.known and info.confidence < 0.5
                and st.armed_group is not None and info.country == st.home_country
                and not self._explicit_country_text(span.text)):
            # "Gunmen stormed a hotel ... al-Shabab claimed the attack": the story's armed group
            info = replace(info, country=st.armed_group.country)
        if (info is None or info.confidence < 0.5) and tok.pos_ == "PROPN":
            appos = next((c for c in tok.children if c.dep_ == "appos"), None)
            if appos is not None:
                # "Kenzo Oshima, the U.N. relief coordinator": the apposition says who
                a_lo, a_hi = mention_bounds(appos)
                info = self._resolve(st, st.doc[a_lo:a_hi].text) or info
        ent: Entity | None = None
        if info is not None and (info.country is not None or info.sector is not None):
            shown = _without_article(st.doc[lo:_with_apposed_name(tok, _with_named_owner(tok, hi))])
            ent = Entity(shown.text, shown.start_char, shown.end_char, name=info.name, country=info.country,
                         sector=info.sector, wikidata=info.wikidata, known=info.known)
        elif self._named_place_noun(tok):
            place = self._place_for(st, tok)
            if place is not None and place.country:
                shown = _without_article(span)
                ent = Entity(shown.text, shown.start_char, shown.end_char, name=place.name, country=place.country)
        else:
            sub = _substitute(tok, self.book)
            if sub is None:
                # "army positions", "police stations": the owner named by a compound agent word
                sub = next((c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                            and self._actor_head(c)), None)
            if sub is not None:
                ent = self._entity(st, sub)
            elif tok.ent_type_ in _PLACE_LABELS:
                place = places_mod.resolve_place(span.text, article_countries=st.countries)
                if place is not None and place.country:
                    ent = Entity(span.text, span.start_char, span.end_char, name=place.name, country=place.country)
        st.cache[tok.i] = ent
        return ent

    def _partitive_group(self, tok: Token) -> Token | None:
        """"four of them", "some of them": the nearest plural group named before in the sentence."""
        if not (tok.lower_ == "them" and tok.dep_ == "pobj" and tok.head.lower_ == "of"
                and (tok.head.head.pos_ in ("NUM", "PRON", "DET") or tok.head.head.lower_ in _GROUP_NOUNS)):
            return None
        for t in reversed(list(tok.doc[tok.sent.start:tok.head.head.i])):
            if t.pos_ == "NOUN" and t.tag_ == "NNS":
                return t
        return None

    def _placed_in(self, st: ArticleState, tok: Token, preps: tuple[str, ...] = ("in", "of", "from")) -> str | None:
        """The country of the place in "<noun> in/of/from <place>" ("rebels in Darfur", "the
        government of Sindh province", "a terminal in the Russian port of Ust-Luga")."""
        for c in tok.rights:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None:
                continue
            place = self._place_for(st, pobj)
            if place is None:
                name = pobj
                if pobj.lemma_.lower() in self.book.place_nouns:  # "Sindh province": the name before it
                    name = next((n for n in pobj.children if n.dep_ == "compound" and n.pos_ == "PROPN"), pobj)
                if name.ent_type_ in _PLACE_LABELS or name.pos_ == "PROPN":
                    a, b = mention_bounds(name)
                    place = places_mod.resolve_place(_without_article(st.doc[a:b]).text, article_countries=st.countries)
            if place is not None and place.country:
                return place.country
            # "in the Russian port of ...": the place's own nationality word
            code = next((country_code(m.text) for m in pobj.children
                         if m.dep_ in ("amod", "compound") and m.ent_type_ in ("NORP", "GPE") and country_code(m.text)), None)
            if code:
                return code
        return None

    def _actor_head(self, tok: Token) -> bool:
        """Whether a token can head an actor mention: a name, a pronoun, a demonym, or an
        agent word ("minister", "forces"); not "relations" in "diplomatic relations"."""
        if tok.pos_ in ("PROPN", "PRON", "ADJ") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return True
        if tok.lemma_.lower() in self.resolver.kb.descriptor_heads:
            return True  # "the APEC forum", "the organisation": the resolver decides
        kb = self.resolver.kb
        keys = {tok.lower_.replace(".", ""), tok.lemma_.lower()}
        prev = tok.nbor(-1).lower_ if tok.i > 0 else None
        for key in keys:
            grams = [(key,)] + ([(prev, key)] if prev else [])
            for gram in grams:
                for lex in kb.lookup(gram):
                    if lex.kind != "agent" or lex.agent_kind != "modifier":
                        return True
        return False

    def _unattributed(self, st: ArticleState, tok: Token, location: Place | None) -> Entity | None:
        """"A roadside bomb killed two soldiers": the attack stands as an unidentified actor."""
        if tok.lemma_.lower() not in self.book.attack_nouns or tok.dep_ not in ("nsubj", "pobj", "nsubjpass"):
            return None
        lo, hi = mention_bounds(tok)
        span = _without_article(st.doc[lo:hi])
        if location is None:  # "a roadside bombing near the town of Samarra"
            location = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS
                             for p in (self._place_for(st, o) for o in c.children if o.dep_ == "pobj") if p), None)
        country = (location.country if location is not None else None) or st.home_country
        return Entity(span.text, span.start_char, span.end_char, name=None, country=country, sector="UAF")

    def _counted_group(self, st: ArticleState, tok: Token) -> list[Entity]:
        """"Burkina Faso, Mali and Niger withdrew from ECOWAS. The three military-led nations
        accused the bloc ...": a plural counted by a verbs.yaml `group_counts` word ("both",
        "the three") stands for the parties last named together, when they are as many; the
        mentions are theirs as named."""
        if tok.pos_ != "NOUN" or tok.tag_ != "NNS":
            return []
        count = next((self.book.group_counts[c.lower_] for c in tok.children
                      if c.dep_ in ("nummod", "det", "predet") and c.lower_ in self.book.group_counts), None)
        if count is None or any(c.dep_ == "prep" and c.lower_ in ("of", "from") for c in tok.children):
            return []  # "two of the soldiers", "three soldiers from Kenya" name their own
        for t in reversed(st.doc[_window_start(tok):tok.i]):
            if t.dep_ == "conj" or not any(c.dep_ == "conj" for c in t.children):
                continue
            members = conjuncts(t)
            if len(members) != count or not all(m.pos_ == "PROPN" or m.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
                                                for m in members):
                continue
            ents = [e for e in (self._entity(st, m) for m in members) if e is not None]
            return ents if len(ents) == count else []
        return []

    def _entities(self, st: ArticleState, toks: list[Token]) -> list[Entity]:
        out: list[Entity] = []
        for tok in toks:
            group = self._counted_group(st, tok)
            if group:
                out.extend(e for e in group if all((e.start, e.end) != (o.start, o.end) for o in out))
                continue
            while tok.dep_ == "compound" and tok.head.i == tok.i + 1 and (
                    (tok.ent_type_ and tok.head.ent_iob_ == "I")
                    or (tok.head.pos_ == "NOUN" and self._actor_head(tok.head))
                    or (tok.ent_type_ in _PLACE_LABELS and self._named_place_noun(tok.head))):
                # "a Security Council resolution": the name goes on to "Council"; "United
                # Nations peacekeepers": the actor is the peacekeepers
                tok = tok.head
            split = self._split_modifiers(st, tok)
            if not split and not self._actor_head(tok):
                # "praised the withdrawal of U.S. and NATO troops": the owners of the act, each
                sub = _substitute(tok, self.book)
                split = self._split_modifiers(st, sub) if sub is not None else []
            if split:
                out.extend(split)
                continue
            later = [c for c in tok.conjuncts if c.i > tok.i and c.pos_ == "NOUN"]
            e = self._shared_head_entity(st, tok, later[-1]) if later else self._entity(st, tok)
            if e is not None and all((e.start, e.end) != (o.start, o.end) for o in out):
                out.append(e)
        return out

    def _split_owners(self, st: ArticleState, tok: Token) -> list[Entity]:
        """"The foreign ministers of Egypt and Jordan", "delegations from Sudan's army and the
        Rapid Support Forces": people of several named owners are one party per owner. An
        owner named as a bare state takes the people's sector ("soldiers from Kenya": MIL)."""
        if tok.tag_ not in ("NNS", "NNPS") or tok.pos_ != "NOUN" or not self._actor_head(tok):
            return []
        owner = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                      for p in c.children if p.dep_ == "pobj"), None)
        if owner is None or not owner.conjuncts:
            return []
        owners = conjuncts(owner)

        def named(t: Token) -> bool:  # "Egypt", "Sudan's army", "the Israeli military"
            return t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG") or any(
                c.dep_ in ("poss", "compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "ORG"))
                for c in t.children)

        if not all(named(o) for o in owners):
            return []
        own = self._resolve(st, _without_article(st.doc[mention_bounds(tok, placed=False)[0]:tok.i + 1]).text)
        out = []
        for o in owners:
            e = self._entity(st, o)
            if e is None:
                return []
            if own is not None and own.sector and country_code(e.text) == e.country:
                e = replace(e, sector=own.sector)
            out.append(e)
        return out

    def _shared_head_entity(self, st: ArticleState, tok: Token, head: Token) -> Entity | None:
        """A coordinated nationality the parser made a conjunct of the noun it modifies
        ("Sierra Leonean and Liberian refugees": "Sierra Leonean" stands for Sierra Leonean
        refugees, not for its government)."""
        ent = self._entity(st, tok)
        if (ent is None or tok == head or head.pos_ != "NOUN" or tok.ent_type_ != "NORP"
                or any(c.pos_ == "NOUN" and c.dep_ != "conj" for c in tok.children)):
            return ent
        info = self.resolver.resolve(f"{ent.text} {head.text}", date=st.article.date)
        if info is None or info.country != ent.country or not info.sector:
            return ent
        return replace(ent, sector=info.sector)

    def _split_modifiers(self, st: ArticleState, tok: Token) -> list[Entity]:
        """"Hungarian and Romanian officials": one actor per coordinated nationality; also under
        a count ("scores of Sierra Leonean and Liberian refugees")."""
        owners = self._split_owners(st, tok)
        if owners:
            return owners
        if tok.lower_ in _GROUP_NOUNS or tok.pos_ == "NUM":
            of = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj"), None)
            if of is not None:
                if of.conjuncts:  # "scores of Sierra Leoneans and Liberian refugees"
                    members = conjuncts(of)
                    head = members[-1]
                    ents = [e for e in (self._shared_head_entity(st, c, head) for c in members) if e is not None]
                    if len(ents) > 1:
                        return ents
                tok = of
        adjs = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts]
        if not adjs:
            return []
        base = self._entity(st, tok)
        out = []
        members = conjuncts(adjs[0])
        # "Greek and Turkish coast guard vessels": each nationality with the whole shared head
        # ("Turkish coast guard vessels"), else with the noun alone
        shared = st.doc[members[-1].i + 1:tok.i + 1].text
        for a in members:
            info = self.resolver.resolve(f"{a.text} {shared}", date=st.article.date) if shared != tok.text else None
            if info is None or info.country is None:
                info = self.resolver.resolve(f"{a.text} {tok.text}", date=st.article.date)
            if info is None or info.country is None:
                return []
            out.append(
                Entity(a.text, a.idx, a.idx + len(a.text), name=info.name, country=info.country,
                       sector=info.sector or (base.sector if base else None), wikidata=info.wikidata)
            )
        return out

    def _feed_memory(self, st: ArticleState, sent) -> None:
        """Resolve every subject and named actor of the sentence in order, so later
        pronouns and surnames can inherit from them even when they start no event."""
        for tok in sent:
            if tok.dep_ in ("nsubj", "nsubjpass") or (
                tok.ent_type_ in ("PERSON", "ORG", "NORP") and tok.ent_iob_ == "B" and tok.head.ent_iob_ == "O"
            ):
                self._entity(st, tok)

    # ------------------------------------------------------------------ places and dates
    def _location(self, st: ArticleState, cand: Candidate, recipients: list[Entity]) -> Place | None:
        heads = [cand.trigger] + ([cand.clause] if cand.clause is not None and cand.clause != cand.trigger else [])
        # "a roadside bombing near the town of Samarra killed ...": the attack noun says where
        heads += [a for a in cand.actors if a.lemma_.lower() in self.book.attack_nouns]
        if cand.event in ("ASSAULT", "COERCE", "CONCEDE"):
            # "struck a building in the town of Nabatieh": where the target was; "lifted the
            # state of emergency in West Darfur": where the measure held
            heads += [c for c in cand.trigger.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        if cand.event == "ASSAULT":
            # "killed 23 people when they blew themselves up in Tel Aviv": the same attack
            heads += [c for c in cand.trigger.children if c.dep_ == "advcl"
                      and any(m.dep_ in ("mark", "advmod") and m.lower_ in ("when", "as", "while") for m in c.children)]
        for h in heads:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPS:
                    for p in c.children:
                        if p.dep_ != "pobj":
                            continue
                        place = self._place_for(st, p)
                        if place is None:
                            # "fired at targets in Jericho": the place is one phrase further
                            place = next((pl for c2 in p.children if c2.dep_ == "prep" and c2.lower_ in ("in", "near")
                                          for o in c2.children if o.dep_ == "pobj"
                                          for pl in (self._place_for(st, o),) if pl is not None), None)
                        if place is not None:
                            return place
        if st.types[cand.event].quad in _MATERIAL_QUADS:
            for r in cand.recipients:
                if r.ent_type_ in _PLACE_LABELS:
                    place = self._place_for(st, r)
                    if place is not None:
                        return place
            return st.central_place
        return None

    def _named_place_noun(self, tok: Token) -> bool:
        """"West Darfur State", "North Kivu Province": a capitalised place noun after place names."""
        return (tok.pos_ == "PROPN" and tok.lemma_.lower() in self.book.place_nouns
                and any(c.dep_ == "compound" and c.ent_type_ in _PLACE_LABELS for c in tok.children))

    def _place_for(self, st: ArticleState, tok: Token) -> Place | None:
        # "the besieged city of Aleppo": the name is under "of"
        target = tok
        if tok.ent_type_ not in _PLACE_LABELS:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    target = next((p for p in c.children if p.dep_ == "pobj"), tok)
        if target.ent_type_ not in _PLACE_LABELS:
            # "the town of Samarra" where the model called the name a nationality, a person or
            # nothing: after a place noun, the gazetteer decides
            after_noun = target != tok and tok.lemma_.lower() in self.book.place_nouns and target.pos_ == "PROPN"
            if not (after_noun or self._named_place_noun(target)):
                return None
            a, b = mention_bounds(target)
            text = st.doc[a:b].text
            # "the southern Lebanese town of Nabatieh": the nationality word says which country
            hint = [c for c in (country_code(m.text) for m in tok.children if m.dep_ == "amod") if c]
            return places_mod.resolve_place(text, article_countries=hint + list(st.countries), start=st.doc[a].idx,
                                            end=st.doc[a].idx + len(text))
        ent = next((e for e in st.doc.ents if e.start <= target.i < e.end), None)
        text = ent.text if ent is not None else target.text
        start = ent.start_char if ent is not None else target.idx
        return places_mod.resolve_place(text, article_countries=st.countries, start=start, end=start + len(text))

    def _date(self, st: ArticleState, cand: Candidate) -> tuple[str | None, bool]:
        """The event's ISO date, and whether the story recalls it as history: dated two or
        more years back, or to a whole earlier year ("In 2024, the group killed 400 people",
        "last year"), which sums up the past rather than reporting news."""
        art_date = st.article.date
        clause = cand.clause or cand.trigger
        text = _own_clause_text(clause)
        past = cand.modality in ("asserted", "claimed") and clause.tag_ in ("VBD", "VBN")
        try:
            found = dates_mod.sentence_date(text, article_date=art_date, past=past or cand.modality == "asserted")
        except Exception:  # a date we cannot read never loses the event
            found = None
        if found is None:
            return (art_date.isoformat() if art_date else None), False
        recalled = art_date is not None and (found.date.year <= art_date.year - 2 or (
            found.precision == "year" and found.date.year < art_date.year))
        return found.date.isoformat(), recalled

    # ------------------------------------------------------------------ main
    def code(self, article: Article, doc: Doc) -> CodedArticle:
        st = self._start(article, doc)
        findings = attribution.find_quotes(doc)
        events: list[Event] = []
        seen: set[tuple] = set()
        for sent, cands in extract_doc(doc, self.book, skip=article.furniture):
            if cands and len(sent.text) < 250 and furniture_kind(sent.text):
                continue  # "Jane Doe contributed to this report." at the end of a paragraph
            self._feed_memory(st, sent)
            for cand in cands:
                ev = self._event(st, cand, sent, findings)
                if ev is None:
                    continue
                key = (ev.event, ev.event_start, tuple((a.start, a.end) for a in ev.actor))
                if key in seen:
                    continue
                seen.add(key)
                events.append(ev)
        contexts = document_contexts(doc, skip=article.furniture)
        for ev in events:
            ev.context = list(contexts)
        quotes = attribution.to_quotes(findings, doc_id=article.id, resolve_speaker=lambda sp: self._speaker(st, sp))
        return CodedArticle(
            article=article,
            events=events,
            quotes=quotes,
            n_sentences=sum(1 for _ in doc.sents),
            n_words=sum(1 for t in doc if not t.is_punct and not t.is_space),
        )

    def _start(self, article: Article, doc: Doc) -> ArticleState:
        counts: Counter[str] = Counter()  # mentions, a name of a known actor counting half
        places: Counter[tuple] = Counter()
        place_objs: dict[tuple, Place] = {}
        groups: Counter[str] = Counter()
        infos: dict[str, ActorInfo] = {}
        non_state = self.resolver.kb.non_state
        ethnic = self.resolver.kb.ethnic_markers
        for ent in doc.ents:
            code = country_code(ent.text) if ent.label_ in ("GPE", "NORP", "LOC") else None
            if code and ent.label_ == "NORP" and ent.start > 0 and doc[ent.start - 1].lower_ in ethnic:
                continue  # "ethnic Turks" are a people living elsewhere: the story is not in Turkey
            if code:
                counts[code] += 1
            elif ent.label_ in ("ORG", "PERSON", "NORP"):
                info = self.resolver.resolve(ent.text, date=article.date)
                if info is None or not info.known or not info.country or (
                        info.kind == "person" and ent.label_ != "PERSON"):
                    continue  # a person's name in an organisation's ("Sharif University") is not them
                if info.country not in non_state:
                    # "President Bouteflika" places the story in Algeria, less surely than a place
                    counts[info.country] += 0.5
                if info.sector == "REB" and info.name:
                    groups[info.name] += 1
                    infos.setdefault(info.name, info)
        ranked = [c for c, _ in counts.most_common()]
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC") and not country_code(ent.text):
                p = places_mod.resolve_place(ent.text, article_countries=ranked, start=ent.start_char, end=ent.end_char)
                # a place in a country the story never names is more likely a misread name
                # ("Hassan" in "Hassan Sheikh Mohamud" is also a city in India)
                if p is not None and p.geonameid is not None and (not ranked or p.country in ranked[:3]):
                    key = (p.geonameid,)
                    places[key] += 1
                    place_objs.setdefault(key, p)
        dateline = _dateline_place(article, ranked)
        if dateline is not None and dateline.geonameid is not None:
            places[(dateline.geonameid,)] += 2
            place_objs.setdefault((dateline.geonameid,), dateline)
        central = place_objs[places.most_common(1)[0][0]] if places else None
        home = (dateline.country if dateline is not None else None) or (central.country if central else None)
        return ArticleState(
            article=article, doc=doc, memory=ActorMemory(), countries=ranked, central_place=central,
            types=self.book.types, home_country=home or (ranked[0] if ranked else None),
            armed_group=infos[groups.most_common(1)[0][0]] if groups else None,
        )

    def _speaker(self, st: ArticleState, span) -> Entity | None:
        cs = st.doc.char_span(span.start, span.end, alignment_mode="expand")
        if cs is None:
            return None
        ent = self._entity(st, cs.root)
        if ent is None:
            return None
        return Entity(span.text, span.start, span.end, name=ent.name, country=ent.country, sector=ent.sector,
                      wikidata=ent.wikidata, known=ent.known)

    def _target(self, st: ArticleState, cand: Candidate, location: Place | None) -> Entity | None:
        """What an attack hit when it is no actor ("struck a building", "shelled the town"):
        the civilians of the place it hit, as CAMEO coders record it."""
        first = next((toks for role, toks in cand.recipient_options if role == "dobj"), None)
        if not first:
            return None
        tok = first[0]
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        of = next((p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                   if p.dep_ == "pobj"), None)
        if tok.lemma_.lower() in self.book.attack_nouns or (of is not None and of.lemma_.lower() in self.book.attack_nouns):
            # "exploded a series of bombs in Kabul", "fired shells at targets in Jericho": the
            # weapon is no target; the place it hit is
            if location is None or location.start is None or not location.country:
                return None
            return Entity(location.text, location.start, location.end, name=location.name,
                          country=location.country, sector="CVL")
        return self._thing_hit(st, tok, location)

    def _thing_hit(self, st: ArticleState, tok: Token, location: Place | None) -> Entity | None:
        """A place or thing an attack hit, as the civilians of where it is."""
        lo, hi = mention_bounds(tok, placed=False)  # a thing hit, not a group: "an oil terminal"
        span = _without_article(st.doc[lo:hi])
        named = next((country_code(t.text) for t in st.doc[lo:hi] if t.ent_type_ in ("NORP", "GPE")), None)
        # "an oil terminal in the Russian port of Ust-Luga": the target's own place
        placed = self._placed_in(st, tok, ("in", "at", "near", "of", "from"))
        country = named or placed or (location.country if location is not None else None) or st.home_country
        if country is None:
            return None
        return Entity(span.text, span.start_char, span.end_char, country=country, sector="CVL")

    def _also_hit(self, st: ArticleState, recipients: list[Entity], location: Place | None) -> list[Entity]:
        """"shelled positions of the security forces and residential areas": a place
        coordinated with the party an attack hit was hit too."""
        toks = []
        for r in recipients:
            span = st.doc.char_span(r.start, r.end)
            if span is not None:
                toks.extend(c for c in span.root.conjuncts if c.i > span.root.i)
        extra = []
        for tok in toks:
            if tok.dep_ != "conj" or tok.pos_ != "NOUN" or self._actor_head(tok):
                continue
            if any(r.start <= tok.idx < r.end for r in recipients) or self._entity(st, tok) is not None:
                continue
            hit = self._thing_hit(st, tok, location)
            if hit is not None:
                extra.append(hit)
        return recipients + extra

    def _assault_mode(self, st: ArticleState, cand: Candidate, sent) -> str | None:
        """The PLOVER mode an attack's own clause tells (suicide bombing, airstrike, shelling)."""
        clause = cand.clause or cand.trigger
        lo = min(clause.left_edge.i, cand.trigger.left_edge.i)
        hi = max(clause.right_edge.i, cand.trigger.right_edge.i) + 1
        words = " " + " ".join(t.lower_ for t in st.doc[lo:hi]) + " "
        for mode, keys in self.book.assault_modes:
            if any(f" {k} " in words for k in keys):
                return mode
        return None

    def _choose_recipients(self, st: ArticleState, cand: Candidate, actors: list[Entity]) -> tuple[list[Entity], str]:
        """The first role whose tokens are actors; an actor whose country the sentence
        states beats one that only borrowed the article's country."""
        taken = {(a.start, a.end) for a in actors}
        found = []
        for role, toks in cand.recipient_options:
            ents = [e for e in self._entities(st, toks) if (e.start, e.end) not in taken]
            if ents:
                found.append((ents, role))
        if not found:
            return [], ""

        def stated(ents: list[Entity]) -> bool:
            return any(e.known or e.country not in (None, st.home_country) or self._explicit_country(st, e)
                       for e in ents)

        first_ents, first_role = found[0]
        if stated(first_ents):
            return found[0]
        # the pattern's own role only borrowed the article's country: a name with another
        # country later in the clause is the better guess ("troops to a force in Liberia")
        borrowed = {e.country for e in first_ents}
        for ents, role in found[1:]:
            if stated(ents) and not ({e.country for e in ents} & borrowed):
                return ents, role
        return found[0] if found else ([], "")

    def _explicit_country(self, st: ArticleState, e: Entity) -> bool:
        """Whether the mention itself names its country (a demonym, a country, a capital)."""
        return self._explicit_country_text(st.article.text[e.start:e.end])

    @staticmethod
    def _explicit_country_text(text: str) -> bool:
        # "anti-Pakistan militants" name their country too, by what they oppose
        words = text.replace("'s", " ").replace("’s", " ").replace("-", " ").split()
        return any(country_code(w) for w in words if w[:1].isupper())

    def _first_person(self, st: ArticleState, toks: list[Token], findings) -> None:
        """"We will never negotiate," the minister said: inside a quote, "we" and "I" are
        the speaker, and the actor is the speaker's mention (resolved once, before the ordinary
        resolution sees the pronoun)."""
        for tok in toks:
            if tok.lower_ not in _FIRST_PERSON or st.cache.get(tok.i) is not None:
                continue
            f = attribution.claim_for_offset(findings, tok.idx, tok.idx + len(tok.text))
            if f is None or f.speaker is None:
                continue
            speaker = self._speaker(st, f.speaker)
            if speaker is not None and (speaker.country or speaker.sector):
                # the speaker as named, the way VOA's coders and ours record "we" in a quote
                span = st.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
                if span is not None:
                    shown = _without_article(span)
                    speaker = replace(speaker, text=shown.text, start=shown.start_char, end=shown.end_char)
                st.cache[tok.i] = speaker

    def _others_possessive(self, st: ArticleState, cand: Candidate, actors: list[Entity]) -> None:
        """"Tehran rejected its offer for new talks": what one says about something is about
        someone else's (nobody rejects its own offer), so in a verbal event a possessive pronoun
        on what the actor speaks of stands for the nearest actor named before it that is not
        the actor's own state, and is no recipient when there is none. In other events such a
        pronoun is the actor's own ("closed its borders with Iran") and is dropped."""
        non_state = self.resolver.kb.non_state
        verbal = self.book.types[cand.event].quad.startswith("verbal")

        def own(e: Entity) -> bool:
            return any(e.country is not None and e.country == a.country
                       and (e.country not in non_state or e.name == a.name) for a in actors)

        options = []
        for role, toks in cand.recipient_options:
            kept = []
            for tok in toks:
                if tok.dep_ == "poss" and tok.lower_ in POSSESSIVE_PRONOUNS:
                    if not verbal or any(c.lower_ == "own" for c in tok.head.children):
                        continue
                    if tok.i not in st.cache:
                        st.cache[tok.i] = self._antecedent(st, tok, own)
                kept.append(tok)
            if kept:
                options.append((role, kept))
        cand.recipient_options = options

    def _antecedent(self, st: ArticleState, pron: Token, skip) -> Entity | None:
        """The nearest actor before a possessive pronoun, within its sentence and the two before,
        that the pronoun can stand for ("its": a state or a body; "their": a group; "his", "her":
        a person) and that ``skip`` does not rule out; shown as the pronoun."""
        word = pron.lower_
        for t in reversed(st.doc[_window_start(pron):pron.i]):
            if t.pos_ == "PRON" or not (t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss")
                                        or (t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") and t.ent_iob_ == "B")):
                continue
            person = t.ent_type_ == "PERSON"
            plural = t.tag_ in ("NNS", "NNPS") or t.ent_type_ == "NORP"
            if (word == "its" and (person or plural)) or (word in ("his", "her") and not person) or (
                    word == "their" and not plural and t.ent_type_ != "ORG"):
                continue
            e = self._entity(st, t)
            if e is None or skip(e):
                continue
            return Entity(pron.text, pron.idx, pron.idx + len(pron.text), name=e.name, country=e.country,
                          sector=e.sector, wikidata=e.wikidata, known=e.known)
        return None

    def _event(self, st: ArticleState, cand: Candidate, sent, findings) -> Event | None:
        self._first_person(st, cand.actors, findings)
        actors = self._entities(st, cand.actors)
        if actors:
            self._others_possessive(st, cand, actors)
        if not actors and cand.event == "ASSAULT" and cand.actors:
            loc = self._location(st, cand, [])
            actors = [e for e in (self._unattributed(st, t, loc) for t in cand.actors) if e is not None]
        if not actors:
            return None
        if cand.sense.actor_sectors and not any(
                a.sector in cand.sense.actor_sectors or (a.known and a.sector is None) for a in actors):
            # a known actor of another sector is no exception ("NATO troops arrived" is no visit)
            return None
        recipients, role = self._choose_recipients(st, cand, actors)
        # "would deny entry to the United States": the actor's own state named again is where,
        # not to whom
        non_state = self.resolver.kb.non_state
        recipients = [r for r in recipients if not any(_same_state(a, r, non_state) for a in actors)]
        location = self._location(st, cand, recipients)
        if not recipients and cand.needs_recipient:
            return None
        event, mode, cameo = cand.event, cand.mode, cand.cameo
        if cand.sense.alone is not None and len(actors) == 1 and event == cand.sense.event:
            # "held military drills" with no partner is a show of force, not cooperation; so is
            # training one's own people ("trained 500 hackers"), unlike training another's army
            trained = next((self._entities(st, toks) for r, toks in cand.recipient_options if r == "dobj"), [])
            own = bool(trained) and all(t.country == actors[0].country and not self._explicit_country(st, t)
                                        for t in trained)
            if not recipients or own:
                event, mode, cameo = cand.sense.alone
                if own and role == "dobj":
                    recipients, role = [], ""  # its own people are no partner
        if cand.event in ("ASSAULT", "COERCE") and (not recipients or role.endswith("near.named")):
            # "attacked a passenger train in Balochistan": the train, not the province named near
            # it; "struck a building in Nabatieh, killing three people": the people killed
            victims = next(((ents, r) for r, toks in cand.recipient_options if r.startswith(("participle.", "advcl."))
                            for ents in (self._entities(st, toks),) if ents), None)
            target = self._target(st, cand, location) if victims is None else None
            if victims is not None:
                recipients, role = victims
            elif target is not None:
                recipients, role = [target], "dobj"
        elif cand.event == "ASSAULT" and recipients:
            recipients = self._also_hit(st, recipients, location)
        if cand.event == "ASSAULT" and location is not None and location.country:
            # "bombers killed 23 people in Tel Aviv": unnamed victims are of the place they were hit
            recipients = [replace(r, country=location.country)
                          if r.sector == "CVL" and not r.known and r.country == st.home_country
                          and not self._explicit_country(st, r) else r for r in recipients]
        if (not recipients and event in self.book.place_is_recipient and location is not None
                and location.country and location.start is not None
                and sent.start_char <= location.start < sent.end_char):
            # a protest with no named target is against the authorities where it happens; a
            # shelling or a curfew with none was done to the place the sentence names
            recipients = [Entity(location.text, location.start, location.end, name=location.name,
                                 country=location.country, sector=self.book.place_is_recipient[event])]
        elif event in self.book.place_is_recipient:
            # a place named as the target stands for the same people ("a curfew in Imphal")
            recipients = [replace(r, sector=self.book.place_is_recipient[event])
                          if r.sector is None and not r.known and places_mod.is_place_name(r.text) else r
                          for r in recipients]
        planned = cand.event == "AGREE" and cand.sense.event == "CONSULT"
        if (cand.event == "CONSULT" or planned) and (
                (cand.sense.reciprocal and role.split(".")[-1] in _CO_PARTY_ROLES) or (planned and role == "dobj")):
            # a planned meeting or visit (AGREE) has the same parties as a held one, but who
            # hosts matters only once it happens; a phone call has no host
            held = event == "CONSULT" and cand.sense.mode != "phone"
            actors, recipients, mode = _meeting_roles(actors, recipients, location if held else None, mode)
        elif cand.joint and event == "COOPERATE":
            # "Kenyan police began joint patrols with Haitian police": all act together; a joint
            # action with one party named has no partner to code
            partners = recipients if role.split(".")[-1] in _CO_PARTY_ROLES else []
            actors = actors + [r for r in partners if all((r.start, r.end) != (a.start, a.end) for a in actors)]
            recipients = []
            if len(actors) < 2:
                return None
        elif cand.event == "ASSAULT" and cand.sense.reciprocal and role.split(".")[-1] in _CO_PARTY_ROLES:
            # PLOVER: in two-sided violence ("clashed with", "fought") every side is an actor
            actors = actors + [r for r in recipients if all((r.start, r.end) != (a.start, a.end) for a in actors)]
            recipients = []
        start, end = cand.text_span
        claimed_by: Entity | None = None
        modality = cand.modality
        if cand.claimed_by:
            claimed = self._entities(st, cand.claimed_by)
            claimed_by = claimed[0] if claimed else None
        else:
            f = attribution.claim_for_offset(findings, start, end)
            if f is not None and f.speaker is not None:
                claimed_by = self._speaker(st, f.speaker)
                if claimed_by is None:
                    claimed_by = Entity(f.speaker.text, f.speaker.start, f.speaker.end)
            if f is not None and modality == "asserted":
                modality = "claimed"
        if event == "ASSAULT":
            mode = self._assault_mode(st, cand, sent) or mode
        etype = self.book.types[event]
        date, recalled = self._date(st, cand)
        if recalled and not self.keep_historical:
            return None  # a recalled past event ("relations soured in 2010"), not this story's news
        conf = self.confidence_model.score(self._confidence_features(st, cand, sent, actors, recipients, etype))
        ev_id = hashlib.sha1(
            f"{st.article.id}\x1f{start}\x1f{event}\x1f{[(a.start, a.end) for a in actors]}".encode()
        ).hexdigest()[:16]
        return Event(
            id=ev_id,
            doc_id=st.article.id,
            event=event,
            mode=mode,
            cameo=cameo or etype.cameo,
            quad=etype.quad,
            actor=actors,
            recipient=recipients,
            negated=cand.negated,
            modality=modality,
            claimed_by=claimed_by,
            location=location,
            date=date,
            event_text=st.article.text[start:end],
            event_start=start,
            event_end=end,
            sentence=sent.text,
            sentence_start=sent.start_char,
            confidence=conf,
            pattern=cand.sense.name,
            coder_version=self.coder_version,
        )

    def _confidence_features(self, st: ArticleState, cand: Candidate, sent, actors: list[Entity],
                             recipients: list[Entity], etype) -> dict[str, float]:
        """What the confidence model (confidence.py) scores an event on."""
        clause = cand.clause if cand.clause is not None else cand.trigger
        return {
            "pattern": cand.confidence,
            "known_actor": any(a.known for a in actors),
            "actor_without_country": any(a.country is None for a in actors),
            "missing_required_recipient": etype.requires_recipient and not recipients,
            "has_recipient": bool(recipients),
            "pronoun_actor": any(a.text.lower() in _PRONOUNS for a in actors),
            "long_sentence": len(sent) > 45,
            "sentence_length": min(len(sent.text), 500) / 500,
            "actor_without_sector": any(a.sector is None for a in actors),
            "recalled_when": _recalled_when(clause),
            "borrowed_country": all(not a.known and a.country == st.home_country
                                    and not self._explicit_country(st, a) for a in actors),
            "several_actors": len(actors) > 1,
        }

