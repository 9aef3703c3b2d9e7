"""The DuckDB store on real files: migrations, the write path, readers, the SQL guard."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.errors import ReadOnlyQueryError, StoreError
from eventwire.migrations import Migration, discover
from eventwire.records import Article, CodedArticle, Entity, Event, Failure, Place, Quote, Span
from eventwire.store import Store

KYIV = Place("Kyiv", 10, 14, name="Kyiv", country="UKR", admin1="Kyiv City", lat=50.45466,
             lon=30.5238, geonameid=703448, feature="city")


def article(doc_id: str, *, text: str | None = None, url: str | None = "auto",
            outlet: str = "Harbor Daily Wire") -> Article:
    return Article(id=doc_id, text=text or f"Text of {doc_id}.", title=f"Title {doc_id}",
                   date=dt.date(2024, 3, 4), url=f"https://news.example/{doc_id}" if url == "auto" else url,
                   outlet=outlet, language="en", source=f"{doc_id}.html")


def event(doc_id: str, n: int, *, kind: str = "ASSAULT", cameo: str = "190", date: str = "2024-03-04",
          actor: str = "RUS", recipient: str = "UKR") -> Event:
    return Event(
        id=f"{doc_id}-e{n}", doc_id=doc_id, event=kind, mode=None, cameo=cameo, quad="material conflict",
        actor=[Entity("Russian troops", 0, 14, name="Russia", country=actor, sector="MIL", known=True)],
        recipient=[Entity("Ukrainian villagers", 20, 39, country=recipient, sector="CVL")],
        location=KYIV, date=date, event_text="shelled", event_start=15, event_end=22,
        sentence="Russian troops shelled Ukrainian villagers.", sentence_start=0, confidence=0.8,
        context=["military"], pattern="test-pattern", coder_version="v1",
    )


def coded(doc_id: str, n_events: int = 2, **kw) -> CodedArticle:
    quotes = [Quote(f"{doc_id}-q0", doc_id, "We will respond", 0, 15, True,
                    speaker=Entity("the minister", 30, 42, country="UKR", sector="GOV"),
                    cue=Span("said", 25, 29))]
    return CodedArticle(article(doc_id, **kw), [event(doc_id, i) for i in range(n_events)], quotes,
                        n_sentences=3, n_words=40)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "events.duckdb") as s:
        yield s


def test_open_applies_migrations_once(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store.open(path) as s:
        assert [name for name, _ in s.migrations_applied()] == [m.name for m in discover()]
    with Store.open(path) as s:
        assert len(s.migrations_applied()) == len(discover())


def test_later_migration_is_applied_exactly_once(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store.open(path):
        pass

    def add_notes(conn):
        conn.execute("CREATE TABLE notes (note VARCHAR)")
        conn.execute("INSERT INTO notes VALUES ('added by m9999')")

    later = [*discover(), Migration("m9999_notes", add_notes)]
    for _ in range(2):
        with Store.open(path, migrations=later) as s:
            assert [n for n, _ in s.migrations_applied()][-1] == "m9999_notes"
            assert s.df("SELECT count(*) AS n FROM notes")["n"][0] == 1
    # The code that does not know m9999 refuses the newer file instead of guessing.
    with pytest.raises(StoreError):
        Store.open(path)


def test_failed_migration_leaves_nothing_behind(tmp_path):
    def broken(conn):
        conn.execute("CREATE TABLE half (x INTEGER)")
        conn.execute("THIS IS NOT SQL")

    with pytest.raises(Exception):
        Store.open(tmp_path / "b.duckdb", migrations=[*discover(), Migration("m9998_broken", broken)])
    with Store.open(tmp_path / "b.duckdb") as s:
        assert "half" not in {r[0] for r in s.sql("SHOW TABLES")[1]}


def test_read_only_open(tmp_path):
    with pytest.raises(StoreError):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    path = tmp_path / "ro.duckdb"
    with Store.open(path) as s:
        s.write_coded(coded("a"), coder_version="v1")
    with Store.open(path, read_only=True) as ro:
        assert len(ro.events()) == 2
        with pytest.raises(StoreError):
            ro.write_coded(coded("b"), coder_version="v1")


def test_write_then_read_back_exactly(store):
    c = coded("a", 3)
    c.events[1].cameo = "042"
    c.events[2].actor = []
    c.events[2].location = None
    c.events[2].claimed_by = Entity("Kremlin spokesman", 50, 67, country="RUS", sector="GOV")
    result = store.write_coded(c, coder_version="v1")
    assert (result.status, result.n_events, result.n_quotes) == ("inserted", 3, 1)
    assert store.events(doc_id="a") == c.events
    assert [e.to_dict() for e in store.events()] == [e.to_dict() for e in c.events]
    assert store.events(doc_id="a")[1].cameo == "042"
    assert store.quotes(doc_id="a") == c.quotes
    counts = store.counts()
    # entities: 3 actors (one event has none... it has 0) + 3 recipients + 1 claimed_by
    assert counts["entities"] == 2 + 3 + 1
    assert counts["places"] == 2


def test_same_version_is_skipped_other_version_replaces(store):
    assert store.write_coded(coded("a", 3), coder_version="v1").status == "inserted"
    before = store.counts()
    assert store.write_coded(coded("a", 3), coder_version="v1").status == "skipped"
    assert store.counts() == before
    result = store.write_coded(coded("a", 1), coder_version="v2")
    assert (result.status, result.replaced_doc_id) == ("replaced", "a")
    after = store.counts()
    assert (after["articles"], after["events"], after["entities"], after["places"], after["quotes"]) == (1, 1, 2, 1, 1)
    assert store.df("SELECT coder_version FROM articles")["coder_version"].tolist() == ["v2"]


def test_identity_is_url_else_content_hash(store):
    store.write_coded(coded("a", url=None, text="Same words."), coder_version="v1")
    # Same text, no url, new id: the same article.
    assert store.write_coded(coded("b", url=None, text="Same words."), coder_version="v1").status == "skipped"
    # Same url, different id and text: the same article again.
    store.write_coded(coded("c", url="https://news.example/c"), coder_version="v1")
    assert store.write_coded(coded("d", url="https://news.example/c", text="Edited."),
                             coder_version="v1").status == "skipped"
    # Same text at another url (a syndicated copy) is another article.
    assert store.write_coded(coded("e", text="Same words."), coder_version="v1").status == "inserted"
    assert store.has_article(article("b", url=None, text="Same words."))
    assert store.has_article(article("c"), coder_version="v1")
    assert not store.has_article(article("c"), coder_version="v2")
    assert not store.has_article(article("zzz"))


def test_write_many_batches_and_duplicates_in_one_batch(store):
    items = [coded(f"doc{i:03d}", i % 4) for i in range(120)]
    items.append(coded("doc005", 1))  # the same article again, later in the same call
    result = store.write_many(items, coder_version="v1", batch_size=50)
    assert result.count("inserted") == 120 and result.count("skipped") == 1
    assert store.counts()["articles"] == 120
    assert store.counts()["events"] == sum(i % 4 for i in range(120))
    again = store.write_many(items, coder_version="v1", batch_size=50)
    assert again.count("skipped") == 121 and store.counts()["articles"] == 120


def test_a_failing_batch_stores_nothing(store):
    bad = coded("bad", 1)
    bad.events[0].actor[0].start = 2**70  # cannot be stored: the whole batch must roll back
    with pytest.raises(StoreError):
        store.write_many([coded("ok1"), coded("ok2"), bad], coder_version="v1")
    assert store.counts()["articles"] == 0 and store.counts()["events"] == 0
    assert store.write_coded(coded("ok1"), coder_version="v1").status == "inserted"


def test_event_doc_id_must_match_article(store):
    c = coded("a")
    c.events[0].doc_id = "other"
    with pytest.raises(StoreError):
        store.write_coded(c, coder_version="v1")


def test_readers_filter(store):
    store.write_coded(CodedArticle(article("a"), [event("a", 0), event("a", 1, kind="ACCUSE", cameo="112")]),
                      coder_version="v1")
    store.write_coded(CodedArticle(article("b"), [event("b", 0, date="2024-04-01", actor="USA")]),
                      coder_version="v1")
    assert [e.id for e in store.events(actor_country="RUS")] == ["a-e0", "a-e1"]
    assert [e.id for e in store.events(event="ACCUSE")] == ["a-e1"]
    assert [e.id for e in store.events(since="2024-03-10")] == ["b-e0"]
    assert [e.id for e in store.events(until=dt.date(2024, 3, 4))] == ["a-e0", "a-e1"]
    assert len(store.events(limit=1)) == 1
    assert [a.id for a in store.articles()] == ["a", "b"]
    assert store.articles()[0].outlet == "Harbor Daily Wire"
    store.write_failure(Failure("c", "c.html", "ingest", "E101", "empty document"))
    assert store.failures() == [Failure("c", "c.html", "ingest", "E101", "empty document")]
    assert store.df("SELECT count(*) AS n FROM entities WHERE role = 'actor' AND country = 'RUS'")["n"][0] == 2
    assert store.relation("SELECT event FROM events ORDER BY event").fetchall()[0] == ("ACCUSE",)


def test_runs_are_recorded(store):
    run_id = store.start_run(inputs=["feed.jsonl"])
    store.finish_run(run_id, counts={"articles": 3})
    row = store.df("SELECT inputs, counts, finished IS NOT NULL AS done FROM runs").iloc[0]
    assert (row["inputs"], row["counts"], bool(row["done"])) == ('["feed.jsonl"]', '{"articles": 3}', True)


@pytest.mark.parametrize("query", [
    "DELETE FROM events",
    "INSERT INTO failures VALUES (NULL, NULL, 'x', 'E000', 'x', now())",
    "DROP TABLE events",
    "SELECT 1; DELETE FROM events",
    "WITH x AS (SELECT 1) INSERT INTO runs SELECT 'r', now(), NULL, NULL, NULL",
    "COPY events TO '/tmp/leak.csv'",
    "ATTACH '/tmp/other.duckdb'",
    "SET threads = 1",
    "PRAGMA enable_profiling",
    "CALL checkpoint()",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM '/etc/hosts.csv'",
    "EXPLAIN ANALYZE DELETE FROM events",
    "UPDATE events SET event = 'AID'",
])
def test_sql_refuses_anything_that_writes_or_reads_files(store, query):
    store.write_coded(coded("a"), coder_version="v1")
    with pytest.raises(ReadOnlyQueryError) as err:
        store.sql(query)
    assert err.value.code == "E401"
    assert store.counts()["events"] == 2 and store.counts()["failures"] == 0


def test_sql_answers_reads(store):
    store.write_coded(coded("a"), coder_version="v1")
    cols, rows = store.sql("SELECT event, count(*) AS n FROM events GROUP BY event")
    assert cols == ["event", "n"] and rows == [("ASSAULT", 2)]
    assert store.sql("WITH x AS (SELECT doc_id FROM articles) SELECT * FROM x")[1] == [("a",)]
    assert "column_name" in store.sql("DESCRIBE events")[0]
    assert ("events",) in store.sql("SHOW TABLES")[1]
    assert store.sql("EXPLAIN SELECT * FROM events")[1]
    assert store.sql("PRAGMA table_info('events')")[1]
    assert store.sql("SELECT * FROM range(3)")[1] == [(0,), (1,), (2,)]
