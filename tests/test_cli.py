"""The command line as a user runs it: real processes, real files, real DuckDB stores."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

from conftest import EXAMPLES, ROOT, shared_file

pytestmark = pytest.mark.slow

EVENTWIRE = [sys.executable, "-m", "eventwire.cli"]
GOOD = ("Rebels shelled the city of Aleppo on Sunday, killing 12 civilians, the Syrian army said. "
        "Russian Defence Minister Sergei Shoigu accused the United States of failing to share intelligence.")
FRENCH = ("Le gouvernement a annoncé mardi de nouvelles mesures pour soutenir les agriculteurs touchés par "
          "la sécheresse, a indiqué le ministre de l'Agriculture lors d'une conférence de presse à Paris.")


def run(*args: str, cwd: Path, stdin: str | None = None, timeout: int = 240) -> subprocess.CompletedProcess:
    return subprocess.run([*EVENTWIRE, *args], cwd=cwd, input=stdin, capture_output=True, text=True,
                          timeout=timeout)


def test_clean_run_exits_zero_and_writes_events_store_and_summary(tmp_path):
    res = run("code", str(EXAMPLES), "--db", "ew.duckdb", "--out", "events.jsonl", "--quotes-out",
              "quotes.jsonl", "-q", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert "6 documents" in res.stderr and "0 failures" in res.stderr and "articles/s" in res.stderr
    events = [json.loads(x) for x in (tmp_path / "events.jsonl").read_text().splitlines()]
    assert len(events) >= 30
    for ev in events:  # the output contract the scorers read
        assert {"id", "doc_id", "event", "mode", "cameo", "quad", "actor", "recipient", "negated",
                "modality", "claimed_by", "location", "date", "event_text", "sentence",
                "confidence"} <= set(ev)
        assert isinstance(ev["cameo"], str)
    con = duckdb.connect(str(tmp_path / "ew.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == len(events)
    con.close()
    assert (tmp_path / "quotes.jsonl").read_text().strip()
    assert not (tmp_path / "failures.jsonl").exists()


def test_bad_inputs_each_get_a_reason_and_the_rest_is_coded(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "good.txt").write_text(GOOD)
    (inputs / "empty.txt").write_text("")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    with open(inputs / "huge.txt", "wb") as fh:  # 50 MB, sparse: refused by size before reading
        fh.truncate(50 * 1024 * 1024)
    (inputs / "latin1.txt").write_bytes(("Protesters in S\u00e3o Paulo demonstrated against the "
                                          "government on Monday, police said.").encode("cp1252"))
    (inputs / "undecodable.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d" * 200)
    (inputs / "french.txt").write_text(FRENCH)
    (inputs / "records.jsonl").write_text("\n".join([
        json.dumps({"id": "ok-1", "text": GOOD, "date": "2016-08-15"}),
        "{not json",
        json.dumps({"id": "no-text"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok-2", "text": "Police arrested 40 protesters in Tbilisi on Tuesday."}),
    ]) + "\n")
    res = run("code", str(inputs), "--out", "events.jsonl", "--failures-out", "failures.jsonl", "-q",
              cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    failures = [json.loads(x) for x in (tmp_path / "failures.jsonl").read_text().splitlines()]
    codes = sorted(f["code"] for f in failures)
    assert codes == ["E101", "E102", "E103", "E104", "E104", "E104", "E105", "E106"], failures
    for f in failures:
        assert f["reason"] and "\n" not in f["reason"]
        assert f"[{f['code']}]" in res.stderr
    coded = {json.loads(x)["doc_id"] for x in (tmp_path / "events.jsonl").read_text().splitlines()}
    assert {"good.txt", "ok-1", "ok-2", "latin1.txt"} <= coded
    assert "4 documents" in res.stderr and "8 failures" in res.stderr


def test_stdin_jsonl(tmp_path):
    res = run("code", "-", "--out", "-", "-q", cwd=tmp_path,
              stdin=json.dumps({"id": "s1", "text": GOOD, "date": "2016-08-15"}) + "\n")
    assert res.returncode == 0, res.stderr
    events = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert events and all(e["doc_id"] == "s1" for e in events)


def test_events_command_filters_the_store(tmp_path):
    assert run("code", str(EXAMPLES), "--db", "ew.duckdb", "-q", cwd=tmp_path).returncode == 0
    res = run("events", "--db", "ew.duckdb", "--actor", "RUS", "--json", cwd=tmp_path)
    assert res.returncode == 0
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert rows and all(any(a["country"] == "RUS" for a in r["actor"]) for r in rows)
    table = run("events", "--db", "ew.duckdb", "--event", "ACCUSE", cwd=tmp_path)
    assert "ACCUSE" in table.stdout and "-->" in table.stdout
    sql = run("sql", "SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY n DESC", "--db",
              "ew.duckdb", cwd=tmp_path)
    assert sql.returncode == 0 and sql.stdout.startswith("event\tn")
    refused = run("sql", "DELETE FROM events", "--db", "ew.duckdb", cwd=tmp_path)
    assert refused.returncode == 2 and "E401" in refused.stderr
    unknown = run("actors", "--unknown", "--db", "ew.duckdb", "--json", cwd=tmp_path)
    names = [json.loads(x) for x in unknown.stdout.splitlines()]
    assert names and all(n["mentions"] >= 1 and n["name"][0].isupper() for n in names)
    assert not any(n["name"] in ("Russia", "Washington", "Moscow") for n in names)  # known, not unknown
    dyads = run("dyads", "--db", "ew.duckdb", "--actor", "RUS", "--recipient", "USA", cwd=tmp_path)
    assert dyads.returncode == 0 and "count" in dyads.stdout


def test_a_killed_run_resumes_with_nothing_lost_or_doubled(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    n_docs = 400
    with corpus.open("w") as fh:
        for i in range(n_docs):
            fh.write(json.dumps({"id": f"doc-{i:03d}", "date": "2024-03-01",
                                 "text": f"Story {i}. " + GOOD}) + "\n")
    # the progress bar on stderr tells how far the run got; kill -9 it midway
    proc = subprocess.Popen([*EVENTWIRE, "code", str(corpus), "--db", "ew.duckdb", "--out", "events.jsonl",
                             "--batch-size", "4"], cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    seen: list[int] = []

    def watch() -> None:
        buf = b""
        while True:
            chunk = proc.stderr.read1(4096) if hasattr(proc.stderr, "read1") else proc.stderr.read(64)
            if not chunk:
                return
            buf = (buf + chunk)[-400:]
            for m in re.finditer(rb"(\d+)doc", buf):
                seen.append(int(m.group(1)))

    reader = threading.Thread(target=watch, daemon=True)
    reader.start()
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None and not (seen and max(seen) >= 40):
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert seen and 40 <= max(seen) < n_docs, f"the run was not caught midway ({seen[-3:]})"
    db = tmp_path / "ew.duckdb"
    con = duckdb.connect(str(db), read_only=True)
    stored_before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert 0 < stored_before < n_docs
    res = run("code", str(corpus), "--db", "ew.duckdb", "--out", "events.jsonl", "-q", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert f"{stored_before} already stored" in res.stderr
    con = duckdb.connect(str(db), read_only=True)
    n_articles = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM articles").fetchone()
    per_doc = con.execute(
        "SELECT min(n), max(n), count(*) FROM (SELECT doc_id, count(*) n FROM events GROUP BY doc_id)").fetchone()
    con.close()
    assert n_articles == (n_docs, n_docs)
    assert per_doc[0] == per_doc[1] and per_doc[2] == n_docs, "some article's events were doubled or lost"
    lines = (tmp_path / "events.jsonl").read_text().splitlines()
    assert len({json.loads(x)["doc_id"] for x in lines}) == n_docs


def test_eval_on_the_plover_gold_standard_reports_per_type(tmp_path):
    gold = shared_file("plover-gsr", "plover_gsr.jsonl")
    res = run("eval", str(gold), "--json", "-q", cwd=ROOT)
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert report["documents"] == 322
    assert len(report["per_type"]) == 16
    assert report["events"]["f1"] > 0.35
