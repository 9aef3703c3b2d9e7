"""Validate an event development set in the shared gold format and print its make-up.

Run from the repo root:  .venv/bin/python tools/check_devset.py [devsets/events_dev.jsonl]

Errors (exit status 1): a line that is not a JSON object, a missing or duplicate id, a bad
date, an entity whose `text` is not a substring of the record text (the scorer matches
entities by containment, so such an entity could never be matched), an event type outside
the 16 PLOVER types, a country code that is not three capital letters. Warnings (reported,
exit status 0): modes the PLOVER table does not list for the type, sectors and countries
the project's tables do not know, records without tags. The mode and sector lists come
from the project's own data files so the check follows the ontology as it is extended.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventwire" / "data"
DEFAULT = ROOT / "devsets" / "events_dev.jsonl"

# Non-state and exceptional codes the PLOVER manual allows besides ISO-3166 alpha-3.
SPECIAL_COUNTRIES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"}
ID_PATTERN = re.compile(r"^dev-(own-\d{3}|voa-\d+-\d+)$")
ROLES = ("actor", "recipient")


def load_ontology() -> dict[str, set[str]]:
    table = yaml.safe_load((DATA / "ontology.yaml").read_text("utf-8"))
    return {name: set(spec.get("modes") or []) for name, spec in table["types"].items()}


def load_sectors() -> set[str]:
    table = yaml.safe_load((DATA / "sectors.yaml").read_text("utf-8"))
    return {row["code"] for row in table["sectors"]}


def load_countries() -> set[str]:
    try:
        import pycountry
    except ImportError:  # the 3-letter check still runs; only the ISO lookup is skipped
        return set()
    return {c.alpha_3 for c in pycountry.countries} | SPECIAL_COUNTRIES


def _iso_date(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
        return True
    except ValueError:
        return False


class Checker:
    def __init__(self) -> None:
        self.modes = load_ontology()
        self.sectors = load_sectors()
        self.countries = load_countries()
        self.errors: list[str] = []
        self.warnings: list[str] = []

    def entity(self, where: str, ent: object, text: str) -> None:
        if not isinstance(ent, dict):
            self.errors.append(f"{where}: entity is not an object")
            return
        mention = ent.get("text")
        if not isinstance(mention, str) or not mention:
            self.errors.append(f"{where}: entity without text")
        elif mention not in text:
            self.errors.append(f"{where}: entity text {mention!r} is not in the record text")
        country = ent.get("country")
        if country is None:
            self.warnings.append(f"{where}: {mention!r} has no country")
        elif not (isinstance(country, str) and re.fullmatch(r"[A-Z]{3}", country)):
            self.errors.append(f"{where}: country {country!r} is not three capital letters")
        elif self.countries and country not in self.countries:
            self.warnings.append(f"{where}: country {country} is neither ISO alpha-3 nor a PLOVER code")
        sector = ent.get("sector")
        if sector is not None and sector not in self.sectors:
            self.warnings.append(f"{where}: sector {sector!r} is not in sectors.yaml")

    def event(self, where: str, ev: object, text: str) -> str | None:
        if not isinstance(ev, dict):
            self.errors.append(f"{where}: event is not an object")
            return None
        kind = ev.get("event")
        if kind not in self.modes:
            self.errors.append(f"{where}: event type {kind!r} is not a PLOVER type")
            return None
        for role in ROLES:
            ents = ev.get(role, [])
            if not isinstance(ents, list):
                self.errors.append(f"{where}: {role} is not a list")
                continue
            for i, ent in enumerate(ents):
                self.entity(f"{where} {role}[{i}]", ent, text)
        if not ev.get("actor"):
            self.errors.append(f"{where}: {kind} has no actor")
        for key in ("claimed_by", "location"):
            if ev.get(key) is not None:
                self.entity(f"{where} {key}", ev[key], text)
        mode = ev.get("mode")
        if mode is not None and mode not in self.modes[kind]:
            self.warnings.append(f"{where}: mode {mode!r} is not listed for {kind}")
        if ev.get("event_date") is not None and not _iso_date(ev["event_date"]):
            self.errors.append(f"{where}: event_date {ev['event_date']!r} is not YYYY-MM-DD")
        if "optional" in ev and not isinstance(ev["optional"], bool):
            self.errors.append(f"{where}: optional must be true or false")
        return kind


def check(path: Path) -> int:
    chk = Checker()
    seen: set[str] = set()
    by_type: Counter[str] = Counter()
    by_type_optional: Counter[str] = Counter()
    by_tag: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    records = empty = 0
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"line {n}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                chk.errors.append(f"{where}: not JSON ({exc})")
                continue
            if not isinstance(rec, dict):
                chk.errors.append(f"{where}: not a JSON object")
                continue
            rid = rec.get("id")
            where = f"line {n} ({rid})"
            if not isinstance(rid, str) or not rid:
                chk.errors.append(f"{where}: missing id")
            elif rid in seen:
                chk.errors.append(f"{where}: duplicate id")
            else:
                seen.add(rid)
                if not ID_PATTERN.match(rid):
                    chk.warnings.append(f"{where}: id does not follow dev-own-NNN / dev-voa-<story>-<n>")
            text = rec.get("text")
            if not isinstance(text, str) or not text.strip():
                chk.errors.append(f"{where}: missing text")
                continue
            if not _iso_date(rec.get("date")):
                chk.errors.append(f"{where}: date {rec.get('date')!r} is not YYYY-MM-DD")
            events = rec.get("events")
            if not isinstance(events, list):
                chk.errors.append(f"{where}: events is not a list")
                continue
            records += 1
            empty += not events
            tags = rec.get("tags")
            if not tags or not isinstance(tags, list):
                chk.warnings.append(f"{where}: no tags")
                tags = []
            by_tag.update(tags)
            if isinstance(rid, str) and rid.startswith("dev-voa-"):
                sources["voa"] += 1
                if not rec.get("source_url"):
                    chk.errors.append(f"{where}: VOA record without source_url")
            else:
                sources["own"] += 1
            for i, ev in enumerate(events):
                kind = chk.event(f"{where} event[{i}]", ev, text)
                if kind:
                    (by_type_optional if ev.get("optional") else by_type)[kind] += 1

    print(f"{path}: {records} records ({sources['own']} own, {sources['voa']} VOA), "
          f"{empty} with no events, {sum(by_type.values())} required + "
          f"{sum(by_type_optional.values())} optional events")
    print("\nevents per type (required / optional):")
    for kind in chk.modes:
        print(f"  {kind:<10} {by_type[kind]:>4} / {by_type_optional[kind]:<4}")
    print("\nrecords per tag:")
    for tag, count in sorted(by_tag.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {tag:<14} {count:>4}")
    for w in chk.warnings:
        print(f"warning: {w}")
    for e in chk.errors:
        print(f"ERROR: {e}")
    print(f"\n{len(chk.errors)} errors, {len(chk.warnings)} warnings")
    return 1 if chk.errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    return check(args.path)


if __name__ == "__main__":
    sys.exit(main())
