"""The DuckDB store: one file holding articles, events, quotes, failures and clusters.

There is one write path, :meth:`Store.write_coded` / :meth:`Store.write_many`; each
article (or batch) is written in one transaction, so a run killed at any moment
loses at most what was in flight, and re-running skips what is already stored.
Schema and columns: docs/store.md.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import duckdb
import pyarrow as pa

from .errors import ReadOnlyQueryError, StoreError
from .migrations import Migration, discover
from .records import Article, CodedArticle, Entity, Event, Failure, Place, Quote, Span

_ENTITY = pa.struct(
    [("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("name", pa.string()),
     ("country", pa.string()), ("sector", pa.string()), ("wikidata", pa.string()),
     ("known", pa.bool_())]
)
_PLACE = pa.struct(
    [("text", pa.string()), ("start", pa.int64()), ("end", pa.int64()), ("name", pa.string()),
     ("country", pa.string()), ("admin1", pa.string()), ("lat", pa.float64()),
     ("lon", pa.float64()), ("geonameid", pa.int64()), ("feature", pa.string())]
)
_SPAN = pa.struct([("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())])
_S = pa.string()

# Staging schemas: what Python hands to DuckDB; derived columns are computed in SQL.
_EVENT_STAGE = pa.schema(
    [("id", _S), ("doc_id", _S), ("ord", pa.int32()), ("event", _S), ("mode", _S),
     ("cameo", _S), ("quad", _S), ("actor", pa.list_(_ENTITY)), ("recipient", pa.list_(_ENTITY)),
     ("negated", pa.bool_()), ("modality", _S), ("claimed_by", _ENTITY), ("location", _PLACE),
     ("date", _S), ("event_text", _S), ("event_start", pa.int64()), ("event_end", pa.int64()),
     ("sentence", _S), ("sentence_start", pa.int64()), ("confidence", pa.float64()),
     ("context", pa.list_(_S)), ("pattern", _S), ("coder_version", _S)]
)
_QUOTE_STAGE = pa.schema(
    [("id", _S), ("doc_id", _S), ("ord", pa.int32()), ("text", _S), ("start", pa.int64()),
     ("end", pa.int64()), ("direct", pa.bool_()), ("speaker", _ENTITY), ("cue", _SPAN)]
)
_ARTICLE_STAGE = pa.schema(
    [("doc_id", _S), ("url", _S), ("content_hash", _S), ("title", _S), ("date", pa.date32()),
     ("outlet", _S), ("source", _S), ("language", _S), ("coder_version", _S),
     ("coded_at", pa.timestamp("us")), ("n_sentences", pa.int32()), ("n_words", pa.int32()),
     ("n_events", pa.int32()), ("n_quotes", pa.int32()), ("pos", pa.int32())]
)

_EVENT_COLUMNS = [f.name for f in _EVENT_STAGE if f.name != "ord"]
_COUNTRIES = "list_sort(list_distinct(list_transform({0}, lambda x: x.{1})))"

_INSERT_EVENTS = f"""
INSERT INTO events BY NAME
SELECT s.*, try_cast(left(s.date, 10) AS DATE) AS event_date,
       {_COUNTRIES.format('s.actor', 'country')} AS actor_countries,
       {_COUNTRIES.format('s.actor', 'sector')} AS actor_sectors,
       {_COUNTRIES.format('s.recipient', 'country')} AS recipient_countries,
       {_COUNTRIES.format('s.recipient', 'sector')} AS recipient_sectors,
       s.claimed_by.country AS claimed_by_country, s.claimed_by.sector AS claimed_by_sector,
       s.location.name AS location_name, s.location.country AS location_country,
       s.location.geonameid AS location_geonameid, s.location.lat AS location_lat,
       s.location.lon AS location_lon
FROM stage_events s
"""
_INSERT_ENTITIES = """
INSERT INTO entities BY NAME
SELECT id AS event_id, doc_id, role, idx, e.text, e.start, e."end", e.name, e.country,
       e.sector, e.wikidata, e.known
FROM (
    SELECT id, doc_id, 'actor' AS role, unnest(actor) AS e,
           unnest(generate_series(0, len(actor) - 1)) AS idx FROM stage_events
    UNION ALL
    SELECT id, doc_id, 'recipient', unnest(recipient), unnest(generate_series(0, len(recipient) - 1))
    FROM stage_events
    UNION ALL
    SELECT id, doc_id, 'claimed_by', claimed_by, 0 FROM stage_events WHERE claimed_by IS NOT NULL
)
"""
_INSERT_PLACES = """
INSERT INTO places BY NAME
SELECT id AS event_id, doc_id, location.* FROM stage_events WHERE location IS NOT NULL
"""
_INSERT_QUOTES = """
INSERT INTO quotes BY NAME
SELECT s.*, s.speaker.text AS speaker_text, s.speaker.name AS speaker_name,
       s.speaker.country AS speaker_country, s.speaker.sector AS speaker_sector,
       s.speaker.wikidata AS speaker_wikidata
FROM stage_quotes s
"""
# The stored article that a new one is "the same" as: same doc_id, or same url, or
# (when the new one has no url) the same text.
_MATCH_EXISTING = """
SELECT k.pos, a.doc_id, a.coder_version FROM stage_articles k JOIN articles a ON a.doc_id = k.doc_id
UNION
SELECT k.pos, a.doc_id, a.coder_version FROM stage_articles k JOIN articles a ON a.url = k.url
UNION
SELECT k.pos, a.doc_id, a.coder_version FROM stage_articles k
  JOIN articles a ON a.content_hash = k.content_hash WHERE k.url IS NULL
"""
_CHILD_TABLES = ("events", "entities", "places", "quotes", "articles")


@dataclass(frozen=True, slots=True)
class WriteResult:
    """What happened to one article: ``status`` is inserted, replaced or skipped."""

    doc_id: str
    status: str
    n_events: int = 0
    n_quotes: int = 0
    replaced_doc_id: str | None = None


@dataclass(slots=True)
class BatchResult:
    """Totals of a :meth:`Store.write_many` call, with one result per article."""

    results: list[WriteResult] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)

    @property
    def n_events(self) -> int:
        return sum(r.n_events for r in self.results if r.status != "skipped")


class Store:
    """An eventwire DuckDB file. Use :meth:`open`; close it or use it as a context manager."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path, *, read_only: bool):
        self._conn = conn
        self._staged: list[str] = []
        self.path = path
        self.read_only = read_only

    # --- opening and migrations -------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        migrations: Sequence[Migration] | None = None,
    ) -> "Store":
        """Open (creating it if needed) the store at ``path`` and bring its schema up to date.

        ``migrations`` defaults to those shipped in :mod:`eventwire.migrations`.
        """
        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"no store at {path}")
        try:
            conn = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        store = cls(conn, path, read_only=read_only)
        try:
            store._migrate(list(discover() if migrations is None else migrations))
        except BaseException:
            conn.close()
            raise
        return store

    def _migrate(self, migrations: list[Migration]) -> None:
        names = [m.name for m in migrations]
        if names != sorted(set(names)):
            raise StoreError("migration names must be unique and listed in order")
        if not self.read_only:
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
            )
        applied = {r[0] for r in self._query_or_empty("SELECT name FROM schema_migrations")}
        unknown = applied - set(names)
        if unknown:
            raise StoreError(
                f"{self.path} was migrated by a newer eventwire ({', '.join(sorted(unknown))})"
            )
        pending = [m for m in migrations if m.name not in applied]
        if pending and self.read_only:
            raise StoreError(f"{self.path} needs migrations {[m.name for m in pending]}; "
                             "open it once read-write")
        for migration in pending:
            with self._transaction():
                migration.apply(self._conn)
                self._conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?)", [migration.name, _now()]
                )

    def _query_or_empty(self, sql: str) -> list[tuple]:
        try:
            return self._conn.execute(sql).fetchall()
        except duckdb.CatalogException:
            return []

    def migrations_applied(self) -> list[tuple[str, _dt.datetime]]:
        return self._conn.execute(
            "SELECT name, applied_at FROM schema_migrations ORDER BY name"
        ).fetchall()

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for modules that build their own SQL (dedup, export)."""
        return self._conn

    class _Tx:
        def __init__(self, conn: duckdb.DuckDBPyConnection):
            self.conn = conn

        def __enter__(self) -> None:
            self.conn.begin()

        def __exit__(self, exc_type: object, *rest: object) -> None:
            if exc_type is None:
                self.conn.commit()
            else:
                self.conn.rollback()

    def _transaction(self) -> "Store._Tx":
        return Store._Tx(self._conn)

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")

    # --- writing ----------------------------------------------------------------------
    def write_coded(self, coded: CodedArticle, *, coder_version: str) -> WriteResult:
        """Store one coded article in one transaction (skip, insert or replace)."""
        return self.write_many([coded], coder_version=coder_version).results[0]

    def write_many(
        self, coded: Iterable[CodedArticle], *, coder_version: str, batch_size: int = 500
    ) -> BatchResult:
        """Store many articles, one transaction per ``batch_size`` articles.

        A batch is all-or-nothing. Within and across batches an article already stored
        with the same ``coder_version`` is skipped; with another version its rows are
        replaced.
        """
        self._check_writable()
        total = BatchResult()
        batch: list[CodedArticle] = []
        for item in coded:
            batch.append(item)
            if len(batch) >= batch_size:
                total.results.extend(self._write_batch(batch, coder_version))
                batch = []
        if batch:
            total.results.extend(self._write_batch(batch, coder_version))
        return total

    def _write_batch(self, batch: list[CodedArticle], coder_version: str) -> list[WriteResult]:
        results: list[WriteResult | None] = [None] * len(batch)
        keep: dict[tuple[str, str], int] = {}  # identity -> position, last one wins in a batch
        for pos, coded in enumerate(batch):
            art = coded.article
            for ev in coded.events:
                if ev.doc_id != art.id:
                    raise StoreError(f"event {ev.id} has doc_id {ev.doc_id}, article is {art.id}",
                                     doc_id=art.id, source=art.source)
            key = ("url", art.url) if art.url else ("hash", art.content_hash)
            if key in keep:  # the same article twice in one batch: keep the later copy
                results[keep[key]] = WriteResult(batch[keep[key]].article.id, "skipped")
            keep[key] = pos
        positions = sorted(keep.values())
        coded_at = _now()
        articles = pa.Table.from_pylist(
            [_article_row(batch[p], p, coder_version, coded_at) for p in positions],
            schema=_ARTICLE_STAGE,
        )
        conn = self._conn
        # Views on Arrow tables are dropped only after the transaction has ended: an
        # aborted transaction refuses every statement, unregister included.
        self._staged = ["stage_articles"]
        conn.register("stage_articles", articles)
        try:
            with self._transaction():
                existing: dict[int, list[tuple[str, str]]] = {}
                for pos, doc_id, version in conn.execute(_MATCH_EXISTING).fetchall():
                    existing.setdefault(pos, []).append((doc_id, version))
                to_write, to_delete = [], []
                for pos in positions:
                    doc_id = batch[pos].article.id
                    olds = existing.get(pos, [])
                    if olds and all(v == coder_version for _, v in olds):
                        results[pos] = WriteResult(doc_id, "skipped")
                        continue
                    to_delete.extend(d for d, _ in olds)
                    to_write.append(pos)
                    coded = batch[pos]
                    results[pos] = WriteResult(
                        doc_id, "replaced" if olds else "inserted", len(coded.events),
                        len(coded.quotes), olds[0][0] if olds else None,
                    )
                if to_delete:
                    self._delete_docs(sorted(set(to_delete)))
                if to_write:
                    self._insert(batch, to_write)
        except (duckdb.Error, pa.ArrowException, OverflowError, TypeError, ValueError) as exc:
            first = batch[0].article
            raise StoreError(f"batch of {len(batch)} article(s) from {first.id} not stored: {exc}",
                             doc_id=first.id, source=first.source) from exc
        finally:
            for name in self._staged:
                conn.unregister(name)
        return [r for r in results if r is not None]

    def _stage(self, name: str, table: pa.Table) -> None:
        self._conn.register(name, table)
        self._staged.append(name)

    def _delete_docs(self, doc_ids: list[str]) -> None:
        self._stage("stage_delete", pa.table({"doc_id": pa.array(doc_ids, _S)}))
        for table in _CHILD_TABLES:
            self._conn.execute(
                f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM stage_delete)"
            )

    def _insert(self, batch: list[CodedArticle], positions: list[int]) -> None:
        conn = self._conn
        conn.execute(
            "INSERT INTO articles BY NAME SELECT * EXCLUDE (pos) FROM stage_articles "
            "WHERE pos IN (SELECT unnest(?::INTEGER[]))",
            [positions],
        )
        events = [_event_row(ev, i) for p in positions for i, ev in enumerate(batch[p].events)]
        if events:
            self._stage("stage_events", pa.Table.from_pylist(events, schema=_EVENT_STAGE))
            conn.execute(_INSERT_EVENTS)
            conn.execute(_INSERT_ENTITIES)
            conn.execute(_INSERT_PLACES)
        quotes = [_quote_row(q, i) for p in positions for i, q in enumerate(batch[p].quotes)]
        if quotes:
            self._stage("stage_quotes", pa.Table.from_pylist(quotes, schema=_QUOTE_STAGE))
            conn.execute(_INSERT_QUOTES)

    def write_failure(self, failure: Failure) -> None:
        """Record a document that could not be coded (never silently dropped)."""
        self._check_writable()
        self._conn.execute(
            "INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?)",
            [failure.doc_id, failure.source, failure.stage, failure.code, failure.reason, _now()],
        )

    def has_article(self, article: Article, *, coder_version: str | None = None) -> bool:
        """Whether ``article`` is stored (with ``coder_version``, when given): lets a run resume."""
        if article.url:
            where, arg = "(url = ? OR doc_id = ?)", [article.url, article.id]
        else:
            where, arg = "(content_hash = ? OR doc_id = ?)", [article.content_hash, article.id]
        if coder_version is not None:
            where += " AND coder_version = ?"
            arg.append(coder_version)
        return bool(self._conn.execute(f"SELECT count(*) FROM articles WHERE {where}", arg).fetchall()[0][0])

    # --- runs ---------------------------------------------------------------------------
    def start_run(self, *, inputs: Sequence[str] = ()) -> str:
        self._check_writable()
        run_id = uuid.uuid4().hex
        self._conn.execute("INSERT INTO runs VALUES (?, ?, NULL, ?, NULL)",
                           [run_id, _now(), json.dumps(list(inputs), ensure_ascii=False)])
        return run_id

    def finish_run(self, run_id: str, *, counts: dict[str, int]) -> None:
        self._check_writable()
        self._conn.execute("UPDATE runs SET finished = ?, counts = ? WHERE run_id = ?",
                           [_now(), json.dumps(counts, sort_keys=True), run_id])

    # --- reading --------------------------------------------------------------------------
    def events(
        self,
        *,
        actor_country: str | None = None,
        event: str | None = None,
        doc_id: str | None = None,
        doc_ids: Sequence[str] | None = None,
        since: str | _dt.date | None = None,
        until: str | _dt.date | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Stored events, in article then sentence order, exactly as they were written."""
        where, args = date_filters(since, until)
        if actor_country is not None:
            where.append("list_contains(actor_countries, ?)")
            args.append(actor_country)
        sql = f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events"
        sql += _where_clause(where, args, (("event", event), ("doc_id", doc_id)), doc_ids)
        sql += " ORDER BY doc_id, ord"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [_event_from_row(row) for row in self._conn.execute(sql, args).fetchall()]

    def iter_events(self, *, batch_rows: int = 50_000) -> Iterator[Event]:
        """All events, streamed in batches (for exports of large stores)."""
        cur = self._conn.cursor()
        try:
            cur.execute(f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events ORDER BY doc_id, ord")
            while rows := cur.fetchmany(batch_rows):
                yield from (_event_from_row(r) for r in rows)
        finally:
            cur.close()

    def quotes(self, *, doc_id: str | None = None, doc_ids: Sequence[str] | None = None,
               speaker_country: str | None = None) -> list[Quote]:
        args: list[Any] = []
        sql = 'SELECT id, doc_id, text, start, "end", direct, speaker, cue FROM quotes'
        sql += _where_clause([], args, (("doc_id", doc_id), ("speaker_country", speaker_country)), doc_ids)
        rows = self._conn.execute(sql + " ORDER BY doc_id, ord", args).fetchall()
        return [
            Quote(id=r[0], doc_id=r[1], text=r[2], start=r[3], end=r[4], direct=r[5],
                  speaker=Entity(**r[6]) if r[6] is not None else None,
                  cue=Span(**r[7]) if r[7] is not None else None)
            for r in rows
        ]

    def failures(self) -> list[Failure]:
        rows = self._conn.execute(
            "SELECT doc_id, source, stage, code, reason FROM failures ORDER BY \"at\""
        ).fetchall()
        return [Failure(*r) for r in rows]

    def articles(self) -> list[Article]:
        """Stored article metadata (the text itself is not stored)."""
        rows = self._conn.execute(
            "SELECT doc_id, title, date, url, outlet, language, source FROM articles ORDER BY doc_id"
        ).fetchall()
        return [Article(id=r[0], text="", title=r[1], date=r[2], url=r[3], outlet=r[4],
                        language=r[5], source=r[6]) for r in rows]

    def counts(self) -> dict[str, int]:
        return {t: self._conn.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ("articles", "events", "entities", "places", "quotes", "failures", "clusters")}

    def relation(self, sql: str) -> duckdb.DuckDBPyRelation:
        return self._conn.sql(sql)

    def df(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        """Run ``sql`` and return a pandas DataFrame."""
        return self._conn.execute(sql, params or []).df()

    def sql(self, query: str) -> tuple[list[str], list[tuple]]:
        """Run one read-only statement for a user; refuse anything that could write or read files.

        The statement is checked by DuckDB's own parser, then run on a separate cursor
        inside a transaction that is always rolled back, so even a statement that slipped
        through the check could not change the store.
        """
        check_read_only(query)
        cur = self._conn.cursor()
        try:
            cur.begin()
            try:
                cur.execute(query)
                columns = [d[0] for d in cur.description or []]
                return columns, cur.fetchall()
            except duckdb.Error as exc:
                raise StoreError(f"query failed: {exc}") from exc
            finally:
                cur.rollback()
        finally:
            cur.close()

    # --- dedup ------------------------------------------------------------------------------
    def recluster(self, *, window_days: int = 3) -> int:
        """(Re)compute clusters of stored events; returns the number of clusters."""
        from .dedup import recluster_store

        self._check_writable()
        return recluster_store(self, window_days=window_days)


def _where_clause(where: list[str], args: list[Any], equal: Iterable[tuple[str, Any]],
                  doc_ids: Sequence[str] | None) -> str:
    """The WHERE clause (or "") of a listing query: the conditions already in ``where``, then
    ``column = ?`` for each ``equal`` pair whose value is given, then the document-id list.
    Their arguments are appended to ``args`` in the same order."""
    for column, value in equal:
        if value is not None:
            where.append(f"{column} = ?")
            args.append(value)
    if doc_ids is not None:
        where.append("list_contains(?, doc_id)")
        args.append(list(doc_ids))
    return " WHERE " + " AND ".join(where) if where else ""


def date_filters(since: str | _dt.date | None, until: str | _dt.date | None) -> tuple[list[str], list]:
    """SQL conditions (and their arguments) for an event-date range; either end may be open."""
    where, args = [], []
    if since is not None:
        where.append("event_date >= ?::DATE")
        args.append(str(since))
    if until is not None:
        where.append("event_date <= ?::DATE")
        args.append(str(until))
    return where, args


# --- read-only guard ----------------------------------------------------------------------
_READ_TYPES = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN, duckdb.StatementType.PRAGMA}
_READ_PRAGMAS = {"table_info", "show_tables", "show_tables_expanded", "database_size",
                 "storage_info", "version", "show", "functions", "collations", "metadata_info"}
_SAFE_TABLE_FUNCTIONS = {"range", "generate_series", "unnest", "duckdb_tables", "duckdb_columns",
                         "duckdb_views", "duckdb_types", "pragma_table_info", "duckdb_functions",
                         "pragma_storage_info", "pragma_database_size"}


def check_read_only(query: str) -> None:
    """Raise :class:`ReadOnlyQueryError` unless ``query`` is one statement that only reads."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise ReadOnlyQueryError(f"cannot parse query: {exc}") from exc
    if len(statements) != 1:
        raise ReadOnlyQueryError(f"expected one statement, got {len(statements)}")
    stmt = statements[0]
    if stmt.type not in _READ_TYPES:
        raise ReadOnlyQueryError(f"only SELECT/WITH/DESCRIBE/SHOW/EXPLAIN allowed, not {stmt.type.name}")
    text = stmt.query.strip().rstrip(";")
    if stmt.type == duckdb.StatementType.EXPLAIN:
        check_read_only(re.sub(r"(?is)^\s*explain\s+(analyze\s+)?", "", text))
        return
    if stmt.type == duckdb.StatementType.PRAGMA:
        name = re.match(r"(?is)^\s*pragma\s+(\w+)", text)
        if not name or name.group(1).lower() not in _READ_PRAGMAS or "=" in text:
            raise ReadOnlyQueryError("only informational PRAGMAs are allowed")
        return
    _check_no_file_access(text)


def _check_no_file_access(text: str) -> None:
    # DESCRIBE/SHOW/SUMMARIZE parse as SELECT but cannot be serialized; they only read.
    if re.match(r"(?is)^\s*(describe|show|summarize)\b", text):
        inner = re.sub(r"(?is)^\s*(describe|show|summarize)\s*", "", text)
        if inner.lower().startswith(("select", "from", "with")):
            _check_no_file_access(inner)
        elif re.search(r"['/]", inner):
            raise ReadOnlyQueryError("queries may not read files")
        return
    with duckdb.connect() as scratch:
        tree = scratch.execute("SELECT json_serialize_sql(?)", [text]).fetchall()[0][0]
    tree = json.loads(tree)
    if tree.get("error"):
        raise ReadOnlyQueryError(f"cannot check query: {tree.get('error_message', '')}")
    for node in _walk(tree):
        kind = node.get("type")
        if kind == "TABLE_FUNCTION":
            name = node.get("function", {}).get("function_name", "").lower()
            if name not in _SAFE_TABLE_FUNCTIONS:
                raise ReadOnlyQueryError(f"table function {name}() is not allowed in queries")
        elif kind == "BASE_TABLE" and re.search(r"[./\\:]", node.get("table_name", "")):
            raise ReadOnlyQueryError("queries may not read files")


def _walk(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


# --- row conversion -------------------------------------------------------------------------
def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)


def _entity_row(e: Entity | None) -> dict | None:
    if e is None:
        return None
    return {"text": e.text, "start": e.start, "end": e.end, "name": e.name, "country": e.country,
            "sector": e.sector, "wikidata": e.wikidata, "known": e.known}


def _place_row(p: Place | None) -> dict | None:
    if p is None:
        return None
    return {"text": p.text, "start": p.start, "end": p.end, "name": p.name, "country": p.country,
            "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "geonameid": p.geonameid,
            "feature": p.feature}


def _event_row(ev: Event, ord_: int) -> dict:
    return {
        "id": ev.id, "doc_id": ev.doc_id, "ord": ord_, "event": ev.event, "mode": ev.mode,
        "cameo": ev.cameo, "quad": ev.quad,
        "actor": [_entity_row(a) for a in ev.actor],
        "recipient": [_entity_row(r) for r in ev.recipient],
        "negated": ev.negated, "modality": ev.modality,
        "claimed_by": _entity_row(ev.claimed_by), "location": _place_row(ev.location),
        "date": ev.date, "event_text": ev.event_text, "event_start": ev.event_start,
        "event_end": ev.event_end, "sentence": ev.sentence, "sentence_start": ev.sentence_start,
        "confidence": ev.confidence, "context": list(ev.context), "pattern": ev.pattern,
        "coder_version": ev.coder_version,
    }


def _quote_row(q: Quote, ord_: int) -> dict:
    return {"id": q.id, "doc_id": q.doc_id, "ord": ord_, "text": q.text, "start": q.start,
            "end": q.end, "direct": q.direct, "speaker": _entity_row(q.speaker),
            "cue": q.cue.to_dict() if q.cue else None}


def _article_row(coded: CodedArticle, pos: int, coder_version: str, coded_at: _dt.datetime) -> dict:
    a = coded.article
    return {"doc_id": a.id, "url": a.url, "content_hash": a.content_hash, "title": a.title,
            "date": a.date, "outlet": a.outlet, "source": a.source, "language": a.language,
            "coder_version": coder_version, "coded_at": coded_at,
            "n_sentences": coded.n_sentences, "n_words": coded.n_words,
            "n_events": len(coded.events), "n_quotes": len(coded.quotes), "pos": pos}


def _event_from_row(r: tuple) -> Event:
    (id_, doc_id, event, mode, cameo, quad, actor, recipient, negated, modality, claimed_by,
     location, date, event_text, event_start, event_end, sentence, sentence_start, confidence,
     context, pattern, coder_version) = r
    return Event(
        id=id_, doc_id=doc_id, event=event, mode=mode, cameo=cameo, quad=quad,
        actor=[Entity(**a) for a in actor or ()],
        recipient=[Entity(**x) for x in recipient or ()],
        negated=negated, modality=modality,
        claimed_by=Entity(**claimed_by) if claimed_by is not None else None,
        location=Place(**location) if location is not None else None,
        date=date, event_text=event_text, event_start=event_start, event_end=event_end,
        sentence=sentence, sentence_start=sentence_start, confidence=confidence,
        context=list(context or ()), pattern=pattern, coder_version=coder_version,
    )
