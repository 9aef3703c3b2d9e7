"""What actor, place and date resolution cost, as a share of coding time, in one run.

    .venv/bin/python benchmarks/resolution_cost.py [CORPUS.jsonl] [--limit N]

Codes the corpus end to end (parse, extraction, resolution, attribution) with timers
around every call into the resolvers (actors, places, dates, the article's country
and place survey), then prints the time spent resolving against the time everything
else took: "resolution adds X% to coding time". Target: at most 15%.
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "voa" / "voa_stories.jsonl"

SPENT = {"actors": 0.0, "places": 0.0, "dates": 0.0}
_DEPTH = [0]


def timed(kind: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        if _DEPTH[0]:  # nested resolver calls are counted once, by the outermost
            return fn(*args, **kwargs)
        _DEPTH[0] += 1
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[kind] += time.perf_counter() - t0
            _DEPTH[0] -= 1

    return wrapper


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 2

    from eventwire import coder as coder_mod
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import Options, code_articles
    from eventwire.records import Failure
    from eventwire.resolve import actors, dates, places

    actors.ActorResolver.resolve = timed("actors", actors.ActorResolver.resolve)
    coder_mod.places_mod.resolve_place = timed("places", places.resolve_place)
    coder_mod.dates_mod.resolve_event_date = timed("dates", dates.resolve_event_date)
    coder_mod.Coder._start = timed("places", coder_mod.Coder._start)  # the article's country/place survey

    items = list(read_inputs([corpus]))
    if args.limit:
        items = items[: args.limit]
    opts = Options()
    list(code_articles(items[:2], options=opts))  # warm-up: model, knowledge base, gazetteer
    for k in SPENT:
        SPENT[k] = 0.0
    t0 = time.perf_counter()
    n = events = 0
    for item in code_articles(items, options=opts):
        if not isinstance(item, Failure):
            n += 1
            events += len(item.events)
    total = time.perf_counter() - t0
    resolving = sum(SPENT.values())
    rest = total - resolving
    print(f"{n} articles, {events} events coded in {total:.2f}s")
    for k, v in SPENT.items():
        print(f"  {k:<8} {v:6.2f}s  ({v / rest:6.1%} of the rest)")
    print(f"resolution {resolving:.2f}s; everything else (parse, extraction, attribution) {rest:.2f}s")
    print(f"resolution adds {resolving / rest:.1%} to coding time (target <= 15%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
