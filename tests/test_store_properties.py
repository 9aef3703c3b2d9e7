"""Property tests: any valid event survives store and export unchanged."""

from __future__ import annotations

import itertools
import json

import pandas as pd
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.export import export_events
from eventwire.records import Article, CodedArticle, Entity, Event, Place
from eventwire.store import Store

# Any Unicode a news text may hold (surrogates cannot be encoded; NUL is not text).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
MAYBE_TEXT = st.none() | TEXT
CODE = st.none() | st.sampled_from(["RUS", "UKR", "USA", "IGO", "IMG", "NGO", "EUR", "chn"])
OFFSET = st.integers(min_value=0, max_value=10**9)
COORD = st.none() | st.floats(min_value=-180, max_value=180, allow_nan=False)

ENTITIES = st.builds(
    Entity, text=TEXT, start=OFFSET, end=OFFSET, name=MAYBE_TEXT, country=CODE,
    sector=st.none() | st.sampled_from(["GOV", "MIL", "REB", "CVL", "BUS", ""]),
    wikidata=st.none() | st.from_regex(r"Q[1-9][0-9]{0,8}", fullmatch=True), known=st.booleans(),
)
PLACES = st.builds(
    Place, text=TEXT, start=st.none() | OFFSET, end=st.none() | OFFSET, name=MAYBE_TEXT, country=CODE,
    admin1=MAYBE_TEXT, lat=COORD, lon=COORD, geonameid=st.none() | st.integers(1, 2**40),
    feature=st.none() | st.sampled_from(["city", "country", "region"]),
)
EVENTS = st.builds(
    Event,
    id=st.just(""), doc_id=st.just(""),
    event=st.sampled_from(["AGREE", "CONSULT", "ASSAULT", "PROTEST", "THREATEN", "AID"]),
    mode=MAYBE_TEXT,
    cameo=st.none() | st.from_regex(r"0[0-9]{1,3}|1[0-9]{2}|20[0-4]", fullmatch=True),
    quad=st.none() | st.sampled_from(["verbal cooperation", "material conflict", "VERBAL_CONFLICT"]),
    actor=st.lists(ENTITIES, max_size=3), recipient=st.lists(ENTITIES, max_size=3),
    negated=st.booleans(),
    modality=st.sampled_from(["asserted", "claimed", "threatened", "hypothetical"]),
    claimed_by=st.none() | ENTITIES, location=st.none() | PLACES,
    date=st.none() | st.dates().map(lambda d: d.isoformat()),
    event_text=TEXT, event_start=st.none() | OFFSET, event_end=st.none() | OFFSET,
    sentence=TEXT, sentence_start=st.none() | OFFSET,
    confidence=st.floats(min_value=0, max_value=1, allow_nan=False),
    context=st.lists(TEXT, max_size=3), pattern=MAYBE_TEXT, coder_version=st.none() | TEXT,
)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _coded(doc_id: str, events: list[Event]) -> CodedArticle:
    for i, e in enumerate(events):
        e.doc_id, e.id = doc_id, f"{doc_id}-e{i}"
    return CodedArticle(Article(id=doc_id, text=f"body {doc_id}", url=f"https://n.example/{doc_id}"), events)


def test_event_store_event_is_identity(tmp_path):
    ids = itertools.count()
    with Store.open(tmp_path / "p.duckdb") as store:

        @SETTINGS
        @given(st.lists(EVENTS, max_size=4))
        def check(events):
            doc_id = f"doc{next(ids)}"
            store.write_coded(_coded(doc_id, events), coder_version="p")
            back = store.events(doc_id=doc_id)
            assert back == events
            assert [e.to_dict() for e in back] == [e.to_dict() for e in events]
            assert [Event.from_dict(e.to_dict()).to_dict() for e in back] == [e.to_dict() for e in events]

        check()


def _joined(entities: list[Entity], field: str) -> str:
    return ";".join("" if getattr(e, field) is None else str(getattr(e, field)) for e in entities)


def _flat(e: Event) -> dict:
    """The flat columns as the CSV shows them (None and '' both read back as '')."""
    s = lambda v: "" if v is None else str(v)  # noqa: E731
    loc = e.location
    return {
        "id": e.id, "doc_id": e.doc_id, "date": s(e.date), "event": e.event, "mode": s(e.mode),
        "cameo": s(e.cameo), "quad": s(e.quad), "negated": str(e.negated).lower(),
        "modality": e.modality,
        "actor_country": _joined(e.actor, "country"), "actor_sector": _joined(e.actor, "sector"),
        "actor_name": _joined(e.actor, "name"), "actor_text": _joined(e.actor, "text"),
        "recipient_country": _joined(e.recipient, "country"),
        "recipient_text": _joined(e.recipient, "text"),
        "claimed_by_text": s(e.claimed_by.text if e.claimed_by else None),
        "location_name": s(loc.name if loc else None),
        "location_geonameid": s(loc.geonameid if loc else None),
        "event_text": e.event_text, "sentence": e.sentence, "pattern": s(e.pattern),
        "context": ";".join(e.context),
    }


def test_exports_read_back_equal(tmp_path):
    ids = itertools.count()
    with Store.open(tmp_path / "x.duckdb") as store:

        @settings(max_examples=25, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(st.lists(EVENTS, min_size=1, max_size=5))
        def check(events):
            for table in ("events", "entities", "places", "articles"):
                store.connection.execute(f"DELETE FROM {table}")
            doc_id = f"doc{next(ids)}"
            store.write_coded(_coded(doc_id, events), coder_version="p")
            n = next(ids)
            jsonl, csv, parquet = (tmp_path / f"{n}.{x}" for x in ("jsonl", "csv", "parquet"))
            export_events(store, jsonl, format="jsonl")
            lines = jsonl.read_text(encoding="utf-8").split("\n")[:-1]
            assert [json.loads(x) for x in lines] == [e.to_dict() for e in events]

            export_events(store, csv, format="csv")
            df = pd.read_csv(csv, dtype=str, keep_default_na=False)
            for row, e in zip(df.to_dict("records"), events, strict=True):
                expected = _flat(e)
                assert {k: row[k] for k in expected} == expected
                assert float(row["confidence"]) == e.confidence
                lat = e.location.lat if e.location else None
                assert (row["location_lat"] == "") if lat is None else float(row["location_lat"]) == lat

            export_events(store, parquet, format="parquet")
            rows = pq.read_table(parquet).to_pylist()
            for row, e in zip(rows, events, strict=True):
                assert (row["id"], row["cameo"], row["negated"], row["confidence"]) == (
                    e.id, e.cameo, e.negated, e.confidence)
                assert row["date"] == e.date and row["event_text"] == e.event_text
                assert row["location_geonameid"] == (e.location.geonameid if e.location else None)
                assert (row["actor_country"] or "") == _joined(e.actor, "country")

        check()
