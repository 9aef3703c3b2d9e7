"""Actor resolution diagnostics: where the coder's entities disagree with a gold file.

Runs the coder over gold files and, for every gold actor/recipient that some predicted
entity matches (span overlap, or text containment when the gold has no offsets, as the
scorer does), sets the gold text/country/sector next to the predicted ones, grouped by
kind of error, so systematic mistakes stand out.

    .venv/bin/python tools/actor_diagnostics.py ../shared/data/plover-gsr/plover_gsr.jsonl
    .venv/bin/python tools/actor_diagnostics.py GOLD... --kind sector-wrong --limit 40
    .venv/bin/python tools/actor_diagnostics.py GOLD... --summary      # counts and confusions only

``--doc-cache DIR`` keeps the spaCy parses between runs (keyed by the gold file and the
knowledge files the entity patterns come from), so re-running after a change to the
resolver or agents.yaml takes seconds instead of a minute.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from eventwire.evaluate import _scored_sector, entity_matches, gold_articles, load_gold
from eventwire.records import Entity

# knowledge files that feed the entity ruler: a change to them changes the parses
_RULER_FILES = ("countries.yaml", "actors.yaml", "places_extra.yaml")


@dataclass(slots=True)
class Row:
    """One gold entity the coder found, and what it was resolved to."""

    doc_id: str
    role: str  # actor | recipient
    gold_text: str
    gold_country: str | None
    gold_sector: str | None  # as written in the gold
    scored_sector: str | None  # the part the scorer judges
    pred: Entity
    country_ok: bool | None  # None: the gold gives no country
    sector_ok: bool | None  # None: the gold sector is not judged
    sentence: str

    @property
    def kinds(self) -> list[str]:
        out = []
        if self.country_ok is False:
            out.append("country-missing" if not self.pred.country else "country-wrong")
        if self.sector_ok is False:
            out.append("sector-missing" if not self.pred.sector else "sector-wrong")
        if self.sector_ok is None and self.gold_sector in (None, "") and self.pred.sector:
            out.append("sector-unjudged")  # informative: the gold leaves it empty
        return out or ["ok"]


def _cache_key(gold: Path) -> str:
    from eventwire.resolve.kb import DATA_DIR

    h = hashlib.sha1(gold.read_bytes())
    for name in _RULER_FILES:
        p = DATA_DIR / name
        if p.exists():
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _parsed(gold_path: Path, articles: list, cache_dir: Path | None):
    from spacy.tokens import DocBin

    from eventwire.nlp import load_pipeline

    nlp = load_pipeline()
    cache = cache_dir / f"{gold_path.stem}-{_cache_key(gold_path)}.spacy" if cache_dir else None
    if cache is not None and cache.exists():
        return list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=16))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return docs


def diagnose(gold_path: Path, *, cache_dir: Path | None = None) -> list[Row]:
    """Rows for every gold entity of ``gold_path`` that the coder found."""
    from eventwire.pipeline import get_coder

    gold = load_gold(gold_path)
    articles = list(gold_articles(gold))
    docs = _parsed(gold_path, articles, cache_dir)
    coder = get_coder()
    rows: list[Row] = []
    for g, art, doc in zip(gold, articles, docs):
        if g.events is None:
            continue
        try:
            coded = coder.code(art, doc)
        except Exception as exc:  # noqa: BLE001 - a diagnostics run reports and goes on
            print(f"{g.id}: coding failed: {exc}", file=sys.stderr)
            continue
        live = [e for e in coded.events if not e.negated]
        preds = [(e, ent) for e in live for ent in (*e.actor, *e.recipient)]
        for gev in g.events:
            for role in ("actor", "recipient"):
                for ge in gev.get(role) or []:
                    cands = [(ev, p) for ev, p in preds if entity_matches(ge, p, check_country=False)]
                    if not cands:
                        continue
                    scored = _scored_sector(ge)
                    country_ok = None
                    if ge.get("country"):
                        country_ok = any(p.country == ge["country"] for _, p in cands)
                    sector_ok = None if scored is None else any((p.sector or "") == scored for _, p in cands)
                    # show the candidate closest to right, so a row explains the best the coder did
                    ev, best = max(cands, key=lambda c: ((c[1].country == ge.get("country")),
                                                         (c[1].sector or "") == (scored or "")))
                    rows.append(Row(g.id, role, ge.get("text", ""), ge.get("country"), ge.get("sector"), scored,
                                    best, country_ok, sector_ok, ev.sentence))
    return rows


def diagnose_direct(gold_path: Path) -> list[Row]:
    """Rows for every gold entity resolved on its own text (no parser, no coder): what the
    resolver makes of the mention the annotator marked, with the document's date."""
    from eventwire.resolve.actors import ActorMemory, ActorResolver

    resolver = ActorResolver()
    rows: list[Row] = []
    for g in load_gold(gold_path):
        memory = ActorMemory()
        for gev in g.events or []:
            for role in ("actor", "recipient"):
                for ge in gev.get(role) or []:
                    text = ge.get("text") or ""
                    info = resolver.resolve(text, date=g.date, memory=memory)
                    pred = Entity(text, ge.get("start") or 0, ge.get("end") or 0,
                                  country=info.country if info else None, sector=info.sector if info else None)
                    scored = _scored_sector(ge)
                    country_ok = pred.country == ge["country"] if ge.get("country") else None
                    sector_ok = None if scored is None else (pred.sector or "") == scored
                    rows.append(Row(g.id, role, text, ge.get("country"), ge.get("sector"), scored, pred,
                                    country_ok, sector_ok, g.text[:300]))
    return rows


def _fmt(text: str | None, country: str | None, sector: str | None, width: int = 38) -> str:
    t = (text or "").replace("\n", " ")
    t = t if len(t) <= width else t[: width - 1] + "…"
    return f"{t:<{width}} {country or '-':>4}/{sector or '-':<6}"


def report(rows: list[Row], *, kinds: set[str] | None, limit: int, summary: bool, show_sentence: bool) -> str:
    lines: list[str] = []
    found = len(rows)
    c_judged = sum(r.country_ok is not None for r in rows)
    c_ok = sum(bool(r.country_ok) for r in rows)
    s_judged = sum(r.sector_ok is not None for r in rows)
    s_ok = sum(bool(r.sector_ok) for r in rows)
    lines.append(f"gold entities found: {found}   country {c_ok}/{found} = {c_ok / max(found, 1):.3f} "
                 f"(of {c_judged} with a gold country)   sector {s_ok}/{s_judged} = {s_ok / max(s_judged, 1):.3f}")
    by_kind: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        for k in r.kinds:
            by_kind[k].append(r)
    lines.append("by kind: " + ", ".join(f"{k} {len(v)}" for k, v in sorted(by_kind.items())))
    confusion = Counter((r.scored_sector, r.pred.sector or "-") for r in rows if r.sector_ok is False)
    lines.append("sector confusions (gold -> predicted): "
                 + ", ".join(f"{g}->{p} {n}" for (g, p), n in confusion.most_common(25)))
    cconf = Counter((r.gold_country, r.pred.country or "-") for r in rows if r.country_ok is False)
    lines.append("country confusions (gold -> predicted): "
                 + ", ".join(f"{g}->{p} {n}" for (g, p), n in cconf.most_common(25)))
    if summary:
        return "\n".join(lines)
    for kind in sorted(by_kind):
        if kind == "ok" or (kinds and kind not in kinds):
            continue
        group = by_kind[kind]
        lines += ["", f"== {kind} ({len(group)})",
                  f"   {'gold':<50} {'predicted':<50} doc"]
        # most frequent gold words first: systematic errors sort together
        group = sorted(group, key=lambda r: (r.scored_sector or "", r.gold_text.lower()))
        for r in group[:limit]:
            lines.append(f"   {_fmt(r.gold_text, r.gold_country, r.gold_sector)}  "
                         f"{_fmt(r.pred.text, r.pred.country, r.pred.sector)}  {r.doc_id}")
            if show_sentence:
                lines.append(f"      | {r.sentence[:220]}")
        if len(group) > limit:
            lines.append(f"   ... {len(group) - limit} more")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="+", type=Path, help="gold JSON Lines files")
    ap.add_argument("--kind", action="append", help="only these error kinds (country-wrong, country-missing, "
                    "sector-wrong, sector-missing, sector-unjudged); repeatable")
    ap.add_argument("--limit", type=int, default=200, help="rows shown per kind")
    ap.add_argument("--summary", action="store_true", help="counts and confusions only")
    ap.add_argument("--sentences", action="store_true", help="show each row's sentence")
    ap.add_argument("--direct", action="store_true",
                    help="resolve each gold mention's own text (no parser or coder): the resolver alone")
    ap.add_argument("--doc-cache", type=Path, help="directory to keep spaCy parses in between runs")
    args = ap.parse_args(argv)
    for path in args.gold:
        rows = diagnose_direct(path) if args.direct else diagnose(path, cache_dir=args.doc_cache)
        print(f"##### {path}")
        print(report(rows, kinds=set(args.kind or ()), limit=args.limit, summary=args.summary,
                     show_sentence=args.sentences))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
