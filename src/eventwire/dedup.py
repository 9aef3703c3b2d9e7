"""Cross-article deduplication: group event mentions that report the same happening.

Two mentions join one cluster when they have the same PLOVER type and polarity
(negated never joins asserted), their dates lie within ``window_days`` of the
cluster's first day, actor and recipient countries and sectors are compatible
(sets overlap; an empty side is compatible with anything) and places are
compatible (same geonameid for two cities; otherwise same country; a missing
place is compatible with any).

Mentions are blocked by (type, polarity) and swept in date order, and open
clusters are indexed by actor country, so each mention is compared only with the
few clusters it could belong to: near-linear in the number of mentions.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import pyarrow as pa

from .records import Event, Place

if TYPE_CHECKING:
    from .store import Store

# Place features that name an area rather than a point: two of these in the same
# country, or one of these and a city inside it, may describe the same happening.
_AREA_FEATURES = frozenset({"country", "region", "admin1", "admin2", "continent", "state", "province"})
_WILDCARD = ""


@dataclass(slots=True)
class Mention:
    """What dedup needs to know about one event, whatever it was read from."""

    event_id: str
    doc_id: str
    event: str
    negated: bool
    day: int | None  # date ordinal; None when the event has no usable date
    outlet: str | None = None
    actor_countries: frozenset[str] = frozenset()
    actor_sectors: frozenset[str] = frozenset()
    recipient_countries: frozenset[str] = frozenset()
    recipient_sectors: frozenset[str] = frozenset()
    place_country: str | None = None
    place_city: int | None = None  # geonameid, only for point-like places
    has_place: bool = False
    confidence: float = 0.5


@dataclass(slots=True)
class Cluster:
    """One happening and the mentions that report it."""

    cluster_id: int
    event: str
    negated: bool
    actor_countries: tuple[str, ...]
    actor_sectors: tuple[str, ...]
    recipient_countries: tuple[str, ...]
    recipient_sectors: tuple[str, ...]
    location_country: str | None
    location_geonameid: int | None
    first_seen: _dt.date | None
    last_seen: _dt.date | None
    n_mentions: int
    n_articles: int
    n_outlets: int
    representative_id: str
    event_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Open:
    """A cluster being built; sets grow as compatible mentions join."""

    event: str
    negated: bool
    first_day: int | None
    last_day: int | None
    actor_countries: set[str]
    actor_sectors: set[str]
    recipient_countries: set[str]
    recipient_sectors: set[str]
    place_country: str | None
    place_city: int | None
    has_place: bool
    members: list[Mention]
    closed: bool = False

    @classmethod
    def seed(cls, m: Mention) -> "_Open":
        return cls(m.event, m.negated, m.day, m.day, set(m.actor_countries), set(m.actor_sectors),
                   set(m.recipient_countries), set(m.recipient_sectors), m.place_country,
                   m.place_city, m.has_place, [m])

    def add(self, m: Mention) -> None:
        self.members.append(m)
        self.last_day = max(self.last_day, m.day) if self.last_day is not None else m.day
        self.actor_countries |= m.actor_countries
        self.actor_sectors |= m.actor_sectors
        self.recipient_countries |= m.recipient_countries
        self.recipient_sectors |= m.recipient_sectors
        if m.has_place:
            self.has_place = True
            self.place_country = self.place_country or m.place_country
            self.place_city = self.place_city or m.place_city


def _sets_compatible(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    return not a or not b or not a.isdisjoint(b)


# The state's own organs: one outlet writes "Russia struck Kharkiv", another "Russian
# forces struck Kharkiv". A bare state is coded GOV, so GOV must not split it from MIL.
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})


def _sectors_compatible(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    if _sets_compatible(a, b):
        return True
    return ("GOV" in a and b <= _STATE_SECTORS) or ("GOV" in b and a <= _STATE_SECTORS)


def _compatible(c: _Open, m: Mention) -> bool:
    if not (_sets_compatible(c.actor_countries, m.actor_countries)
            and _sets_compatible(c.recipient_countries, m.recipient_countries)
            and _sectors_compatible(c.actor_sectors, m.actor_sectors)
            and _sectors_compatible(c.recipient_sectors, m.recipient_sectors)):
        return False
    if not c.has_place or not m.has_place:
        return True
    if c.place_city is not None and m.place_city is not None:
        return c.place_city == m.place_city
    return c.place_country is None or m.place_country is None or c.place_country == m.place_country


def _score(c: _Open, m: Mention) -> tuple:
    """Prefer the cluster that agrees on most, then the one seen most recently."""
    return (
        c.place_city is not None and c.place_city == m.place_city,
        len(c.actor_countries & m.actor_countries) + len(c.recipient_countries & m.recipient_countries),
        len(c.actor_sectors & m.actor_sectors) + len(c.recipient_sectors & m.recipient_sectors),
        c.last_day if c.last_day is not None else 0,
    )


def cluster_mentions(mentions: Iterable[Mention], *, window_days: int = 3) -> list[Cluster]:
    """Group ``mentions`` into clusters; ids run from 1 in order of first appearance."""
    blocks: dict[tuple[str, bool], list[Mention]] = defaultdict(list)
    for m in mentions:
        blocks[(m.event, m.negated)].append(m)
    done: list[_Open] = []
    for block in blocks.values():
        dated = sorted((m for m in block if m.day is not None), key=lambda m: m.day)
        done.extend(_sweep(dated, window_days))
        # Without a date nothing says two mentions are the same happening.
        done.extend(_Open.seed(m) for m in block if m.day is None)
    return _finish(done)


def _sweep(mentions: list[Mention], window_days: int) -> list[_Open]:
    out: list[_Open] = []
    active: list[_Open] = []  # in order of first_day
    by_country: dict[str, list[_Open]] = defaultdict(list)
    head = 0  # active[:head] have closed
    for m in mentions:
        while head < len(active) and m.day - active[head].first_day > window_days:
            active[head].closed = True
            head += 1
        if head > 1024 and head * 2 > len(active):  # drop closed clusters now and then
            active = active[head:]
            head = 0
        if m.actor_countries:
            keys = [*m.actor_countries, _WILDCARD]
            candidates = []
            for key in keys:
                bucket = by_country.get(key)
                if bucket:
                    live = [c for c in bucket if not c.closed]
                    if len(live) != len(bucket):
                        by_country[key] = live
                    candidates.extend(live)
        else:
            candidates = active[head:]
        best, best_score = None, None
        for c in candidates:
            if _compatible(c, m):
                score = _score(c, m)
                if best_score is None or score > best_score:
                    best, best_score = c, score
        if best is not None:
            before = set(best.actor_countries)
            best.add(m)
            for key in best.actor_countries - before:
                by_country[key].append(best)
            if not before and best.actor_countries:
                by_country[_WILDCARD] = [c for c in by_country[_WILDCARD] if c is not best]
            continue
        new = _Open.seed(m)
        active.append(new)
        out.append(new)
        for key in new.actor_countries or (_WILDCARD,):
            by_country[key].append(new)
    return out


def _finish(opened: list[_Open]) -> list[Cluster]:
    clusters = []
    for c in opened:
        rep = min(c.members, key=lambda m: (-m.confidence, m.day or 0, m.event_id))
        days = [m.day for m in c.members if m.day is not None]
        clusters.append(Cluster(
            cluster_id=0, event=c.event, negated=c.negated,
            actor_countries=tuple(sorted(c.actor_countries)),
            actor_sectors=tuple(sorted(c.actor_sectors)),
            recipient_countries=tuple(sorted(c.recipient_countries)),
            recipient_sectors=tuple(sorted(c.recipient_sectors)),
            location_country=c.place_country, location_geonameid=c.place_city,
            first_seen=_dt.date.fromordinal(min(days)) if days else None,
            last_seen=_dt.date.fromordinal(max(days)) if days else None,
            n_mentions=len(c.members),
            n_articles=len({m.doc_id for m in c.members}),
            n_outlets=len({m.outlet for m in c.members if m.outlet}),
            representative_id=rep.event_id,
            event_ids=[m.event_id for m in c.members],
        ))
    clusters.sort(key=lambda c: (c.first_seen or _dt.date.max, c.event, c.representative_id))
    for i, c in enumerate(clusters, start=1):
        c.cluster_id = i
    return clusters


def _day(date: str | None) -> int | None:
    if not date:
        return None
    try:
        return _dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def _place_parts(place: Place | None) -> tuple[str | None, int | None, bool]:
    if place is None:
        return None, None, False
    city = place.geonameid if (place.feature or "").lower() not in _AREA_FEATURES else None
    return place.country, city, True


def mention_of(event: Event, *, outlet: str | None = None) -> Mention:
    country, city, has_place = _place_parts(event.location)
    return Mention(
        event_id=event.id, doc_id=event.doc_id, event=event.event, negated=event.negated,
        day=_day(event.date), outlet=outlet,
        actor_countries=frozenset(a.country for a in event.actor if a.country),
        actor_sectors=frozenset(a.sector for a in event.actor if a.sector),
        recipient_countries=frozenset(r.country for r in event.recipient if r.country),
        recipient_sectors=frozenset(r.sector for r in event.recipient if r.sector),
        place_country=country, place_city=city, has_place=has_place,
        confidence=event.confidence,
    )


def cluster_events(
    events: Sequence[Event],
    *,
    window_days: int = 3,
    outlets: Mapping[str, str | None] | None = None,
) -> list[Cluster]:
    """Cluster ``events``; ``outlets`` maps doc_id to outlet so n_outlets can be counted."""
    outlets = outlets or {}
    return cluster_mentions((mention_of(e, outlet=outlets.get(e.doc_id)) for e in events),
                            window_days=window_days)


# --- the store's clusters table ----------------------------------------------------------------
_READ_MENTIONS = """
SELECT e.id, e.doc_id, e.ord, e.event, e.negated, e.event_date, a.outlet,
       e.actor_countries, e.actor_sectors, e.recipient_countries, e.recipient_sectors,
       e.location IS NOT NULL AS has_place, e.location_country, e.location_geonameid,
       lower(coalesce(e.location.feature, '')) AS feature, e.confidence
FROM events e LEFT JOIN articles a USING (doc_id)
ORDER BY e.doc_id, e.ord
"""


def recluster_store(store: "Store", *, window_days: int = 3) -> int:
    """Recompute the clusters table and events.cluster_id from all stored events."""
    conn = store.connection
    cols = conn.sql(_READ_MENTIONS).to_arrow_table().to_pydict()
    n = len(cols["id"])
    epoch = _dt.date(1970, 1, 1).toordinal()
    days = pa.array(cols["event_date"], pa.date32()).cast(pa.int32()).to_pylist()
    sets: dict[tuple, frozenset[str]] = {}  # few distinct code sets: build each once

    def frozen(values: list[str] | None) -> frozenset[str]:
        key = tuple(values or ())
        found = sets.get(key)
        if found is None:
            found = sets[key] = frozenset(key)
        return found

    doc_ids, events, negated, outlets = cols["doc_id"], cols["event"], cols["negated"], cols["outlet"]
    a_c, a_s = cols["actor_countries"], cols["actor_sectors"]
    r_c, r_s = cols["recipient_countries"], cols["recipient_sectors"]
    countries, geonameids, features = cols["location_country"], cols["location_geonameid"], cols["feature"]
    has_place, confidence = cols["has_place"], cols["confidence"]
    mentions = [
        Mention(str(i), doc_ids[i], events[i], negated[i],
                None if days[i] is None else days[i] + epoch, outlets[i],
                frozen(a_c[i]), frozen(a_s[i]), frozen(r_c[i]), frozen(r_s[i]), countries[i],
                None if features[i] in _AREA_FEATURES else geonameids[i], has_place[i], confidence[i])
        for i in range(n)
    ]
    clusters = cluster_mentions(mentions, window_days=window_days)
    # Mentions carry their row index as id; map back to (doc_id, ord), unique per event.
    member_doc, member_ord, member_cluster = [], [], []
    for c in clusters:
        c.representative_id = cols["id"][int(c.representative_id)]
        for idx in c.event_ids:
            i = int(idx)
            member_doc.append(cols["doc_id"][i])
            member_ord.append(cols["ord"][i])
            member_cluster.append(c.cluster_id)
    table = pa.table({
        "cluster_id": pa.array([c.cluster_id for c in clusters], pa.int64()),
        "event": [c.event for c in clusters],
        "negated": [c.negated for c in clusters],
        "actor_key": [",".join(c.actor_countries) for c in clusters],
        "recipient_key": [",".join(c.recipient_countries) for c in clusters],
        "actor_countries": [list(c.actor_countries) for c in clusters],
        "actor_sectors": [list(c.actor_sectors) for c in clusters],
        "recipient_countries": [list(c.recipient_countries) for c in clusters],
        "recipient_sectors": [list(c.recipient_sectors) for c in clusters],
        "location_country": pa.array([c.location_country for c in clusters], pa.string()),
        "location_geonameid": pa.array([c.location_geonameid for c in clusters], pa.int64()),
        "first_seen": pa.array([c.first_seen for c in clusters], pa.date32()),
        "last_seen": pa.array([c.last_seen for c in clusters], pa.date32()),
        "n_mentions": [c.n_mentions for c in clusters],
        "n_articles": [c.n_articles for c in clusters],
        "n_outlets": [c.n_outlets for c in clusters],
        "representative_id": [c.representative_id for c in clusters],
    })
    members = pa.table({"doc_id": pa.array(member_doc, pa.string()),
                        "ord": pa.array(member_ord, pa.int32()),
                        "cluster_id": pa.array(member_cluster, pa.int64())})
    conn.register("stage_clusters", table)
    conn.register("stage_members", members)
    try:
        conn.begin()
        try:
            conn.execute("DELETE FROM clusters")
            conn.execute("INSERT INTO clusters BY NAME SELECT * FROM stage_clusters")
            conn.execute("UPDATE events SET cluster_id = m.cluster_id FROM stage_members m "
                         "WHERE events.doc_id = m.doc_id AND events.ord = m.ord")
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
    finally:
        conn.unregister("stage_clusters")
        conn.unregister("stage_members")
    return len(clusters)
