"""Exports read back as written (codes keep their zeros), and the dyad/network queries."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pyarrow.parquet as pq
import pytest

from eventwire.errors import StoreError
from eventwire.export import export_events, export_quotes
from eventwire.query import actor_network, dyad_series
from eventwire.records import Article, CodedArticle, Entity, Event, Place, Quote, Span
from eventwire.store import Store

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Name", "Actor1CountryISO3",
    "Actor1Type1Code", "Actor2Name", "Actor2CountryISO3", "Actor2Type1Code", "EventCode",
    "EventBaseCode", "EventRootCode", "QuadClass", "NumMentions", "NumArticles", "NumSources",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryISO3", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
    "PLOVER_Event", "PLOVER_Mode", "Negated", "Modality", "ClaimedBy", "ClaimedByCountryISO3",
    "Confidence", "ClusterID", "DocID", "EventwireID",
]
ODESA = Place("Odesa", 40, 45, name="Odesa", country="UKR", admin1="Odesa Oblast", lat=46.47747,
              lon=30.73262, geonameid=698740, feature="city")


def ent(text, country, sector=None, name=None):
    return Entity(text, 0, len(text), name=name, country=country, sector=sector)


def ev(doc_id, n, kind, cameo, quad, actors, recipients, date, **kw):
    return Event(id=f"{doc_id}-e{n}", doc_id=doc_id, event=kind, mode=kw.pop("mode", None), cameo=cameo,
                 quad=quad, actor=actors, recipient=recipients, date=date, **kw)


@pytest.fixture
def store(tmp_path):
    # Two outlets report a Russian missile strike on Odesa; a third article has a threat
    # with a CAMEO code that starts with zero, told through a spokesman.
    docs = [
        ("ledger-1", "Northern Ledger", [
            ev("ledger-1", 0, "ASSAULT", "195", "material conflict",
               [ent("Russian missiles", "RUS", "MIL", "Russia")], [ent("the port", "UKR", "BUS")],
               "2024-03-04", location=ODESA, mode="aerial", confidence=0.9),
            ev("ledger-1", 1, "CONSULT", "042", "verbal cooperation",
               [ent("Ukraine's president", "UKR", "GOV")], [ent("Turkey", "TUR", "GOV")], "2024-03-05"),
        ]),
        ("wire-2", "Harbor Daily Wire", [
            ev("wire-2", 0, "ASSAULT", "195", "MATERIAL_CONFLICT",
               [ent("Moscow's forces", "RUS", "MIL")], [ent("Odesa port", "UKR")], "2024-03-05",
               location=ODESA),
        ]),
        ("courier-3", "Plains Courier", [
            ev("courier-3", 0, "THREATEN", "0311", "verbal conflict",
               [ent("Kremlin", "RUS", "GOV")], [ent("Kyiv", "UKR", "GOV"), ent("NATO", "IGO", "IGO")],
               "2024-03-20", negated=False, modality="claimed",
               claimed_by=ent("a Kremlin spokesman", "RUS", "GOV"), context=["military", "diplomacy"]),
        ]),
    ]
    with Store.open(tmp_path / "x.duckdb") as s:
        for doc_id, outlet, events in docs:
            art = Article(id=doc_id, text=f"text of {doc_id}", url=f"https://news.example/{doc_id}",
                          outlet=outlet, date=dt.date(2024, 3, 4))
            quotes = [Quote(f"{doc_id}-q0", doc_id, "«Nous répondrons»", 0, 17, True,
                            speaker=ent("the minister", "UKR", "GOV"), cue=Span("said", 20, 24))]
            s.write_coded(CodedArticle(art, events, quotes), coder_version="v1")
        s.recluster()
        yield s


def test_jsonl_is_exactly_event_to_dict(store, tmp_path):
    path = tmp_path / "e.jsonl"
    assert export_events(store, path, format="jsonl") == 4
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == [e.to_dict() for e in store.events()]
    assert [line["cameo"] for line in lines] == ["0311", "195", "042", "195"]


def test_csv_keeps_codes_as_strings(store, tmp_path):
    path = tmp_path / "e.csv"
    export_events(store, path, format="csv")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert df["cameo"].tolist() == ["0311", "195", "042", "195"]
    row = df.set_index("id").loc["courier-3-e0"]
    assert row["recipient_country"] == "UKR;IGO" and row["claimed_by_name"] == ""
    assert row["claimed_by_text"] == "a Kremlin spokesman" and row["context"] == "military;diplomacy"
    assert row["outlet"] == "Plains Courier"


def test_parquet_has_typed_flat_columns(store, tmp_path):
    path = tmp_path / "e.parquet"
    export_events(store, path, format="parquet")
    rows = {r["id"]: r for r in pq.read_table(path).to_pylist()}
    assert rows["ledger-1-e1"]["cameo"] == "042"
    assert rows["ledger-1-e0"]["location_geonameid"] == 698740
    assert rows["ledger-1-e0"]["location_lat"] == 46.47747
    assert rows["ledger-1-e0"]["negated"] is False
    assert rows["ledger-1-e0"]["cluster_id"] == rows["wire-2-e0"]["cluster_id"]


def test_gdelt_tsv(store, tmp_path):
    path = tmp_path / "e.tsv"
    export_events(store, path, format="gdelt")
    df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert list(df.columns) == GDELT_COLUMNS
    rows = df.set_index("EventwireID")
    strike = rows.loc["ledger-1-e0"]
    assert (strike["SQLDATE"], strike["Actor1Name"], strike["Actor1CountryISO3"]) == ("20240304", "Russia", "RUS")
    assert (strike["Actor1Type1Code"], strike["Actor2CountryISO3"], strike["Actor2Type1Code"]) == ("MIL", "UKR", "BUS")
    assert (strike["EventCode"], strike["EventRootCode"], strike["QuadClass"]) == ("195", "19", "4")
    # The strike was reported by two outlets: the cluster counts carry over.
    assert (strike["NumMentions"], strike["NumArticles"], strike["NumSources"]) == ("2", "2", "2")
    assert strike["ActionGeo_FullName"] == "Odesa, Odesa Oblast, UKR"
    assert (strike["ActionGeo_CountryISO3"], strike["ActionGeo_FeatureID"], strike["ActionGeo_Type"]) == ("UKR", "698740", "4")
    assert float(strike["ActionGeo_Lat"]) == 46.47747 and float(strike["ActionGeo_Long"]) == 30.73262
    assert strike["SOURCEURL"] == "https://news.example/ledger-1" and strike["PLOVER_Mode"] == "aerial"
    assert rows.loc["wire-2-e0"]["QuadClass"] == "4"  # "MATERIAL_CONFLICT" spelled another way
    consult = rows.loc["ledger-1-e1"]
    assert (consult["EventCode"], consult["EventBaseCode"], consult["EventRootCode"]) == ("042", "042", "04")
    assert consult["QuadClass"] == "1" and consult["NumSources"] == "1"
    threat = rows.loc["courier-3-e0"]
    assert (threat["EventCode"], threat["EventBaseCode"], threat["EventRootCode"]) == ("0311", "031", "03")
    assert (threat["ClaimedBy"], threat["Modality"], threat["Negated"]) == ("a Kremlin spokesman", "claimed", "0")
    assert df["GLOBALEVENTID"].tolist() == ["1", "2", "3", "4"]


def test_quotes_exports(store, tmp_path):
    assert export_quotes(store, tmp_path / "q.jsonl", format="jsonl") == 3
    lines = [json.loads(x) for x in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    assert lines == [q.to_dict() for q in store.quotes()]
    assert lines[0]["text"] == "«Nous répondrons»"
    export_quotes(store, tmp_path / "q.csv", format="csv")
    df = pd.read_csv(tmp_path / "q.csv", dtype=str, keep_default_na=False)
    assert df["speaker_country"].tolist() == ["UKR"] * 3 and df["cue_text"].tolist() == ["said"] * 3
    export_quotes(store, tmp_path / "q.parquet", format="parquet")
    assert pq.read_table(tmp_path / "q.parquet").num_rows == 3


def test_unknown_format_is_refused(store, tmp_path):
    with pytest.raises(StoreError):
        export_events(store, tmp_path / "x", format="xml")


def test_dyad_series_fills_empty_weeks(store):
    weekly = dyad_series(store, actor="RUS", recipient="UKR")
    assert weekly["period"].dt.strftime("%Y-%m-%d").tolist() == ["2024-03-04", "2024-03-11", "2024-03-18"]
    assert weekly["count"].tolist() == [2, 0, 1]
    by_cluster = dyad_series(store, actor="RUS", recipient="UKR", event="ASSAULT", count="clusters")
    assert by_cluster["count"].tolist() == [1]
    assert dyad_series(store, actor="UKR", recipient="RUS").empty


def test_actor_network(store):
    net = actor_network(store)
    edges = {(r.source, r.target): r for r in net.itertuples()}
    assert edges[("RUS", "UKR")].weight == 3 and edges[("RUS", "UKR")].ASSAULT == 2
    assert edges[("RUS", "UKR")].THREATEN == 1 and edges[("RUS", "IGO")].weight == 1
    assert edges[("UKR", "TUR")].CONSULT == 1
    assert net.iloc[0]["source"] == "RUS" and net.iloc[0]["target"] == "UKR"
    clusters = actor_network(store, count="clusters", event="ASSAULT")
    assert clusters.to_dict("records") == [{"source": "RUS", "target": "UKR", "weight": 1, "ASSAULT": 1}]
    assert actor_network(store, since="2024-03-10")["weight"].sum() == 2
