"""Resolve an actor mention ("Russian Defense Minister Sergei Shoigu") to country and sector.

A phrase is tokenised once and matched longest-first against the knowledge base
(:mod:`.kb`). The matches are then composed: a named actor gives both codes (for the
date of the article), otherwise demonyms, country names and possessives give the
country and agent words ("defense minister", "troops") give the sector. An
:class:`ActorMemory` carries what an article has already said, so later mentions
("Shoigu", "he", "the ministry") inherit it.
"""

from __future__ import annotations

import datetime as _dt
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Iterable

from eventwire.resolve.kb import (RANK_SURNAME, ActorRecord, KnowledgeBase, Lex, Tok, default_kb, iter_aliases,
                                  raw_tokens, singular)

__all__ = ["ActorInfo", "ActorMemory", "ActorResolver", "KnowledgeBase", "country_code", "default_kb",
           "entity_ruler_patterns"]

MAX_TOKENS = 40  # longer "phrases" are clauses, not noun phrases

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PRONOUNS = PERSON_PRONOUNS | PLURAL_PRONOUNS | THING_PRONOUNS
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
# a country after these belongs to the actor ("residents of Kabul"); after others it is a target
OWNER_PREPS = frozenset({"of", "in", "from", "at"})
PREPS = OWNER_PREPS | frozenset({"to", "for", "with", "against", "on", "near", "over", "into", "by", "toward",
                                 "towards", "across", "who", "which", "that", "and", "or", "after", "during",
                                 "inside", "outside", "under", "between", "among", "along", "around", "about"})
# "U.S.-backed forces" are not U.S. forces ("U.S.-led" ones are)
NOT_OWNER_AFTER = frozenset({"backed", "allied", "funded", "sponsored", "supported", "trained", "armed",
                             "aligned", "linked", "affiliated", "inspired", "based", "born", "educated"})
# an organisation's own sector stays for its officials, staff and experts ("U.N. envoy",
# "U.N. sanctions experts" are UNO IGO); other roles override it ("NATO troops" are MIL)
OWN_SECTOR_KEPT = frozenset({"GOV", "EDU", "CVL", "BUS"})
INDEFINITE = frozenset({"a", "an", "one"})


@dataclass(slots=True)
class ActorInfo:
    """What a mention resolved to."""

    name: str | None
    country: str | None
    sector: str | None
    wikidata: str | None
    known: bool  # the knowledge base knew the named actor itself
    confidence: float
    kind: str  # "person" | "group" | "org" | "state" | "entity"
    title: str | None = None  # the agent word that gave the sector ("defense minister")
    plural: bool = False


@dataclass(slots=True, frozen=True)
class _Parse:
    """A phrase's matches, independent of date and context (cached per phrase)."""

    head_actors: tuple[ActorRecord, ...]  # candidates for the named head, same alias
    head_surname_only: bool
    head_key: str | None  # the token of a one-word named head ("Assad"), for memory
    head_has_agent_after: bool
    owner_actors: tuple[ActorRecord, ...]  # possessor or "of X" actor
    country_pre: str | None
    country_post: str | None
    agent_country: str | None
    sector: str | None
    sector_is_default: bool  # came only from a generic head's default
    title: str | None
    person_title: bool
    plural: bool
    state_only: bool
    name_run: tuple[str, ...]
    definite: bool
    head_word: str | None
    pronoun: str | None
    weak_name: bool = False  # the head is one capitalised word with no title: a name only if memory knows it
    people: bool = False  # "Palestinians", "a Palestinian", "ethnic Albanians": people, not the state
    former: bool = False  # "former", "ousted" before the title: a past office holder
    pre_title_sector: str | None = None  # sector of a title written before a named person
    owner_pronoun: str | None = None  # "his" in "his Cabinet"


def _choose(cands: tuple[ActorRecord, ...], day: _dt.date | None) -> ActorRecord:
    if len(cands) == 1:
        return cands[0]
    best, best_score = cands[0], None
    for rec in cands:
        role, current = rec.role_on(day)
        last_end = max((r.end or _dt.date.max for r in rec.roles), default=_dt.date.min)
        score = (current, last_end)
        if best_score is None or score > best_score:
            best, best_score = rec, score
    return best


class ActorResolver:
    """Resolves noun phrases to :class:`ActorInfo`; fast, cached, never raises on odd input."""

    def __init__(self, kb: KnowledgeBase | None = None, *, cache_size: int = 65536):
        self.kb = kb or default_kb()
        self._parse = lru_cache(maxsize=cache_size)(self._parse_uncached)

    # ------------------------------------------------------------------ public
    def resolve(self, phrase: str, *, date: _dt.date | None = None, memory: "ActorMemory | None" = None,
                context_country: str | None = None) -> ActorInfo | None:
        """Country and sector of ``phrase`` on ``date``; None when nothing is known about it."""
        try:
            if not phrase or not isinstance(phrase, str) or len(phrase) > 2000:
                return None
            parse = self._parse(phrase)
            if parse is None:
                return None
            info = self._compose(parse, date, memory, context_country)
        except Exception:  # a resolver bug must not stop an article being coded
            return None
        if info is not None and memory is not None:
            memory.remember(phrase, info, name_run=parse.name_run,
                            kind_words=self.kb.descriptor_words.get(info.kind, ()))
        return info

    # ------------------------------------------------------------------ parsing
    def _parse_uncached(self, phrase: str) -> _Parse | None:
        kb = self.kb
        toks = kb.tokenize(phrase)
        if not toks or len(toks) > MAX_TOKENS:
            return None
        first_raw = raw_tokens(phrase)[:1]
        definite = bool(first_raw) and first_raw[0].lower() in DETERMINERS
        # "his Cabinet", "their forces": the owner is whoever the pronoun points back to
        owner_pronoun = first_raw[0].lower() if first_raw and first_raw[0].lower() in POSSESSIVE_PRONOUNS else None
        if len(toks) == 1 and toks[0].key.rstrip("~") in PRONOUNS and not toks[0].raw.isupper():
            return _Parse((), False, None, False, (), None, None, None, None, False, None, False, False, False, (),
                          False, None, toks[0].key.rstrip("~"))
        matches: list[tuple[int, int, Lex]] = []
        unmatched: list[int] = []
        i, n = 0, len(toks)
        while i < n:
            found = None
            for size in range(min(kb.max_ngram, n - i), 0, -1):
                # inside a longer name an acronym-like word is part of it ("Kim Jong Un")
                entries = kb.lexicon.get(tuple(t.key.rstrip("~") if size > 1 else t.key for t in toks[i:i + size]))
                if entries:
                    lex = self._pick(entries, toks[i:i + size], i + size < n and toks[i + size].cap)
                    if (lex is not None and lex.rank == RANK_SURNAME and unmatched and unmatched[-1] == i - 1
                            and toks[i - 1].cap and toks[i - 1].key not in kb.honorifics
                            and toks[i - 1].key not in kb.ignore):
                        lex = None  # "Shafqat Ali Khan" is not Imran Khan: another given name before it
                    if lex is not None:
                        found = (i, i + size, lex)
                        break
            if found:
                matches.append(found)
                i = found[1]
            else:
                unmatched.append(i)
                i += 1
        # the head segment ends at the first preposition that is not inside a match
        boundary, boundary_prep = n, None
        for j in unmatched:
            if toks[j].key in PREPS:
                boundary, boundary_prep = j, toks[j].key
                break
        # the head: the last word of the head segment that is not filler ("the", "senior", "'s")
        head_idx = next((j for j in range(boundary - 1, -1, -1)
                         if toks[j].key != "'s" and toks[j].key not in kb.ignore), None)
        if head_idx is None:
            return None
        head_match = next((m for m in matches if m[0] <= head_idx < m[1]), None)
        name_run, run_start = self._name_run(toks, unmatched, boundary)
        run_end = run_start + len(name_run)
        if (name_run and run_end == head_idx and not toks[head_idx].cap
                and singular(toks[head_idx].key) in kb.org_name_heads):
            name_run = name_run + (toks[head_idx].raw,)  # "the Kifaya group": the group's name
            run_end += 1
        if name_run and run_end - 1 != head_idx and not (run_end < n and toks[run_end].key == "'s"):
            name_run = ()  # "Young Algerians": a capitalised word before the head is no name
        weak_name = False
        if head_match is not None:
            if head_match[2].kind == "agent" and head_match[2].agent_kind == "modifier":
                return None  # "the armed": a modifier with nothing to modify
        elif toks[head_idx].cap and name_run and run_end - 1 == head_idx:
            # an unknown name: two or more capitalised words, or one after a title or "Mr"
            before = toks[run_start - 1].key if run_start > 0 else None
            titled = before in kb.honorifics or any(
                m[1] == run_start and m[2].kind == "agent" and m[2].agent_kind == "person" for m in matches)
            weak_name = len(name_run) == 1 and not titled
        elif singular(toks[head_idx].key) not in kb.descriptor_heads:
            # "diplomatic relations", "military aid", "the Jeddah talks": the head is no actor
            return None
        head = [m for m in matches if m[1] <= boundary]
        post = [m for m in matches if m[0] > boundary]
        head_actor_m = None
        owners: list[Lex] = []
        country_pre = None
        country_pre_is_state = False
        agents: list[tuple[int, Lex]] = []
        people = False
        phrase_starts = {m[0] for m in matches if m[1] - m[0] > 1}
        for start, end, lex in head:
            nxt = toks[end].key if end < n else None
            possessive = nxt == "'s"
            if lex.kind == "actor":
                if possessive:
                    owners.append(lex)
                else:
                    head_actor_m = (start, end, lex)
                continue
            if lex.kind in ("country", "demonym", "capital", "metonym"):
                if nxt in NOT_OWNER_AFTER and end not in phrase_starts:
                    continue  # "Iranian-armed militias", but "Sudanese Armed Forces" are Sudan's
                if lex.kind == "demonym" and start > 0 and toks[start - 1].key in kb.ethnic_markers:
                    people = True  # "ethnic Albanians in Serbia": a people; the state is where they live
                    continue
                if country_pre is None:
                    country_pre = lex.code
                    country_pre_is_state = lex.kind in ("country", "demonym")
                if lex.kind in ("capital", "metonym"):
                    agents.append((start, lex))
                elif lex.kind == "demonym" and start <= head_idx < end:
                    # the demonym is the head: "Palestinians", "a Palestinian" are people
                    people = lex.plural or (start > 0 and (toks[start - 1].key in INDEFINITE
                                                           or toks[start - 1].key.isdigit()))
                continue
            if lex.kind == "agent":
                agents.append((start, lex))
        if head_actor_m is not None and any(lex.kind == "country" and start >= head_actor_m[1]
                                            for start, _, lex in head):
            head_actor_m = None  # "NATO member Norway": the country named last is the head
        if (head_actor_m is not None and head_match is None and not weak_name
                and head_actor_m[2].actor is not None and head_actor_m[2].actor.kind != "person"):
            # "Taliban spokesperson Abdul Qahar Balkhi": an unknown person of a known organisation
            owners.append(head_actor_m[2])
            head_actor_m = None
        country_post = None
        if boundary_prep in OWNER_PREPS or (boundary_prep == "for" and toks[head_idx].key in kb.for_owner_heads):
            for _, _, lex in post:
                if lex.kind == "actor" and not owners:
                    owners.append(lex)
                    break
                if lex.kind in ("country", "demonym", "capital", "metonym"):
                    country_post = lex.code
                    break
        if people and boundary_prep == "of" and country_post:
            # "the Albanians of southern Serbia": a people of that state; the place named last
            # ("Palestinians of the Israeli-occupied West Bank")
            country_pre = next(lex.code for _, _, lex in reversed(post)
                               if lex.kind in ("country", "demonym", "capital", "metonym"))
        if (boundary_prep in ("and", "or") and not agents and post and post[-1][1] == n
                and post[-1][2].kind == "agent" and post[-1][2].agent_kind != "modifier"):
            # "US and British forces": the conjuncts share the head that ends the phrase
            agents.append((post[-1][0], post[-1][2]))
        # sector: the head agent, or for a generic head ("leader") the word before it
        sector, is_default, title, person_title, plural, agent_country = None, False, None, False, False, None
        colour = [lex for _, lex in agents if not lex.generic and lex.word not in kb.rank_words]
        if agents:
            last = agents[-1][1]
            if last.generic:
                prev = colour[-1] if colour else None
                if last.agent_kind == "equipment" and prev is None and head_actor_m is None and not owners:
                    return None  # "aid trucks", "Jordanian boats": things, not actors
                sector = prev.sector if prev else last.sector
                is_default = prev is None
                title = last.word
                if sector is None and last.word in kb.state_generic and (
                        country_pre_is_state or (country_post and not owners)):
                    sector = "GOV"  # "Iraqi leaders", "the Pakistani side": a state's are its government
            else:
                sector, title = last.sector, last.word
            plural = last.plural
            person_title = last.agent_kind == "person" and not last.plural
            for _, lex in agents:
                if lex.kind == "agent" and lex.code:
                    agent_country = lex.code
            if last.kind in ("capital", "metonym"):
                title = None
        head_actors: tuple[ActorRecord, ...] = ()
        surname_only = False
        agent_after = False
        head_key = None
        pre_title_sector = None
        if head_actor_m is not None:
            start, end, lex = head_actor_m
            entries = kb.lexicon[tuple(t.key.rstrip("~") if end - start > 1 else t.key for t in toks[start:end])]
            best_rank = lex.rank
            head_actors = tuple(dict.fromkeys(e.actor for e in entries
                                              if e.kind == "actor" and e.rank == best_rank and e.actor))
            surname_only = lex.rank != 0
            if end - start == 1 and lex.actor is not None and lex.actor.kind == "person":
                head_key = toks[start].key
            agent_after = any(s >= end for s, a in agents if a.kind == "agent")
            titles = [a for s, a in agents if s < start and a.kind == "agent" and a.agent_kind == "person"
                      and not a.generic and a.sector]
            pre_title_sector = titles[-1].sector if titles else None
        first_agent = min((s for s, a in agents if a.kind == "agent"), default=None)
        former = first_agent is not None and any(toks[j].key in kb.former_markers for j in range(first_agent))
        owner_actors = tuple(o.actor for o in owners if o.actor)
        state_only = (not agents and head_actor_m is None and not name_run
                      and any(lex.kind in ("country", "demonym") for _, _, lex in head))
        if people and not agents and head_actor_m is None and not name_run:
            state_only = True
            plural = any(lex.kind == "demonym" and lex.plural for _, _, lex in head)
        elif state_only:
            plural = any(lex.kind == "demonym" and lex.plural for _, _, lex in head)
        head_word = singular(toks[boundary - 1].key) if boundary > 0 else None
        return _Parse(head_actors, surname_only, head_key, agent_after, owner_actors, country_pre, country_post,
                      agent_country, sector, is_default, title, person_title, plural, state_only, name_run,
                      definite, head_word, None, weak_name, people, former, pre_title_sector, owner_pronoun)

    def _pick(self, entries: list[Lex], toks: list[Tok], next_cap: bool) -> Lex | None:
        for lex in entries:
            if lex.cased and not any(t.cap for t in toks):
                continue
            if lex.rank == RANK_SURNAME and next_cap:
                # a surname ends a name: before another capitalised word it is a title or a given
                # name ("General Michel Aoun", "Christopher Lockyear")
                continue
            return lex
        return None

    def _name_run(self, toks: list[Tok], unmatched: list[int], boundary: int) -> tuple[tuple[str, ...], int]:
        """The last run of capitalised words nothing in the knowledge base knows (an unknown
        name) and the index of its first token."""
        runs: list[tuple[int, list[str]]] = []
        prev = -2
        for j in unmatched:
            if j >= boundary:
                break
            t = toks[j]
            if not t.cap or t.key in self.kb.ignore or t.key in PREPS or t.key.rstrip("~") in PRONOUNS:
                continue
            if j == prev + 1 and runs:
                runs[-1][1].append(t.raw)
            else:
                runs.append((j, [t.raw]))
            prev = j
        return (tuple(runs[-1][1]), runs[-1][0]) if runs else ((), -1)

    # ------------------------------------------------------------------ composing
    def _compose(self, p: _Parse, day: _dt.date | None, memory: "ActorMemory | None",
                 context_country: str | None) -> ActorInfo | None:
        if p.pronoun is not None:
            return memory.recall_pronoun(p.pronoun) if memory is not None else None
        if memory is not None:
            # a bare surname or unknown name already introduced in this article
            if (p.head_key or p.name_run) and p.country_pre is None and p.sector is None:
                key = " ".join(p.name_run).lower() if p.name_run else p.head_key
                hit = memory.recall_name(key) if key else None
                if hit is None and p.head_actors:
                    for rec in p.head_actors:
                        hit = memory.recall_name(rec.name.lower(), exact=True)
                        if hit:
                            break
                if hit is not None:
                    return replace(hit, confidence=min(hit.confidence, 0.9))
            if ((p.definite or p.plural) and not p.head_actors and not p.name_run and p.country_pre is None
                    and p.country_post is None and not p.owner_actors and p.head_word):
                # "the ministry", and a bare plural named before with its owner ("U.N. sanctions
                # experts ... the experts' findings")
                hit = memory.recall_descriptor(p.head_word, written=not p.definite,
                                               sector=None if p.sector_is_default else p.sector)
                if hit is not None and (p.definite or (hit.plural and hit.confidence >= 0.8)):
                    return replace(hit, confidence=round(hit.confidence * 0.9, 3))
        if p.weak_name and p.country_pre is None and p.sector is None and not p.owner_actors:
            return None  # one capitalised word nobody introduced ("Position", "Mineral")
        if p.head_actors:
            rec = _choose(p.head_actors, day)
            role, current = rec.role_on(day)
            if (rec.kind == "person" and p.pre_title_sector and role is not None
                    and role.sector != p.pre_title_sector and (day is None or not current)):
                # "Israeli Prime Minister Ehud Barak" with no date to go by: the title written in
                # the text picks the role; a role the knowledge base has for the day still wins
                titled = [r for r in rec.roles if r.sector == p.pre_title_sector]
                if titled:
                    role = min(titled, key=lambda r: abs(((r.start or r.end or _dt.date.min) - day).days)
                               if day else -(r.start or _dt.date.min).toordinal())
                else:
                    role = replace(role, sector=p.pre_title_sector)
            country = role.country if role else None
            sector = role.sector if role else None
            owner_state = p.country_pre
            if (owner_state is None and p.owner_pronoun and memory is not None and rec.kind != "person"
                    and p.head_has_agent_after):
                # "Iran's U.N. ambassador ... his U.N. mission": the pronoun's state, as if named
                owner = memory.recall_pronoun(p.owner_pronoun)
                if owner is not None and owner.country and owner.country not in self.kb.non_state:
                    owner_state = owner.country
            if (rec.kind != "person" and p.head_has_agent_after and owner_state and p.sector
                    and not p.sector_is_default and owner_state != country):
                # "Iran's U.N. ambassador": the organisation only says where the person serves
                return ActorInfo(None, owner_state, p.sector, None, False, 0.85,
                                 "group" if p.plural else ("person" if p.person_title else "org"), p.title, p.plural)
            if p.former and sector == "GOV" and rec.kind == "person":
                sector = "ELI"
            if (rec.kind != "person" and p.head_has_agent_after and p.sector and not p.sector_is_default
                    and p.sector not in OWN_SECTOR_KEPT):
                sector = p.sector  # "al-Shabab militants", "NATO troops"; but "U.N. envoy" stays UNO/IGO
            elif rec.kind == "person" and sector is None and p.sector:
                sector = p.sector
            conf = 0.95 if current else 0.8
            if p.head_surname_only:
                conf -= 0.1
            kind = rec.kind if rec.kind != "entity" else "org"
            plural = p.head_has_agent_after and p.plural
            # a known person is also "the president" later on: the role's title feeds the memory
            title = (p.title or (role.title if role else None)) if rec.kind == "person" else None
            return ActorInfo(rec.name, country, sector, rec.wikidata, True, conf, kind, title, plural)
        owner_country = owner_sector = None
        if p.owner_actors:
            rec = _choose(p.owner_actors, day)
            role, _ = rec.role_on(day)
            if role:
                owner_country, owner_sector = role.country, role.sector
        if owner_country is None and p.owner_pronoun and memory is not None:
            owner = memory.recall_pronoun(p.owner_pronoun)
            if owner is not None:
                owner_country = owner.country
        country = p.country_pre or owner_country or p.country_post or p.agent_country
        if country is None and memory is not None and p.sector == "REB":
            # unnamed gunmen in a story about a named armed group are that group's
            group = memory.recall_sector("REB")
            if group is not None and group.country:
                country = group.country
        sector = p.sector
        if sector is None or (p.sector_is_default and owner_sector):
            sector = owner_sector if owner_sector else sector
        name = " ".join(p.name_run) if p.name_run else None
        if p.state_only:
            # a country standing alone acts through its government ("Japan pledged"); its people,
            # named as people ("Palestinians", "a Palestinian", "ethnic Albanians"), are civilians
            if p.people:
                country = country or context_country
                return ActorInfo(None, country, "CVL", None, False, 0.8 if p.country_pre or p.country_post else 0.5,
                                 "group" if p.plural else "person", None, p.plural) if country else None
            return ActorInfo(None, country, "GOV", None, False, 0.8, "group" if p.plural else "state", None, p.plural)
        if p.former and sector == "GOV" and p.person_title:
            sector = "ELI"  # "ousted President Mohamed Bazoum"
        if country is None and sector is None and name is None:
            return None
        conf = 0.85 if country else 0.5
        if country is None and context_country:
            country, conf = context_country, 0.45
        if name is not None and sector is None and country is None:
            return None
        # the name's last word, past an acronym after it ("Islamic Salvation Front (FIS)")
        words = [w for w in p.name_run if not w.isupper()] if name is not None else []
        org_head = singular(words[-1].lower()) if words else None
        org_name = org_head in self.kb.org_name_heads
        if org_name and sector is None:
            sector = self.kb.org_name_heads[org_head]  # "the Islamic Salvation Front": REB
        if name is not None and p.sector is None and not p.country_pre:
            # an unknown person: country only from context; an unknown body named as one is
            # as likely the story's as an unnamed official
            conf = (0.45 if org_name else 0.2) if country else conf
        if org_name:
            kind = "org"
        elif name is not None:
            kind = "person"
        elif p.title is None and sector is not None and not p.plural:
            kind = "org"  # "Washington", "the Kremlin"
        elif p.plural:
            kind = "group"
        elif p.person_title:
            kind = "person"
        else:
            kind = "org"
        return ActorInfo(name, country, sector, None, False, conf, kind, p.title, p.plural)


class ActorMemory:
    """What an article has said about its actors so far, for later mentions to inherit."""

    def __init__(self, *, max_items: int = 64):
        self.max_items = max_items
        self._items: list[tuple[ActorInfo, frozenset[str]]] = []
        self._written: list[frozenset[str]] = []  # the words of each mention as written
        self._names: OrderedDict[str, ActorInfo] = OrderedDict()

    def remember(self, phrase: str, info: ActorInfo, *, name_run: tuple[str, ...] = (),
                 kind_words: Iterable[str] | None = None) -> None:
        """Record a resolved mention; the newest mention wins later look-ups. ``kind_words``
        are the words that may point back at it ("the organisation"); by default the packaged
        knowledge base's ``descriptor_words`` for its kind."""
        if info is None:
            return
        words = {singular(w.lower().replace(".", "")) for w in raw_tokens(phrase)}
        written = frozenset(words)
        name_words: list[str] = []
        for source in ([info.name] if info.name and info.kind == "person" else []) + [" ".join(name_run)]:
            toks = [w.lower() for w in raw_tokens(source or "") if w]
            if toks:
                name_words.append(" ".join(toks))
                self._names[" ".join(toks)] = info
                self._names[toks[-1]] = info
                self._names.move_to_end(toks[-1])
        if info.name and info.kind != "person":
            words.update(w.lower() for w in raw_tokens(info.name))
        if info.title:
            words.update(singular(w) for w in info.title.split())
        if kind_words is None:
            kind_words = default_kb().descriptor_words.get(info.kind, ())
        words.update(kind_words)
        self._items.append((info, frozenset(words)))
        self._written.append(written)
        if len(self._items) > self.max_items:
            del self._items[0]
            del self._written[0]
        while len(self._names) > 4 * self.max_items:
            self._names.popitem(last=False)

    def recall_name(self, key: str, *, exact: bool = False) -> ActorInfo | None:
        if not key:
            return None
        hit = self._names.get(key)
        if hit is None and not exact:
            hit = self._names.get(key.split()[-1])
        return hit

    def recall_pronoun(self, pronoun: str) -> ActorInfo | None:
        pronoun = pronoun.lower()
        items = reversed(self._items)
        if pronoun in PERSON_PRONOUNS:
            return next((i for i, _ in items if i.kind == "person" and not i.plural), None)
        if pronoun in PLURAL_PRONOUNS:
            recent = list(items)[:4]
            return (next((i for i, _ in recent if i.plural), None)
                    or next((i for i, _ in recent if i.kind != "person"), None))
        if pronoun in THING_PRONOUNS:
            return next((i for i, _ in items if i.kind in ("org", "state", "group") and not i.plural), None)
        return None

    def recall_sector(self, sector: str) -> ActorInfo | None:
        """The newest actor with ``sector`` whose country was stated, not borrowed from context."""
        return next((i for i, _ in reversed(self._items) if i.sector == sector and i.confidence >= 0.8), None)

    def recall_descriptor(self, head_word: str, *, written: bool = False,
                          sector: str | None = None) -> ActorInfo | None:
        """The newest actor described by ``head_word`` ("minister", "ministry", "group", ...);
        with ``written``, only one whose mention had that very word ("U.N. sanctions experts").
        A descriptor that names a sector ("the insurgent group") points back at the newest such
        actor of that sector (the Taliban, not the foreign troops named since), when there is one."""
        found = [info for (info, words), said in zip(reversed(self._items), reversed(self._written))
                 if head_word in (said if written else words)]
        if sector is not None:
            same = next((info for info in found if info.sector == sector), None)
            if same is not None:
                return same
        return found[0] if found else None

    def clear(self) -> None:
        self._items.clear()
        self._written.clear()
        self._names.clear()


def country_code(name_or_demonym: str) -> str | None:
    """ISO alpha-3 (or non-state) code for a country name, alias, demonym or capital."""
    try:
        return default_kb().country_code(name_or_demonym)
    except Exception:
        return None


def _token_pattern(text: str) -> list[dict[str, Any]]:
    import re

    parts = re.findall(r"(?:[^\W\d_]\.){2,}|\w+|'s|[^\w\s]", text)
    return [{"LOWER": p.lower()} for p in parts]


def entity_ruler_patterns(kb: KnowledgeBase | None = None) -> list[dict[str, Any]]:
    """Patterns for spaCy's entity_ruler: GPE countries and capitals, NORP demonyms,
    ORG organisations and seats of government, PERSON named people (all aliases)."""
    kb = kb or default_kb()
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str) -> None:
        text = text.strip()
        if not text or (label, text) in seen:
            return
        seen.add((label, text))
        words = text.split()
        if len(words) == 1 and "-" not in text and "'" not in text:
            out.append({"label": label, "pattern": text})  # exact case: "May" the name, not the month
        else:
            out.append({"label": label, "pattern": _token_pattern(text)})

    gpe_names: set[str] = set()
    for rec in kb.countries.values():
        for name in [rec.name, *rec.aliases, *([rec.capital] if rec.capital else [])]:
            add("GPE", name)
            gpe_names.add(name)
    for rec in kb.countries.values():
        for dem in rec.demonyms:
            if dem not in gpe_names:
                add("NORP", dem)
        for name, _sector in rec.metonyms:
            add("GPE" if name in gpe_names or name.istitle() and " " not in name else "ORG", name)
    for rec in kb.actors.values():
        label = "PERSON" if rec.kind == "person" else "ORG"
        for alias in iter_aliases(rec):
            if label == "PERSON" and " " not in alias and len(alias) < 4:
                continue  # "Hu", "Li": too short to tag on their own
            add(label, alias)
    return out
