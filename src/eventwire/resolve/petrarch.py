"""Read PETRARCH/TABARI actor and agent dictionaries into eventwire's knowledge-file shape.

Researchers who already maintain PETRARCH dictionaries can use them directly:
``KnowledgeBase.load(extra_paths=["my.actors.txt", "my.agents.txt"])`` converts them with
:func:`read_petrarch_file`; :func:`write_yaml` saves the conversion for editing.

Formats understood:
- actors: ``NAME [CODE]`` with words joined by ``_``; synonyms on following lines that
  start with ``+``; codes on following lines (``[CODE]``), with dates: ``[CODE >20010120]``,
  ``[CODE <19990101]``, ``[CODE 19950601-19990815]`` (YYYYMMDD, or YYMMDD); ``[---]`` and
  ``[+++]`` mean no code. ``CAMEO`` codes split into country (3 letters) and sector
  (the first known sector among the following 3-letter groups).
- agents: ``WORD {PLURAL} [~SECTOR]``; ``{}`` means no plural; ``[NGO~]`` also sets the
  country; ``!MACRO! = A, B`` defines a substitution used as ``CONGRESS!PERSON!``.
- comments: ``#`` to the end of a line and ``<!-- ... -->`` blocks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import KnowledgeFileError

KNOWN_SECTORS = frozenset({"GOV", "MIL", "REB", "OPP", "PTY", "LEG", "JUD", "COP", "SPY", "MED", "EDU", "BUS",
                           "CRM", "CVL", "REF", "HLH", "LAB", "REL", "ELI", "NGO", "IGO", "AGR", "UAF", "CIV"})
SECTOR_ALIASES = {"CIV": "CVL"}
_CODE_RE = re.compile(r"\[([^\]]*)\]")
_COMMENT_BLOCK_RE = re.compile(r"<!?\s*--.*?-->", re.S)
_MACRO_RE = re.compile(r"^\s*(![A-Za-z0-9_]+!)\s*=\s*(.+)$")


def _strip_comments(text: str) -> str:
    return _COMMENT_BLOCK_RE.sub("", text)


def _phrase(word: str) -> str:
    """PETRARCH spelling to ours: underscores are spaces, a trailing underscore marks a whole word."""
    return " ".join(word.replace("_", " ").split()).strip()


def _name(word: str) -> str:
    """An actor name in PETRARCH's capitals, as a name ("GONDOR" -> "Gondor"; "U.S." kept).

    All-capital words would otherwise be read as acronyms that only match in capitals."""
    return " ".join(w if "." in w else w.capitalize() for w in _phrase(word).split())


def _date(value: str) -> str:
    value = value.strip()
    if len(value) == 6:  # YYMMDD, as in older TABARI files
        year = int(value[:2])
        value = f"{1900 + year if year >= 30 else 2000 + year}{value[2:]}"
    if len(value) != 8 or not value.isdigit():
        raise KnowledgeFileError(f"bad PETRARCH date {value!r}")
    return f"{value[:4]}-{value[4:6]}-{value[6:]}"


def split_code(code: str) -> tuple[str, str | None]:
    """"USAGOV" -> ("USA", "GOV"); "PSEREBHMS" -> ("PSE", "REB"); "IGOEEU" -> ("IGO", None)."""
    code = code.strip().upper()
    country = code[:3]
    sector = None
    for i in range(3, len(code) - 2, 3):
        chunk = code[i:i + 3]
        if chunk in KNOWN_SECTORS:
            sector = SECTOR_ALIASES.get(chunk, chunk)
            break
    return country, sector


def _parse_code_block(block: str) -> dict[str, Any] | None:
    """One bracketed code, maybe with a date restriction, as a role mapping (None for no code)."""
    block = block.strip()
    if not block or block[0] in "<>" or block[0].isdigit():
        return None  # a date without a code says nothing about whom
    parts = block.split(None, 1)
    code, rest = parts[0], (parts[1] if len(parts) > 1 else "").replace(" ", "")
    code = code.split("/")[0]
    if not code or set(code) <= {"-", "+", "#"}:
        return None
    country, sector = split_code(code)
    role: dict[str, Any] = {"country": country, "sector": sector}
    if rest.startswith("<"):
        role["end"] = _date(rest[1:])
    elif rest.startswith(">"):
        role["start"] = _date(rest[1:])
    elif rest:
        a, _, b = rest.partition("-")
        role["start"], role["end"] = _date(a), _date(b)
    return role


def parse_actors(text: str) -> dict[str, Any]:
    """A PETRARCH actors dictionary as ``{"countries": [...], "organizations": [...]}``."""
    entries: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for line in _strip_comments(text).splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if current is not None:
                current["aliases"].append(_name(_CODE_RE.sub("", stripped[1:])))
            continue
        if stripped.startswith("[") and line[:1].isspace() or (stripped.startswith("[") and current is not None):
            if current is not None:
                current["codes"] += _CODE_RE.findall(stripped)
            continue
        name = _name(_CODE_RE.split(stripped)[0])
        if not name:
            continue
        current = {"name": name, "aliases": [], "codes": _CODE_RE.findall(stripped)}
        entries.append(current)
    countries, orgs = [], []
    for e in entries:
        roles = [r for r in (_parse_code_block(c) for c in e["codes"]) if r is not None]
        if not roles:
            continue  # no code, or a null code: PETRARCH would not code it either
        aliases = [a for a in e["aliases"] if a]
        undated = [r for r in roles if "start" not in r and "end" not in r]
        if len(roles) == 1 and undated and roles[0]["sector"] is None and len(roles[0]["country"]) == 3:
            countries.append({"code": roles[0]["country"], "aliases": [e["name"], *aliases]})
            continue
        if undated and len(roles) > 1:
            # a plain code next to dated ones is the fallback: open it before the first dated role
            dated = [r for r in roles if r not in undated]
            roles = dated + [undated[0]]
        orgs.append({"name": e["name"], "aliases": aliases, "kind": "entity",
                     "roles": [{k: v for k, v in r.items() if v is not None} | {"sector": r["sector"]}
                               for r in roles]})
    return {"countries": countries, "organizations": orgs}


def parse_agents(text: str) -> dict[str, Any]:
    """A PETRARCH agents dictionary in the ``agents`` / ``agent_countries`` shape."""
    macros: dict[str, list[str]] = {}
    agents: dict[str, dict[str, list[str]]] = {}
    agent_countries: dict[str, list[str]] = {}
    for line in _strip_comments(text).splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = _MACRO_RE.match(line)
        if m:
            macros[m.group(1).upper()] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE_RE.findall(line)
        if not codes:
            continue
        head = _CODE_RE.split(line)[0]
        plural_m = re.search(r"\{([^}]*)\}", head)
        word = re.sub(r"\{[^}]*\}", "", head).strip()
        code = codes[0].replace(" ", "").upper()
        if not word or not code:
            continue
        country = None
        if code.endswith("~"):  # "NGO~": the agent is its own country code
            country = code[:-1][:3]
            sector_code = code[:-1]
        else:
            sector_code = code.lstrip("~")
        sector = next((SECTOR_ALIASES.get(sector_code[i:i + 3], sector_code[i:i + 3])
                       for i in range(0, len(sector_code) - 2, 3) if sector_code[i:i + 3] in KNOWN_SECTORS),
                      sector_code[:3] or None)
        if not sector:
            continue
        forms = _expand_macros(word, macros)
        no_plural = plural_m is not None and not plural_m.group(1).strip()
        group = agents.setdefault(sector, {})
        for form in forms:
            phrase = _phrase(form).lower()
            group.setdefault("group" if no_plural else "person", []).append(phrase)
            if country:
                agent_countries.setdefault(country, []).append(phrase)
        if plural_m is not None and plural_m.group(1).strip():
            for form in _expand_macros(plural_m.group(1).strip(), macros):
                group.setdefault("group", []).append(_phrase(form).lower())
    return {"agents": agents, "agent_countries": agent_countries}


def _expand_macros(word: str, macros: dict[str, list[str]]) -> list[str]:
    m = re.search(r"![A-Za-z0-9_]+!", word)
    if m is None:
        return [word]
    out = []
    for sub in macros.get(m.group(0).upper(), []):
        out += _expand_macros(word[:m.start()] + sub + word[m.end():], macros)
    return out


def read_petrarch_file(path: Path) -> dict[str, Any]:
    """Convert one PETRARCH dictionary file; agents files are told by their ``[~...]`` codes."""
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise KnowledgeFileError(f"cannot read PETRARCH dictionary {path}: {exc}") from exc
    is_agents = "agents" in Path(path).name.lower() or bool(re.search(r"\[\s*~|~\s*\]", text))
    return parse_agents(text) if is_agents else parse_actors(text)


def write_yaml(data: dict[str, Any], out: Path) -> None:
    """Save a converted dictionary as an eventwire knowledge file, to edit or load later."""
    header = "# Converted from a PETRARCH dictionary by eventwire.resolve.petrarch\n"
    Path(out).write_text(header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
