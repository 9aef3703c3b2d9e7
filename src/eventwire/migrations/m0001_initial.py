"""The first schema: articles, events and their flattened views, quotes, failures,
clusters and runs (documented column by column in docs/store.md)."""

from __future__ import annotations

from typing import Any

# Entities and places are kept whole (STRUCT) so an Event reads back exactly as it
# was written; the flattened columns beside them exist only to make queries easy.
ENTITY = (
    'STRUCT("text" VARCHAR, "start" BIGINT, "end" BIGINT, "name" VARCHAR, '
    '"country" VARCHAR, "sector" VARCHAR, "wikidata" VARCHAR, "known" BOOLEAN)'
)
PLACE = (
    'STRUCT("text" VARCHAR, "start" BIGINT, "end" BIGINT, "name" VARCHAR, '
    '"country" VARCHAR, "admin1" VARCHAR, "lat" DOUBLE, "lon" DOUBLE, '
    '"geonameid" BIGINT, "feature" VARCHAR)'
)

STATEMENTS = [
    """
    CREATE TABLE articles (
        doc_id VARCHAR NOT NULL,
        url VARCHAR,
        content_hash VARCHAR NOT NULL,
        title VARCHAR,
        date DATE,
        outlet VARCHAR,
        source VARCHAR,
        language VARCHAR,
        coder_version VARCHAR NOT NULL,
        coded_at TIMESTAMP NOT NULL,
        n_sentences INTEGER,
        n_words INTEGER,
        n_events INTEGER,
        n_quotes INTEGER
    )
    """,
    f"""
    CREATE TABLE events (
        id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        ord INTEGER NOT NULL,
        event VARCHAR NOT NULL,
        mode VARCHAR,
        cameo VARCHAR,
        quad VARCHAR,
        actor {ENTITY}[],
        recipient {ENTITY}[],
        negated BOOLEAN NOT NULL,
        modality VARCHAR,
        claimed_by {ENTITY},
        location {PLACE},
        date VARCHAR,
        event_text VARCHAR,
        event_start BIGINT,
        event_end BIGINT,
        sentence VARCHAR,
        sentence_start BIGINT,
        confidence DOUBLE,
        context VARCHAR[],
        pattern VARCHAR,
        coder_version VARCHAR,
        event_date DATE,
        actor_countries VARCHAR[],
        actor_sectors VARCHAR[],
        recipient_countries VARCHAR[],
        recipient_sectors VARCHAR[],
        claimed_by_country VARCHAR,
        claimed_by_sector VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        location_geonameid BIGINT,
        location_lat DOUBLE,
        location_lon DOUBLE,
        cluster_id BIGINT
    )
    """,
    """
    CREATE TABLE entities (
        event_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR,
        start BIGINT,
        "end" BIGINT,
        name VARCHAR,
        country VARCHAR,
        sector VARCHAR,
        wikidata VARCHAR,
        known BOOLEAN
    )
    """,
    """
    CREATE TABLE places (
        event_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        text VARCHAR,
        start BIGINT,
        "end" BIGINT,
        name VARCHAR,
        country VARCHAR,
        admin1 VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        geonameid BIGINT,
        feature VARCHAR
    )
    """,
    f"""
    CREATE TABLE quotes (
        id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        ord INTEGER NOT NULL,
        text VARCHAR,
        start BIGINT,
        "end" BIGINT,
        direct BOOLEAN,
        speaker {ENTITY},
        cue STRUCT("text" VARCHAR, "start" BIGINT, "end" BIGINT),
        speaker_text VARCHAR,
        speaker_name VARCHAR,
        speaker_country VARCHAR,
        speaker_sector VARCHAR,
        speaker_wikidata VARCHAR
    )
    """,
    """
    CREATE TABLE failures (
        doc_id VARCHAR,
        source VARCHAR,
        stage VARCHAR NOT NULL,
        code VARCHAR NOT NULL,
        reason VARCHAR,
        "at" TIMESTAMP NOT NULL
    )
    """,
    """
    CREATE TABLE clusters (
        cluster_id BIGINT NOT NULL,
        event VARCHAR NOT NULL,
        negated BOOLEAN NOT NULL,
        actor_key VARCHAR,
        recipient_key VARCHAR,
        actor_countries VARCHAR[],
        actor_sectors VARCHAR[],
        recipient_countries VARCHAR[],
        recipient_sectors VARCHAR[],
        location_country VARCHAR,
        location_geonameid BIGINT,
        first_seen DATE,
        last_seen DATE,
        n_mentions INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        n_outlets INTEGER NOT NULL,
        representative_id VARCHAR NOT NULL
    )
    """,
    """
    CREATE TABLE runs (
        run_id VARCHAR NOT NULL,
        started TIMESTAMP NOT NULL,
        finished TIMESTAMP,
        inputs VARCHAR,
        counts VARCHAR
    )
    """,
]


def apply(conn: Any) -> None:
    for statement in STATEMENTS:
        conn.execute(statement)
