"""How the store scales: insert rate, recluster time, query latencies, bytes per event.

    python benchmarks/store_scale.py --events 1000000

Synthetic events are drawn with skewed, news-like distributions: a few countries and
event types dominate, most articles carry a handful of events, and many happenings
are reported by several outlets over a few days (so dedup has real work to do).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import tempfile
import time
from collections import deque
from pathlib import Path

from eventwire.export import export_events
from eventwire.query import actor_network, dyad_series
from eventwire.records import Article, CodedArticle, Entity, Event, Place
from eventwire.store import Store

COUNTRIES = ["USA", "RUS", "UKR", "CHN", "ISR", "PSE", "IRN", "GBR", "FRA", "DEU", "IND", "PAK",
             "TUR", "SYR", "IRQ", "AFG", "NGA", "KEN", "ETH", "SDN", "SOM", "COD", "MLI", "BRA",
             "MEX", "COL", "VEN", "JPN", "KOR", "PRK", "TWN", "PHL", "MMR", "IDN", "EGY", "LBY",
             "YEM", "SAU", "ARE", "QAT", "LBN", "JOR", "ZAF", "ZWE", "HTI", "CUB", "POL", "HUN",
             "IGO", "NGO", "IMG", "UNO", "EUR", "MNC"]
SECTORS = ["GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "MED", "EDU", "BUS",
           "CRM", "CVL", "REF", "HLH", "NGO", "IGO", None]
SECTOR_WEIGHTS = [30, 15, 6, 5, 4, 4, 2, 6, 1, 3, 2, 5, 3, 8, 2, 1, 2, 3, 10]
EVENTS = {  # type: (weight, cameo, quad)
    "CONSULT": (16, "040", "verbal cooperation"), "ACCUSE": (12, "112", "verbal conflict"),
    "ASSAULT": (12, "190", "material conflict"), "AGREE": (7, "057", "verbal cooperation"),
    "SUPPORT": (7, "051", "verbal cooperation"), "REQUEST": (7, "020", "verbal cooperation"),
    "THREATEN": (5, "138", "verbal conflict"), "PROTEST": (6, "141", "material conflict"),
    "COERCE": (5, "173", "material conflict"), "REJECT": (4, "120", "verbal conflict"),
    "AID": (4, "073", "material cooperation"), "COOPERATE": (4, "061", "material cooperation"),
    "MOBILIZE": (3, "152", "material conflict"), "SANCTION": (3, "163", "material conflict"),
    "CONCEDE": (2, "0841", "verbal cooperation"), "RETREAT": (2, "0871", "material cooperation"),
}
N_CITIES = 400
START = dt.date(2023, 1, 1)
DAYS = 730


def zipf_weights(n: int, s: float = 1.1) -> list[float]:
    return [1 / (i + 1) ** s for i in range(n)]


class Generator:
    """Happenings reported by several articles; each article holds 1-10 events."""

    def __init__(self, seed: int = 7):
        self.rng = random.Random(seed)
        self.country_w = zipf_weights(len(COUNTRIES))
        self.types = list(EVENTS)
        self.type_w = [EVENTS[t][0] for t in self.types]
        self.recent: deque[tuple] = deque()
        self.n_articles = 0

    def happening(self, day: int) -> tuple:
        rng = self.rng
        # Forget happenings too old to be reported again, then maybe report a recent one.
        while self.recent and self.recent[0][0] < day - 2:
            self.recent.popleft()
        if self.recent and rng.random() < 0.55:
            return self.recent[-1 - int(rng.random() * min(len(self.recent), 3000))]
        kind = rng.choices(self.types, self.type_w)[0]
        a, r = rng.choices(COUNTRIES, self.country_w, k=2)
        sa, sr = rng.choices(SECTORS, SECTOR_WEIGHTS, k=2)
        city = rng.randrange(N_CITIES) if rng.random() < 0.7 else None
        h = (day, kind, a, sa, r, sr, city)
        self.recent.append(h)
        return h

    def article(self, day: int) -> CodedArticle:
        rng = self.rng
        self.n_articles += 1
        doc_id = f"a{self.n_articles:08d}"
        date = START + dt.timedelta(days=day)
        art = Article(id=doc_id, text=f"synthetic article {doc_id}", title=f"Report {doc_id}",
                      date=date, url=f"https://news.example/{doc_id}", outlet=f"outlet{int(rng.paretovariate(1.2)) % 300}",
                      language="en")
        events = []
        for j in range(min(10, 1 + int(rng.expovariate(1 / 4)))):
            hday, kind, a, sa, r, sr, city = self.happening(day)
            _, cameo, quad = EVENTS[kind]
            loc = None
            if city is not None:
                loc = Place(f"City{city}", 0, 8, name=f"City{city}", country=a,
                            lat=rng.uniform(-60, 60), lon=rng.uniform(-180, 180),
                            geonameid=1_000_000 + city, feature="city")
            events.append(Event(
                id=f"{doc_id}-e{j}", doc_id=doc_id, event=kind, mode=None, cameo=cameo, quad=quad,
                actor=[Entity(f"{a} officials", 10, 22, name=a, country=a, sector=sa)],
                recipient=[Entity(f"{r} side", 40, 48, name=r, country=r, sector=sr)],
                negated=rng.random() < 0.03, location=loc,
                date=(START + dt.timedelta(days=hday)).isoformat(),
                event_text="verb", event_start=23, event_end=27,
                sentence=f"The {a} officials did something to the {r} side, reports said on day {hday}.",
                sentence_start=0, confidence=round(rng.uniform(0.3, 0.99), 3),
                context=["military"] if kind in ("ASSAULT", "MOBILIZE") else [],
                pattern=f"{kind.lower()}-verb", coder_version="bench",
            ))
        return CodedArticle(art, events, n_sentences=20, n_words=400)


def timed(label: str, fn, *, repeat: int = 3):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - t
        best = elapsed if best is None else min(best, elapsed)
    print(f"  {label:<42} {best * 1000:9.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--batch", type=int, default=2000, help="articles per transaction")
    parser.add_argument("--keep", help="write the store here instead of a temporary file")
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory()
    path = Path(args.keep) if args.keep else Path(tmp.name) / "bench.duckdb"
    gen = Generator()
    n_events = gen_time = write_time = 0.0
    n_events = 0
    with Store.open(path) as store:
        day = 0
        while n_events < args.events:
            t = time.perf_counter()
            batch = []
            while len(batch) < args.batch and n_events < args.events:
                day = min(DAYS - 1, int(n_events / args.events * DAYS))
                batch.append(gen.article(day))
                n_events += len(batch[-1].events)
            gen_time += time.perf_counter() - t
            t = time.perf_counter()
            store.write_many(batch, coder_version="bench", batch_size=args.batch)
            write_time += time.perf_counter() - t
        counts = store.counts()
        print(f"stored {counts['events']:,} events in {counts['articles']:,} articles "
              f"({counts['entities']:,} entity rows, {counts['places']:,} places)")
        print(f"  insert rate: {counts['events'] / write_time:,.0f} events/s "
              f"({write_time:.1f} s writing; {gen_time:.1f} s generating, not counted)")
        one = [gen.article(DAYS - 1) for _ in range(200)]
        t = time.perf_counter()
        for c in one:
            store.write_coded(c, coder_version="bench")
        per = (time.perf_counter() - t) / len(one)
        print(f"  one article per transaction: {per * 1000:.1f} ms/article "
              f"({sum(len(c.events) for c in one) / len(one) / per:,.0f} events/s)")

        t = time.perf_counter()
        n_clusters = store.recluster()
        print(f"recluster: {n_clusters:,} clusters from {store.counts()['events']:,} events "
              f"in {time.perf_counter() - t:.1f} s")
        print(store.df("SELECT max(n_mentions) AS max_mentions, avg(n_mentions) AS mean_mentions, "
                       "avg(n_outlets) AS mean_outlets FROM clusters").round(2).to_string(index=False))

        print("query latencies (best of 3):")
        timed("count by type (SQL)", lambda: store.df(
            "SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY n DESC"))
        timed("dyad weekly series RUS->UKR (mentions)",
              lambda: dyad_series(store, actor="RUS", recipient="UKR"))
        timed("dyad weekly series RUS->UKR (clusters)",
              lambda: dyad_series(store, actor="RUS", recipient="UKR", count="clusters"))
        kenya = timed("events for one actor (KEN, as Event objects)",
                      lambda: store.events(actor_country="KEN"))
        print(f"    ({len(kenya):,} events)")
        timed("events for one actor, first 100", lambda: store.events(actor_country="KEN", limit=100))
        timed("store.sql group-by country x type", lambda: store.sql(
            "SELECT actor_countries[1] AS c, event, count(*) AS n FROM events "
            "GROUP BY ALL ORDER BY n DESC LIMIT 20"))
        timed("actor network (all)", lambda: actor_network(store))
        timed("has_article (resume check)", lambda: store.has_article(one[0].article), repeat=5)
        t = time.perf_counter()
        export_events(store, Path(tmp.name) / "events.tsv", format="gdelt")
        print(f"  {'export gdelt TSV':<42} {(time.perf_counter() - t) * 1000:9.1f} ms")
        store.connection.execute("CHECKPOINT")
        n = store.counts()["events"]
    size = os.path.getsize(path)
    print(f"file size: {size / 1e6:,.1f} MB, {size / n:,.0f} bytes per event (all tables)")
    tmp.cleanup()


if __name__ == "__main__":
    main()
