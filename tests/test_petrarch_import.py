"""PETRARCH dictionary import: hand-written snippets, and the shared validation dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventwire.resolve.actors import ActorResolver
from eventwire.resolve.kb import KnowledgeBase
from eventwire.resolve.petrarch import parse_actors, parse_agents, read_petrarch_file, split_code, write_yaml

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "petrarch-unit"
D = dt.date

ACTORS = """\
<!-- a comment
     over two lines -->
GONDOR [GON]
+MINAS_TIRITH
+ANORIEN

ARNOR_  [ARN]  # a trailing underscore
BOROMIR  [---]
HAMAS_GUNMEN [PSEHMSMIL]
GOLLUM  # the codes follow on their own lines
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
WHITE_HOUSE  [USAGOV] #jw 9/14/91
EUROPEAN_UNION [IGOEEU]
"""

AGENTS = """\
!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [ ~COP] # no plural
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
CONGRESS!PERSON! [~LEG]
FOREIGN_MINISTER [~GOVFRM]
HUMAN_RIGHTS_BODY  [NGO~]
"""


def test_split_code():
    assert split_code("USAGOV") == ("USA", "GOV")
    assert split_code("PSEREBHMS") == ("PSE", "REB")
    assert split_code("PSEHMSMIL") == ("PSE", "MIL")
    assert split_code("IGOEEU") == ("IGO", None)
    assert split_code("syr") == ("SYR", None)


def test_parse_actor_snippet():
    data = parse_actors(ACTORS)
    countries = {c["code"]: c["aliases"] for c in data["countries"]}
    assert countries["GON"] == ["Gondor", "Minas Tirith", "Anorien"]
    assert "ARN" in countries
    orgs = {o["name"]: o for o in data["organizations"]}
    assert "Boromir" not in orgs  # a null code
    assert orgs["Hamas Gunmen"]["roles"] == [{"country": "PSE", "sector": "MIL"}]
    gollum = orgs["Gollum"]
    assert gollum["aliases"] == ["Smeagol"]
    assert gollum["roles"][0] == {"country": "HOB", "sector": None, "end": "1995-06-01"}
    assert gollum["roles"][1]["start"] == "1995-06-01" and gollum["roles"][1]["end"] == "1999-08-15"
    assert gollum["roles"][2] == {"country": "HOB", "sector": "REB", "start": "1999-08-16"}


def test_parse_agent_snippet():
    data = parse_agents(AGENTS)
    agents = data["agents"]
    assert "police" in agents["COP"]["group"]  # {} = no plural is made
    assert "attorneys general" in agents["GOV"]["group"]
    assert {"congressman", "congresswomen"} <= set(agents["LEG"]["person"])
    assert "foreign minister" in agents["GOV"]["person"]
    assert data["agent_countries"]["NGO"] == ["human rights body"]


def test_snippets_load_into_the_knowledge_base(tmp_path: Path):
    actors, agents = tmp_path / "my.actors.txt", tmp_path / "my.agents.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents.write_text(AGENTS, encoding="utf-8")
    r = ActorResolver(KnowledgeBase.load(extra_paths=[actors, agents]))
    assert r.resolve("Smeagol", date=D(1997, 1, 1)).sector == "GOV"
    assert r.resolve("Gollum", date=D(2001, 1, 1)).sector == "REB"
    assert r.resolve("Gollum", date=D(1990, 1, 1)).country == "HOB"
    assert (r.resolve("the congresswomen of Gondor").country, r.resolve("the congresswomen of Gondor").sector) \
        == ("GON", "LEG")
    assert r.resolve("Minas Tirith police").sector == "COP"
    assert r.resolve("human rights body").country == "NGO"


def test_write_yaml_round_trip(tmp_path: Path):
    out = tmp_path / "converted.yaml"
    write_yaml(parse_actors(ACTORS), out)
    r = ActorResolver(KnowledgeBase.load(extra_paths=[out]))
    assert r.resolve("Anorien").country == "GON"


@pytest.mark.skipif(not SHARED.is_dir(), reason="shared PETRARCH validation dictionaries not present")
def test_shared_validation_dictionaries():
    actors = read_petrarch_file(SHARED / "PETR.Validate.actors.txt")
    agents = read_petrarch_file(SHARED / "PETR.Validate.agents.txt")
    assert len(actors["countries"]) > 50 and len(actors["organizations"]) > 10
    assert agents["agents"]["GOV"]
    kb = KnowledgeBase.load(extra_paths=[SHARED / "PETR.Validate.actors.txt", SHARED / "PETR.Validate.agents.txt"])
    r = ActorResolver(kb)
    assert r.resolve("Gondor").country == "GON"
    assert r.resolve("Eriadorian police").sector == "COP"
    # SAM_GAMGEE: a short dated code overrides the longer one around it
    assert r.resolve("Sam Gamgee", date=D(2010, 1, 10)).country == "ORC"
    assert r.resolve("Sam Gamgee", date=D(2011, 1, 10)).sector == "MIL"
    assert r.resolve("Sam Gamgee", date=D(2014, 1, 1)).sector == "ELI"
    assert r.resolve("Zimbabwe", date=D(1975, 1, 1)).country == "RHO"
    assert r.resolve("Zimbabwe", date=D(2000, 1, 1)).country == "ZBW"
    assert r.resolve("Interpol").country == "IGO"
