"""Dedup on hand-built events that stand for short stories written for these tests."""

from __future__ import annotations

import datetime as dt

from eventwire.dedup import cluster_events
from eventwire.records import Article, CodedArticle, Entity, Event, Place
from eventwire.store import Store

KHARKIV = Place("Kharkiv", name="Kharkiv", country="UKR", lat=49.98081, lon=36.25272,
                geonameid=706483, feature="city")
ODESA = Place("Odesa", name="Odesa", country="UKR", lat=46.47747, lon=30.73262,
              geonameid=698740, feature="city")
UKRAINE = Place("Ukraine", name="Ukraine", country="UKR", geonameid=690791, feature="country")


def ent(text: str, country: str | None, sector: str | None = None) -> Entity:
    return Entity(text, 0, len(text), name=text, country=country, sector=sector)


def ev(doc_id: str, n: int, event: str, actor: list[Entity], recipient: list[Entity], date: str,
       *, location: Place | None = None, negated: bool = False, text: str = "") -> Event:
    return Event(id=f"{doc_id}-e{n}", doc_id=doc_id, event=event, mode=None, cameo=None, quad=None,
                 actor=actor, recipient=recipient, location=location, date=date, negated=negated,
                 sentence=text)


# One happening, told by three outlets in their own words.
# Northern Ledger, 4 March: "Russian artillery shelled residential districts of Kharkiv on
#   Monday, the regional governor said."
# Harbor Daily Wire, 5 March: "Apartment blocks in Kharkiv were hit overnight by shells fired
#   by Moscow's forces, residents said."
# Plains Courier, 4 March: "Ukraine's civilians came under Russian bombardment again on Monday,
#   officials said." (no city named: only the country is known)
STORY = [
    ev("ledger-1", 0, "ASSAULT", [ent("Russian artillery", "RUS", "MIL")],
       [ent("residential districts", "UKR", "CVL")], "2024-03-04", location=KHARKIV,
       text="Russian artillery shelled residential districts of Kharkiv on Monday."),
    ev("wire-7", 0, "ASSAULT", [ent("Moscow's forces", "RUS", "MIL")],
       [ent("residents", "UKR", None)], "2024-03-05", location=KHARKIV,
       text="Apartment blocks in Kharkiv were hit overnight by shells fired by Moscow's forces."),
    ev("courier-3", 2, "ASSAULT", [ent("Russian", "RUS", None)],
       [ent("Ukraine's civilians", "UKR", "CVL")], "2024-03-04", location=UKRAINE,
       text="Ukraine's civilians came under Russian bombardment again on Monday."),
]
OUTLETS = {"ledger-1": "Northern Ledger", "wire-7": "Harbor Daily Wire", "courier-3": "Plains Courier"}


def test_three_outlets_one_happening_make_one_cluster():
    clusters = cluster_events(STORY, outlets=OUTLETS)
    assert len(clusters) == 1
    c = clusters[0]
    assert (c.n_mentions, c.n_articles, c.n_outlets) == (3, 3, 3)
    assert c.first_seen == dt.date(2024, 3, 4) and c.last_seen == dt.date(2024, 3, 5)
    assert c.actor_countries == ("RUS",) and c.recipient_countries == ("UKR",)
    assert c.location_geonameid == 706483
    assert sorted(c.event_ids) == ["courier-3-e2", "ledger-1-e0", "wire-7-e0"]


def test_same_story_repeated_in_one_article_counts_one_article():
    again = ev("ledger-1", 3, "ASSAULT", [ent("Russian gunners", "RUS", "MIL")],
               [ent("Kharkiv residents", "UKR", "CVL")], "2024-03-04", location=KHARKIV)
    (c,) = cluster_events([*STORY, again], outlets=OUTLETS)
    assert (c.n_mentions, c.n_articles, c.n_outlets) == (4, 3, 3)


# Near misses: each must stay apart from the Kharkiv cluster.
# "Russian missiles struck the port of Odesa on Monday." (same day, other city)
ODESA_STRIKE = ev("ledger-2", 0, "ASSAULT", [ent("Russian missiles", "RUS", "MIL")],
                  [ent("the port", "UKR", "CVL")], "2024-03-04", location=ODESA)
# "Russian shelling hit Kharkiv again on 24 March." (same dyad and city, 20 days later)
LATER = ev("wire-9", 0, "ASSAULT", [ent("Russian shelling", "RUS", "MIL")],
           [ent("Kharkiv", "UKR", "CVL")], "2024-03-24", location=KHARKIV)
# "Ukrainian drones attacked Russian positions on Monday." (reversed dyad)
REVERSED = ev("courier-4", 0, "ASSAULT", [ent("Ukrainian drones", "UKR", "MIL")],
              [ent("Russian positions", "RUS", "MIL")], "2024-03-04")
# "Moscow accused Kyiv of shelling its own city." (other type, same day and dyad)
ACCUSATION = ev("wire-8", 0, "ACCUSE", [ent("Moscow", "RUS", "GOV")],
                [ent("Kyiv", "UKR", "GOV")], "2024-03-04", location=KHARKIV)
# "The Russian defence ministry denied that its troops had shelled Kharkiv." (negated)
DENIAL = ev("ledger-3", 0, "ASSAULT", [ent("its troops", "RUS", "MIL")],
            [ent("Kharkiv", "UKR", "CVL")], "2024-03-04", location=KHARKIV, negated=True)


def test_near_misses_stay_apart():
    near = [ODESA_STRIKE, LATER, REVERSED, ACCUSATION, DENIAL]
    clusters = cluster_events([*STORY, *near], outlets=OUTLETS)
    assert len(clusters) == 6
    by_member = {eid: c for c in clusters for eid in c.event_ids}
    main = by_member["ledger-1-e0"]
    assert main.n_mentions == 3
    for miss in near:
        assert by_member[miss.id] is not main
        assert by_member[miss.id].n_mentions == 1
    assert by_member[DENIAL.id].negated and not main.negated


def test_country_level_place_does_not_bridge_two_cities():
    kharkiv = ev("a", 0, "ASSAULT", [ent("Russia", "RUS")], [ent("Ukraine", "UKR")], "2024-03-04",
                 location=KHARKIV)
    odesa = ev("b", 0, "ASSAULT", [ent("Russia", "RUS")], [ent("Ukraine", "UKR")], "2024-03-04",
               location=ODESA)
    country = ev("c", 0, "ASSAULT", [ent("Russia", "RUS")], [ent("Ukraine", "UKR")], "2024-03-04",
                 location=UKRAINE)
    clusters = cluster_events([kharkiv, odesa, country])
    assert sorted(c.n_mentions for c in clusters) == [1, 2]


def test_other_country_place_and_missing_place():
    abroad = Place("Belgorod", name="Belgorod", country="RUS", geonameid=578072, feature="city")
    a = ev("a", 0, "ASSAULT", [ent("Russia", "RUS")], [ent("Ukraine", "UKR")], "2024-03-04",
           location=UKRAINE)
    b = ev("b", 0, "ASSAULT", [ent("Russia", "RUS")], [ent("Ukraine", "UKR")], "2024-03-04",
           location=abroad)
    nowhere = ev("c", 0, "ASSAULT", [ent("Russia", "RUS")], [ent("Ukraine", "UKR")], "2024-03-05")
    clusters = cluster_events([a, b, nowhere])
    assert sorted(c.n_mentions for c in clusters) == [1, 2]


def test_sectors_must_overlap_when_both_known():
    troops = ev("a", 0, "PROTEST", [ent("students", "KEN", "EDU")], [ent("government", "KEN", "GOV")],
                "2024-05-02")
    unions = ev("b", 0, "PROTEST", [ent("dock workers", "KEN", "BUS")], [ent("government", "KEN", "GOV")],
                "2024-05-02")
    unknown = ev("c", 0, "PROTEST", [ent("Kenyans", "KEN")], [ent("the government", "KEN", "GOV")],
                 "2024-05-03")
    clusters = cluster_events([troops, unions, unknown])
    assert sorted(c.n_mentions for c in clusters) == [1, 2]


def test_window_is_anchored_so_daily_reports_do_not_chain_forever():
    daily = [ev(f"d{i}", 0, "PROTEST", [ent("farmers", "FRA", "BUS")], [ent("Paris", "FRA", "GOV")],
                (dt.date(2024, 1, 1) + dt.timedelta(days=i)).isoformat()) for i in range(10)]
    clusters = cluster_events(daily, window_days=3)
    assert [c.n_mentions for c in clusters] == [4, 4, 2]
    assert clusters[0].first_seen == dt.date(2024, 1, 1) and clusters[0].last_seen == dt.date(2024, 1, 4)


def test_undated_events_stay_single():
    a = ev("a", 0, "AID", [ent("Japan", "JPN", "GOV")], [ent("Turkey", "TUR", "GOV")], None)
    b = ev("b", 0, "AID", [ent("Japan", "JPN", "GOV")], [ent("Turkey", "TUR", "GOV")], None)
    assert [c.n_mentions for c in cluster_events([a, b])] == [1, 1]


def test_store_recluster_sets_cluster_ids(tmp_path):
    near = [ODESA_STRIKE, LATER, REVERSED, ACCUSATION, DENIAL]
    by_doc: dict[str, list[Event]] = {}
    for e in [*STORY, *near]:
        by_doc.setdefault(e.doc_id, []).append(e)
    with Store.open(tmp_path / "s.duckdb") as store:
        for doc_id, events in by_doc.items():
            outlet = {"ledger": "Northern Ledger", "wire": "Harbor Daily Wire",
                      "courier": "Plains Courier"}[doc_id.split("-")[0]]
            art = Article(id=doc_id, text=f"story {doc_id}", url=f"https://news.example/{doc_id}",
                          outlet=outlet)
            store.write_coded(CodedArticle(art, events), coder_version="t1")
        assert store.recluster() == 6
        rows = store.df("SELECT n_mentions, n_articles, n_outlets FROM clusters "
                        "ORDER BY n_mentions DESC").values.tolist()
        assert rows[0] == [3, 3, 3] and all(r == [1, 1, 1] for r in rows[1:])
        ids = dict(store.df("SELECT id, cluster_id FROM events").values.tolist())
        assert ids["ledger-1-e0"] == ids["wire-7-e0"] == ids["courier-3-e2"]
        assert len(set(ids.values())) == 6
        # Reclustering again replaces, never appends.
        assert store.recluster() == 6
        assert store.counts()["clusters"] == 6
