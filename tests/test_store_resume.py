"""A writer killed with SIGKILL loses at most the article in flight; re-running completes.

The writer runs in a real subprocess on a real DuckDB file; the test waits until it
reports committed articles, kills it with SIGKILL, re-runs the same command, and
checks every article is stored exactly once with all of its rows.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

from eventwire.store import Store

N_ARTICLES = 300

WRITER = textwrap.dedent(
    """
    import sys
    from eventwire.records import Article, CodedArticle, Entity, Event, Place, Quote
    from eventwire.store import Store

    path, n = sys.argv[1], int(sys.argv[2])
    COUNTRIES = ["RUS", "UKR", "USA", "CHN", "FRA", "KEN", "BRA", "IND"]

    def coded(i):
        doc_id = f"doc{i:04d}"
        art = Article(id=doc_id, text=f"Synthetic report number {i}.", url=f"https://n.example/{i}",
                      outlet=f"outlet{i % 7}")
        events = [
            Event(id=f"{doc_id}-e{j}", doc_id=doc_id, event=["ASSAULT", "CONSULT", "AID"][j % 3],
                  mode=None, cameo=["190", "042", "073"][j % 3], quad=None,
                  actor=[Entity("a", 0, 1, country=COUNTRIES[(i + j) % 8], sector="GOV")],
                  recipient=[Entity("b", 2, 3, country=COUNTRIES[(i + 2 * j + 1) % 8])],
                  location=Place("Nairobi", geonameid=184745, country="KEN", feature="city"),
                  date=f"2024-01-{1 + i % 28:02d}")
            for j in range(i % 5)
        ]
        quotes = [Quote(f"{doc_id}-q0", doc_id, "quoted words", 0, 12, True)]
        return CodedArticle(art, events, quotes)

    with Store.open(path) as store:
        inserted = skipped = 0
        for i in range(n):
            result = store.write_coded(coded(i), coder_version="resume-test")
            if result.status == "skipped":
                skipped += 1
            else:
                inserted += 1
            print(f"committed {i} {result.status}", flush=True)
    print(f"done inserted={inserted} skipped={skipped}", flush=True)
    """
)


def _run_writer(script, db):
    return subprocess.Popen([sys.executable, str(script), str(db), str(N_ARTICLES)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_then_rerun_stores_every_article_once(tmp_path):
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    db = tmp_path / "resume.duckdb"

    first = _run_writer(script, db)
    committed = 0
    for line in first.stdout:
        if line.startswith("committed"):
            committed += 1
            if committed >= 60:
                break
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL, first.stderr.read()

    second = _run_writer(script, db)
    out, err = second.communicate(timeout=120)
    assert second.returncode == 0, err
    inserted, skipped = (int(x.split("=")[1]) for x in out.strip().splitlines()[-1].split()[1:])
    assert inserted + skipped == N_ARTICLES
    assert skipped >= committed  # everything reported committed survived the kill
    assert 0 < inserted < N_ARTICLES  # the kill really landed mid-run

    expected_events = sum(i % 5 for i in range(N_ARTICLES))
    with Store.open(db, read_only=True) as store:
        counts = store.counts()
        assert counts["articles"] == N_ARTICLES
        assert counts["events"] == expected_events
        assert counts["quotes"] == N_ARTICLES
        assert counts["entities"] == 2 * expected_events and counts["places"] == expected_events
        assert store.df("SELECT count(DISTINCT doc_id) AS n FROM articles")["n"][0] == N_ARTICLES
        assert store.df("SELECT count(DISTINCT id) AS n FROM events")["n"][0] == expected_events
        # Every article has exactly the rows it was written with, none half-written.
        mismatched = store.df(
            "SELECT a.doc_id FROM articles a LEFT JOIN "
            "(SELECT doc_id, count(*) AS n FROM events GROUP BY doc_id) e USING (doc_id) "
            "WHERE coalesce(e.n, 0) <> a.n_events"
        )
        assert mismatched.empty
