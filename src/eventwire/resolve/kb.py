"""The actor knowledge base: countries, agent words and named actors, indexed for lookup.

The YAML files under ``eventwire/data`` (countries, agents, actors) are merged with any
user files of the same shape (or PETRARCH dictionaries, see :mod:`.petrarch`) and turned
once into one lexicon: a dict from a tuple of normalised tokens to the entries it names.
The resolver then only tokenises a phrase and does dict lookups.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import yaml

from eventwire.errors import KnowledgeFileError
from eventwire.yamlfiles import load_yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_FILES = ("countries.yaml", "agents.yaml", "actors.yaml")

# Ranks decide between entries that share a key: a named actor beats a seat of
# government, which beats a country name, ... an agent word comes last.
RANK_ACTOR, RANK_METONYM, RANK_COUNTRY, RANK_SURNAME, RANK_CAPITAL, RANK_DEMONYM, RANK_AGENT = range(7)

_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:'\w+)*|'s\b")
_POSSESSIVE_RE = re.compile(r"(?<=\w)'s\b")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-"})
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "da", "di", "du", "le", "la", "van", "von", "der",
                        "del", "bint", "ould", "ben"})


@dataclass(slots=True, frozen=True)
class Tok:
    """One token of a phrase: ``key`` is what the lexicon is indexed by."""

    key: str
    raw: str
    cap: bool


@dataclass(slots=True, frozen=True)
class Role:
    country: str
    sector: str | None
    start: _dt.date | None = None
    end: _dt.date | None = None
    title: str | None = None

    def covers(self, day: _dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True, frozen=True)
class ActorRecord:
    """A named person or organisation with its (possibly date-bounded) codes."""

    name: str
    kind: str  # "person" | "org" | "group" | "entity"
    roles: tuple[Role, ...]
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()

    def role_on(self, day: _dt.date | None) -> tuple[Role | None, bool]:
        """The role that applies on ``day`` and whether it is current (covers the day)."""
        if not self.roles:
            return None, False
        if day is None:  # most recent: latest start, open-ended roles first
            return max(self.roles, key=lambda r: (r.start or _dt.date.min, r.end or _dt.date.max)), True
        covering = [r for r in self.roles if r.covers(day)]
        if covering:  # the narrowest role wins, so a short special role overrides a long one
            return min(covering, key=lambda r: (r.end or _dt.date.max).toordinal()
                       - (r.start or _dt.date(1, 1, 1)).toordinal()), True
        past = [r for r in self.roles if r.end is not None and r.end < day]
        if past:
            return max(past, key=lambda r: r.end), False
        first = min(self.roles, key=lambda r: r.start or _dt.date.min)
        return Role(first.country, None, None, None, None), False


@dataclass(slots=True, frozen=True)
class Lex:
    """One meaning of a lexicon key."""

    kind: str  # "actor" | "country" | "demonym" | "metonym" | "capital" | "agent"
    rank: int
    code: str | None = None  # country code (countries, metonyms, agents that fix the country)
    sector: str | None = None
    actor: ActorRecord | None = None
    cased: bool = False  # needs a capitalised token in text (names)
    plural: bool = False
    generic: bool = False  # agent head that takes the sector of a word before it
    agent_kind: str | None = None  # person | group | org | modifier | equipment
    word: str = ""  # the phrase as written in the data, for titles and descriptors
    source: int = 0  # index of the file it came from; later files win ties


@dataclass(slots=True)
class CountryRecord:
    code: str
    name: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capital: str | None = None
    metonyms: list[tuple[str, str | None]] = field(default_factory=list)


def normalise(text: str) -> str:
    """Fold quotes, dashes and accents, split possessive 's off its word."""
    text = text.translate(_QUOTES)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _POSSESSIVE_RE.sub(" 's", text)


def raw_tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(normalise(text))


def token_key(raw: str) -> str:
    return raw.lower().replace(".", "")


def parse_day(value: Any, *, end: bool = False) -> _dt.date | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (string, int or date); an open bound is None."""
    if value is None or value == "":
        return None
    if isinstance(value, _dt.date):
        return value
    s = str(value).strip()
    parts = s.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return _dt.date(year, 12, 31) if end else _dt.date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            if end:
                nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
                return nxt - _dt.timedelta(days=1)
            return _dt.date(year, month, 1)
        return _dt.date(year, month, int(parts[2]))
    except (ValueError, IndexError) as exc:
        raise KnowledgeFileError(f"bad date {value!r} in a knowledge file") from exc


def parse_role(value: Any) -> Role:
    """A role as "COUNTRY SECTOR START..END title" or as a mapping with those keys."""
    if isinstance(value, dict):
        return Role(str(value["country"]).upper(), value.get("sector") or None,
                    parse_day(value.get("start")), parse_day(value.get("end"), end=True), value.get("title"))
    parts = str(value).split(None, 3)
    if len(parts) < 2:
        raise KnowledgeFileError(f"bad role {value!r}: want 'COUNTRY SECTOR START..END title'")
    country, sector = parts[0].upper(), parts[1]
    start = end = None
    title = None
    rest = parts[2:]
    if rest and ".." in rest[0]:
        a, b = rest[0].split("..", 1)
        start, end = parse_day(a), parse_day(b, end=True)
        rest = rest[1:]
    if rest:
        title = " ".join(rest)
    return Role(country, None if sector in ("-", "null", "None") else sector, start, end, title)


def pluralise(phrase: str, irregular: dict[str, str]) -> str:
    if phrase in irregular:
        return irregular[phrase]
    head, _, last = phrase.rpartition(" ")
    if last in irregular:
        plural = irregular[last]
    elif last.endswith("man") and last not in ("german", "human", "ottoman"):
        plural = last[:-3] + "men"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        plural = last + "es"
    else:
        plural = last + "s"
    return f"{head} {plural}" if head else plural


def singular(word: str) -> str:
    """A rough singular for matching descriptors ("the ministries" ~ "ministry")."""
    if word in ("men", "women", "people", "police", "media", "press", "staff"):
        return {"men": "man", "women": "woman", "people": "person"}.get(word, word)
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as fh:
            data = load_yaml(fh)
    except FileNotFoundError as exc:
        raise KnowledgeFileError(f"knowledge file not found: {path}") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeFileError(f"{path}: not valid YAML ({exc.__class__.__name__})") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KnowledgeFileError(f"{path}: the top level must be a mapping")
    return data


def read_knowledge_file(path: Path) -> dict[str, Any]:
    """A knowledge file as a dict of our YAML shape; PETRARCH .txt dictionaries are converted."""
    path = Path(path)
    if path.suffix.lower() in (".txt", ".dict", ".dic"):
        from eventwire.resolve.petrarch import read_petrarch_file

        return read_petrarch_file(path)
    return _read_yaml(path)


class KnowledgeBase:
    """Countries, agents and named actors, merged from data files and indexed."""

    def __init__(self, sources: Sequence[dict[str, Any]]):
        self.countries: dict[str, CountryRecord] = {}
        self.non_state: dict[str, str] = {}
        self.actors: dict[str, ActorRecord] = {}
        self.ignore: set[str] = set()
        self.honorifics: set[str] = set()  # "Mr", "Dr": the next capitalised word is a name
        self.former_markers: set[str] = set()  # "former", "ousted": a government title is past
        self.rank_words: set[str] = set()  # "deputy chief": a rank, not the title's sector
        self.relation_nouns: set[str] = set()  # "Israel's ally": the possessor is the other party
        self.for_owner_heads: set[str] = set()  # "a spokesman for the Taliban": "for" names the owner
        self.ethnic_markers: set[str] = set()  # "ethnic": the demonym names a people, not a state
        self.state_generic: set[str] = set()  # "leaders", "side": the government when a state owns them
        self.org_name_heads: dict[str, str | None] = {}  # "Front" ends a body's name; its usual sector
        self.descriptor_words: dict[str, tuple[str, ...]] = {}  # by actor kind: "the organisation", "the man"
        self.lexicon: dict[tuple[str, ...], list[Lex]] = {}
        self._near: dict[str, set[str]] = {}  # one-letter-deleted forms of country names and demonyms
        self._misspelt: dict[str, str] = {}  # words already looked up there, and what they were read as
        self.acronyms: set[str] = set()
        self.max_ngram = 1
        self._surname_owner: dict[str, int] = {}
        self._agent_rows: dict[str, Lex] = {}
        self._actor_source: dict[str, int] = {}
        self._country_source: dict[str, int] = {}
        irregular: dict[str, str] = {}
        for src in sources:
            irregular.update({str(k).lower(): str(v).lower() for k, v in (src.get("plurals") or {}).items()})
        for i, src in enumerate(sources):
            self._merge(src, i, irregular)
        # heads that only point back at an actor named earlier ("the organisation", "the man")
        self.descriptor_heads = frozenset(w for words in self.descriptor_words.values() for w in words)
        self._build_index()

    # ---------------------------------------------------------------- loading
    @classmethod
    def load(cls, *, extra_paths: Sequence[Path] = ()) -> "KnowledgeBase":
        """The packaged data plus ``extra_paths`` (YAML of the same shape, or PETRARCH .txt)."""
        sources = [_read_yaml(DATA_DIR / name) for name in DEFAULT_FILES]
        sources += [read_knowledge_file(Path(p)) for p in extra_paths]
        return cls(sources)

    def _merge(self, src: dict[str, Any], idx: int, irregular: dict[str, str]) -> None:
        for entry in src.get("countries") or []:
            code = str(entry["code"]).upper()
            rec = self.countries.get(code)
            if rec is None:
                rec = self.countries[code] = CountryRecord(code, entry.get("name") or code)
            elif entry.get("name"):
                rec.aliases.append(rec.name)
                rec.name = entry["name"]
            rec.aliases += [str(a) for a in entry.get("aliases") or []]
            rec.demonyms += [str(a) for a in entry.get("demonyms") or []]
            if entry.get("capital"):
                rec.capital = str(entry["capital"])
            for m in entry.get("metonyms") or []:
                rec.metonyms.append((str(m["name"]), m.get("sector")) if isinstance(m, dict) else (str(m), "GOV"))
            self._country_source[code] = idx
        for entry in src.get("non_state") or []:
            self.non_state[str(entry["code"])] = str(entry.get("meaning", ""))
        for sector, groups in (src.get("agents") or {}).items():
            for agent_kind, words in (groups or {}).items():
                for word in words or []:
                    self._add_agent(str(word).lower(), sector, agent_kind, idx, irregular)
        for code, words in (src.get("agent_countries") or {}).items():
            for word in words or []:
                key = str(word).lower()
                old = self._agent_rows.get(key)
                if old is not None:
                    self._agent_rows[key] = Lex("agent", RANK_AGENT, code=str(code), sector=old.sector,
                                                plural=old.plural, generic=old.generic,
                                                agent_kind=old.agent_kind, word=old.word, source=idx)
        for word, sector in (src.get("generic") or {}).items():
            key = str(word).lower()
            self._agent_rows[key] = Lex("agent", RANK_AGENT, sector=sector, generic=True, agent_kind="person",
                                        plural=key.endswith("s") or key in ("staff", "personnel", "leadership"),
                                        word=key, source=idx)
        for word in src.get("equipment") or []:
            key = str(word).lower()
            self._agent_rows[key] = Lex("agent", RANK_AGENT, generic=True, agent_kind="equipment",
                                        plural=key.endswith("s"), word=key, source=idx)
        self.ignore.update(str(w).lower() for w in src.get("ignore") or [])
        self.honorifics.update(token_key(str(w)) for w in src.get("honorifics") or [])
        self.former_markers.update(token_key(str(w)) for w in src.get("former_markers") or [])
        self.rank_words.update(str(w).lower() for w in src.get("rank_words") or [])
        self.relation_nouns.update(str(w).lower() for w in src.get("relation_nouns") or [])
        self.for_owner_heads.update(str(w).lower() for w in src.get("for_owner_heads") or [])
        self.ethnic_markers.update(token_key(str(w)) for w in src.get("ethnic_markers") or [])
        self.state_generic.update(str(w).lower() for w in src.get("state_generic") or [])
        self.org_name_heads.update({str(k).lower(): v for k, v in (src.get("org_name_heads") or {}).items()})
        for kind, words in (src.get("descriptor_words") or {}).items():
            self.descriptor_words[str(kind)] = self.descriptor_words.get(str(kind), ()) + tuple(
                str(w).lower() for w in words or ())
        for entry in src.get("people") or []:
            self._add_actor(entry, "person", idx)
        for entry in src.get("organizations") or []:
            self._add_actor(entry, entry.get("kind") or "org", idx)

    def _add_agent(self, word: str, sector: str, agent_kind: str, idx: int, irregular: dict[str, str]) -> None:
        lex = Lex("agent", RANK_AGENT, sector=sector, agent_kind=agent_kind,
                  plural=agent_kind == "group" and word.endswith("s"), word=word, source=idx)
        old = self._agent_rows.get(word)
        # a word that heads a mention ("police", "army", "rebel") keeps that meaning when it is
        # also listed as a modifier: a modifier only colours a head, it never replaces one
        head_kept = (old is not None and old.source == idx and agent_kind == "modifier"
                     and old.agent_kind != "modifier")
        if not head_kept and (old is None or old.source < idx or not old.generic):
            if not (old is not None and old.generic and old.source == idx):
                self._agent_rows[word] = lex
        if agent_kind in ("person", "org"):
            plural = pluralise(word, irregular)
            if plural != word and (plural not in self._agent_rows or self._agent_rows[plural].source < idx):
                self._agent_rows[plural] = Lex("agent", RANK_AGENT, sector=sector, agent_kind="group",
                                               plural=True, word=plural, source=idx)

    def _add_actor(self, entry: dict[str, Any], default_kind: str, idx: int) -> None:
        name = str(entry["name"])
        if "roles" in entry:
            roles = tuple(parse_role(r) for r in entry["roles"] or [])
        elif entry.get("code"):
            parts = str(entry["code"]).split()
            roles = (Role(parts[0].upper(), parts[1] if len(parts) > 1 else None),)
        else:
            roles = ()
        aliases = [str(a) for a in entry.get("aliases") or []]
        surname = entry.get("surname", "")
        kind = str(entry.get("kind") or default_kind)
        if kind == "person" and surname != "none":
            if not surname:
                words = [w for w in name.replace("-", " ").split() if w.lower().strip(".") not in ("jr", "sr", "ii", "iii")]
                surname = words[-1] if len(words) > 1 else ""
            if surname and surname not in aliases:
                aliases.append("\x00" + str(surname))  # marked: a bare surname ranks below names
            if not entry.get("surname"):
                # a spelling of the whole name brings its own surname ("Vassily Nebenzia" -> "Nebenzia")
                for alias in list(aliases):
                    words = alias.replace("-", " ").split()
                    if len(words) > 1 and not alias.startswith("\x00") and words[-1][:1].isupper():
                        mark = "\x00" + words[-1]
                        if mark not in aliases and words[-1] not in aliases:
                            aliases.append(mark)
        self.actors[name] = ActorRecord(name, kind, roles, entry.get("wikidata"), tuple(aliases))
        self._actor_source[name] = idx

    # ---------------------------------------------------------------- indexing
    def _key(self, text: str) -> tuple[str, ...]:
        return tuple(k for k in (token_key(t) for t in raw_tokens(text)) if k and k != "the")

    def _put(self, text: str, lex: Lex) -> None:
        key = self._key(text)
        if not key:
            return
        self.lexicon.setdefault(key, []).append(lex)
        self.max_ngram = max(self.max_ngram, len(key))
        if len(key) == 1:
            bare = text.replace(".", "").replace("-", "")
            if bare.isalpha() and bare.isupper() and 2 <= len(bare) <= 6:
                self.acronyms.add(key[0])

    def _build_index(self) -> None:
        for rec in self.countries.values():
            src = self._country_source.get(rec.code, 0)
            for name in [rec.name, *rec.aliases]:
                self._put(name, Lex("country", RANK_COUNTRY, code=rec.code, word=name, source=src))
            dems = list(rec.demonyms)
            for dem in rec.demonyms:
                # the people's plural is often missing from the data: "Liberian" -> "Liberians"
                if dem[:1].isupper() and dem.endswith(("an", "ian", "i", "ni", "ot", "ek", "er")) and " " not in dem:
                    people = dem + "s"
                    if people not in dems:
                        dems.append(people)
            for dem in dems:
                plural = dem.endswith("s") and not dem.endswith(("ss", "Swiss")) and dem[0].isupper()
                self._put(dem, Lex("demonym", RANK_DEMONYM, code=rec.code, plural=plural, word=dem, source=src))
            if rec.capital:
                self._put(rec.capital, Lex("capital", RANK_CAPITAL, code=rec.code, sector="GOV",
                                           cased=True, word=rec.capital, source=src))
            for name, sector in rec.metonyms:
                self._put(name, Lex("metonym", RANK_METONYM, code=rec.code, sector=sector, cased=True,
                                    word=name, source=src))
        for word, lex in self._agent_rows.items():
            self._put(word, lex)
        for rec in self.actors.values():
            src = self._actor_source.get(rec.name, 0)
            for alias in [rec.name, *rec.aliases]:
                if alias.startswith("\x00"):
                    self._put(alias[1:], Lex("actor", RANK_SURNAME, actor=rec, cased=True, word=alias[1:], source=src))
                else:
                    self._put(alias, Lex("actor", RANK_ACTOR, actor=rec, cased=True, word=alias, source=src))
        for entries in self.lexicon.values():
            entries.sort(key=lambda e: (e.rank, -e.source))
        # words that also name things must not be ignored as filler
        self.ignore -= {k[0] for k in self.lexicon if len(k) == 1}
        for key, entries in self.lexicon.items():
            if len(key) == 1 and len(key[0]) >= FUZZY_MIN_LENGTH - 1 and key[0].isalpha() and any(
                    e.kind in ("country", "demonym") for e in entries):
                for form in _deletions(key[0]) | {key[0]}:
                    self._near.setdefault(form, set()).add(key[0])

    # ---------------------------------------------------------------- lookups
    def tokenize(self, text: str) -> list[Tok]:
        """Tokens of ``text`` with lexicon keys; acronyms only match when written in capitals."""
        out = []
        for raw in raw_tokens(text):
            key = token_key(raw)
            if not key or key == "the":
                continue
            if key in self.acronyms and not raw.replace(".", "").isupper():
                key += "~"  # "us", "who", "is" in lower case are words, not the acronyms
            elif (key, ) not in self.lexicon and raw[:1].isupper() and len(key) >= FUZZY_MIN_LENGTH and key.isalpha():
                key = self._misspelt_country(raw, key)
            out.append(Tok(key, raw, raw[:1].isupper()))
        return out

    def _misspelt_country(self, raw: str, key: str) -> str:
        """A country or demonym one letter away ("Ethopia", "Afganistan", "Ghanians"): news
        copy and transliterations misspell them, and the actor is still that country. A
        place the gazetteer knows ("Indiana") is no misspelling."""
        if raw not in self._misspelt:
            if len(self._misspelt) >= 65536:
                self._misspelt.clear()  # a corpus's names are many; keep the memory bounded
            self._misspelt[raw] = self._nearest_country(raw, key)
        return self._misspelt[raw]

    def _nearest_country(self, raw: str, key: str) -> str:
        found = set(self._near.get(key, ()))
        for form in _deletions(key):
            found |= self._near.get(form, set())
        found = {f for f in found if _one_edit(key, f)}
        if len(found) != 1:
            return key
        from .places import is_place_name  # the gazetteer, loaded once per process

        return key if is_place_name(raw) else found.pop()

    def lookup(self, keys: tuple[str, ...]) -> list[Lex]:
        return self.lexicon.get(keys, [])

    def country_code(self, text: str) -> str | None:
        """The code of a country name, alias, demonym, capital or seat of government."""
        if not text or not text.strip():
            return None
        stripped = text.strip()
        if stripped.upper() in self.countries and len(stripped) == 3 and stripped.isupper():
            return stripped.upper()
        key = tuple(t.key for t in self.tokenize(stripped))
        best = None
        for lex in self.lookup(key):
            if lex.kind in ("country", "demonym", "capital", "metonym") and lex.code:
                return lex.code
            if best is None and lex.kind == "actor" and lex.actor is not None and lex.actor.kind != "person":
                role, _ = lex.actor.role_on(None)
                best = role.country if role else None
        return best

    def actor(self, name: str) -> ActorRecord | None:
        return self.actors.get(name)


FUZZY_MIN_LENGTH = 7  # shorter names are too close to ordinary words and names ("Marian", "Malian")


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one inserted, deleted, replaced or swapped letter."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=1)
def default_kb() -> KnowledgeBase:
    """The packaged knowledge base, loaded once per process."""
    return KnowledgeBase.load()


def iter_aliases(rec: ActorRecord) -> Iterable[str]:
    yield rec.name
    for a in rec.aliases:
        yield a.lstrip("\x00")
