"""Exports of stored events and quotes: JSONL (the output contract), Parquet, CSV and
a GDELT-2.0-style TSV. Columns are documented in docs/store.md.

Codes stay strings everywhere ("042" keeps its zero); countries are ISO-3166
alpha-3, never FIPS, and the GDELT-style columns say so in their names.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StoreError

if TYPE_CHECKING:
    from .store import Store

EVENT_FORMATS = ("jsonl", "parquet", "csv", "gdelt")
# Line separators that JSON leaves unescaped but some line readers split on.
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _json_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"
QUOTE_FORMATS = ("jsonl", "parquet", "csv")


def _joined(list_expr: str, field: str) -> str:
    """Several actors in one flat cell: values joined by ';' (NULL when there are none)."""
    return (f"CASE WHEN len({list_expr}) = 0 THEN NULL ELSE array_to_string("
            f"list_transform({list_expr}, lambda x: coalesce(x.{field}::VARCHAR, '')), ';') END")


# One row per event; the same columns for Parquet and CSV.
FLAT_EVENTS_SQL = f"""
SELECT e.id, e.doc_id, e.date, e.event, e.mode, e.cameo, e.quad, e.negated, e.modality,
       {_joined('e.actor', 'text')} AS actor_text,
       {_joined('e.actor', 'name')} AS actor_name,
       {_joined('e.actor', 'country')} AS actor_country,
       {_joined('e.actor', 'sector')} AS actor_sector,
       {_joined('e.actor', 'wikidata')} AS actor_wikidata,
       {_joined('e.recipient', 'text')} AS recipient_text,
       {_joined('e.recipient', 'name')} AS recipient_name,
       {_joined('e.recipient', 'country')} AS recipient_country,
       {_joined('e.recipient', 'sector')} AS recipient_sector,
       {_joined('e.recipient', 'wikidata')} AS recipient_wikidata,
       e.claimed_by.text AS claimed_by_text, e.claimed_by.name AS claimed_by_name,
       e.claimed_by.country AS claimed_by_country, e.claimed_by.sector AS claimed_by_sector,
       e.location.text AS location_text, e.location.name AS location_name,
       e.location.country AS location_country, e.location.admin1 AS location_admin1,
       e.location.lat AS location_lat, e.location.lon AS location_lon,
       e.location.geonameid AS location_geonameid,
       e.event_text, e.event_start, e.event_end, e.sentence, e.sentence_start, e.confidence,
       CASE WHEN len(e.context) = 0 THEN NULL ELSE array_to_string(e.context, ';') END AS context,
       e.pattern, e.coder_version, e.cluster_id, a.url, a.outlet
FROM events e LEFT JOIN articles a USING (doc_id)
ORDER BY e.doc_id, e.ord
"""

_QUAD_CLASS = """
CASE regexp_replace(lower(trim(coalesce(e.quad, ''))), '[_-]+', ' ', 'g')
    WHEN 'verbal cooperation' THEN 1 WHEN '1' THEN 1
    WHEN 'material cooperation' THEN 2 WHEN '2' THEN 2
    WHEN 'verbal conflict' THEN 3 WHEN '3' THEN 3
    WHEN 'material conflict' THEN 4 WHEN '4' THEN 4
END"""

# GDELT 2.0 event-table names where the meaning is the same; eventwire's own
# columns (PLOVER_*, Negated, ClaimedBy...) follow. Actor1/Actor2 are the first
# actor and first recipient.
GDELT_SQL = f"""
SELECT row_number() OVER (ORDER BY e.doc_id, e.ord) AS GLOBALEVENTID,
       strftime(e.event_date, '%Y%m%d') AS SQLDATE,
       strftime(e.event_date, '%Y%m') AS MonthYear,
       strftime(e.event_date, '%Y') AS "Year",
       coalesce(e.actor[1].name, e.actor[1].text) AS Actor1Name,
       e.actor[1].country AS Actor1CountryISO3,
       e.actor[1].sector AS Actor1Type1Code,
       coalesce(e.recipient[1].name, e.recipient[1].text) AS Actor2Name,
       e.recipient[1].country AS Actor2CountryISO3,
       e.recipient[1].sector AS Actor2Type1Code,
       e.cameo AS EventCode,
       left(e.cameo, 3) AS EventBaseCode,
       left(e.cameo, 2) AS EventRootCode,
       {_QUAD_CLASS} AS QuadClass,
       coalesce(c.n_mentions, 1) AS NumMentions,
       coalesce(c.n_articles, 1) AS NumArticles,
       coalesce(c.n_outlets, CASE WHEN a.outlet IS NULL THEN 0 ELSE 1 END) AS NumSources,
       CASE WHEN e.location IS NULL THEN NULL
            WHEN lower(e.location.feature) = 'country' THEN 1
            WHEN lower(e.location.feature) IN ('region', 'admin1', 'state', 'province') THEN 5
            ELSE 4 END AS ActionGeo_Type,
       CASE WHEN e.location IS NULL THEN NULL ELSE concat_ws(', ',
            coalesce(e.location.name, e.location.text), e.location.admin1, e.location.country)
       END AS ActionGeo_FullName,
       e.location.country AS ActionGeo_CountryISO3,
       e.location.admin1 AS ActionGeo_ADM1Code,
       e.location.lat AS ActionGeo_Lat,
       e.location.lon AS ActionGeo_Long,
       e.location.geonameid AS ActionGeo_FeatureID,
       strftime(a.coded_at, '%Y%m%d%H%M%S') AS DATEADDED,
       a.url AS SOURCEURL,
       e.event AS PLOVER_Event,
       e.mode AS PLOVER_Mode,
       CASE WHEN e.negated THEN 1 ELSE 0 END AS Negated,
       e.modality AS Modality,
       coalesce(e.claimed_by.name, e.claimed_by.text) AS ClaimedBy,
       e.claimed_by.country AS ClaimedByCountryISO3,
       e.confidence AS Confidence,
       e.cluster_id AS ClusterID,
       e.doc_id AS DocID,
       e.id AS EventwireID
FROM events e
LEFT JOIN articles a USING (doc_id)
LEFT JOIN clusters c ON c.cluster_id = e.cluster_id
ORDER BY e.doc_id, e.ord
"""

FLAT_QUOTES_SQL = """
SELECT q.id, q.doc_id, q.text, q.start, q."end", q.direct,
       q.speaker_text, q.speaker_name, q.speaker_country, q.speaker_sector, q.speaker_wikidata,
       q.cue.text AS cue_text, q.cue.start AS cue_start, q.cue."end" AS cue_end, a.url, a.outlet
FROM quotes q LEFT JOIN articles a USING (doc_id)
ORDER BY q.doc_id, q.ord
"""


def _copy(store: "Store", sql: str, path: Path, options: str) -> int:
    target = str(path).replace("'", "''")
    store.connection.execute(f"COPY ({sql}) TO '{target}' ({options})")
    return store.connection.execute(f"SELECT count(*) FROM ({sql})").fetchall()[0][0]


def _copy_options(fmt: str) -> str:
    if fmt == "parquet":
        return "FORMAT parquet, COMPRESSION zstd"
    if fmt == "csv":
        return "FORMAT csv, HEADER true, DELIMITER ','"
    return "FORMAT csv, HEADER true, DELIMITER '\t'"


def export_events(store: "Store", path: str | Path, *, format: str) -> int:
    """Write every stored event to ``path`` in ``format``; returns the number of rows."""
    if format not in EVENT_FORMATS:
        raise StoreError(f"unknown event export format {format!r}; use one of {EVENT_FORMATS}")
    path = Path(path)
    if format == "jsonl":
        n = 0
        with path.open("w", encoding="utf-8") as out:
            for event in store.iter_events():
                out.write(_json_line(event.to_dict()))
                n += 1
        return n
    sql = GDELT_SQL if format == "gdelt" else FLAT_EVENTS_SQL
    return _copy(store, sql, path, _copy_options(format))


def export_quotes(store: "Store", path: str | Path, *, format: str) -> int:
    """Write every stored quote to ``path`` in ``format``; returns the number of rows."""
    if format not in QUOTE_FORMATS:
        raise StoreError(f"unknown quote export format {format!r}; use one of {QUOTE_FORMATS}")
    path = Path(path)
    if format == "jsonl":
        with path.open("w", encoding="utf-8") as out:
            quotes = store.quotes()
            for quote in quotes:
                out.write(_json_line(quote.to_dict()))
        return len(quotes)
    return _copy(store, FLAT_QUOTES_SQL, path, _copy_options(format))
