"""Generate src/eventwire/data/countries.yaml from pycountry + countryinfo.

Run from the repo root:  .venv/bin/python tools/build_countries.py

The base (codes, names, capitals, demonyms) comes from the two packages; the tables
below add what news text actually uses: short and informal names, extra demonyms,
seats of government that stand for a government ("the Kremlin"), and the non-state
codes. The generated file is committed; eventwire never imports countryinfo at run
time. Edit the tables here and re-run rather than hand-editing the output.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pycountry
import yaml
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "data" / "countries.yaml"

# Canonical names where the packages give a formal or "X, Republic of" form.
NAMES = {
    "BOL": "Bolivia", "COD": "Democratic Republic of the Congo", "COG": "Republic of the Congo",
    "FSM": "Micronesia", "IRN": "Iran", "KOR": "South Korea", "PRK": "North Korea", "LAO": "Laos",
    "MDA": "Moldova", "PSE": "Palestine", "SYR": "Syria", "TWN": "Taiwan", "TZA": "Tanzania",
    "VAT": "Vatican City", "VEN": "Venezuela", "VNM": "Vietnam", "RUS": "Russia",
    "GBR": "United Kingdom", "USA": "United States", "CIV": "Ivory Coast", "CZE": "Czech Republic",
    "MMR": "Myanmar", "MKD": "North Macedonia", "SWZ": "Eswatini", "TUR": "Turkey", "CPV": "Cape Verde",
    "TLS": "East Timor", "BRN": "Brunei", "VGB": "British Virgin Islands", "VIR": "U.S. Virgin Islands",
    "MAF": "Saint Martin", "SXM": "Sint Maarten", "FLK": "Falkland Islands", "CCK": "Cocos Islands",
    "SHN": "Saint Helena",
}

# Informal names, short forms, former names and transliterations seen in news.
ALIASES = {
    "USA": ["U.S.", "US", "U.S.A.", "USA", "America", "United States of America", "the States"],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "England", "Scotland", "Wales", "Northern Ireland",
            "United Kingdom of Great Britain and Northern Ireland"],
    "RUS": ["Russian Federation"],
    "KOR": ["Republic of Korea", "ROK", "S. Korea"],
    "PRK": ["DPRK", "D.P.R.K.", "N. Korea", "Democratic People's Republic of Korea"],
    "CIV": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "CZE": ["Czechia"],
    "MMR": ["Burma"],
    "NLD": ["Holland", "The Netherlands"],
    "COD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Zaire", "DR of Congo"],
    "COG": ["Congo-Brazzaville", "Congo"],
    "CHN": ["People's Republic of China", "PRC", "Mainland China"],
    "TWN": ["Republic of China"],
    "IRN": ["Islamic Republic of Iran", "Persia"],
    "SYR": ["Syrian Arab Republic"],
    "PSE": ["Palestinian territories", "Palestinian Territories", "State of Palestine",
            "Occupied Palestinian Territories", "West Bank", "Gaza", "Gaza Strip"],
    "ARE": ["UAE", "U.A.E.", "Emirates"],
    "SAU": ["Saudi", "KSA"],
    "DEU": ["Federal Republic of Germany"],
    "MKD": ["Macedonia", "FYROM"],
    "SWZ": ["Swaziland"],
    "TUR": ["Turkiye", "Türkiye"],
    "CPV": ["Cabo Verde"],
    "TLS": ["Timor-Leste"],
    "BIH": ["Bosnia", "Bosnia-Herzegovina"],
    "VAT": ["Holy See", "the Vatican", "Vatican"],
    "LKA": ["Ceylon"],
    "KHM": ["Kampuchea"],
    "BFA": ["Upper Volta"],
    "BEN": ["Dahomey"],
    "ZWE": ["Rhodesia"],
    "MDG": ["Madagascar"],
    "CAF": ["CAR", "Central Africa Republic"],
    "GNB": ["Guinea Bissau"],
    "TTO": ["Trinidad"],
    "KGZ": ["Kirgizia", "Kirghizia"],
    "BLR": ["Belorussia", "Byelorussia"],
    "MDA": ["Moldavia"],
    "LAO": ["Lao"],
    "VNM": ["Viet Nam"],
    "SSD": ["S. Sudan"],
    "UKR": ["the Ukraine"],
    "IRL": ["Eire", "Republic of Ireland"],
    "GMB": ["The Gambia"],
    "BHS": ["The Bahamas"],
    "FSM": ["Federated States of Micronesia"],
}

# Extra demonyms and adjectives (the packages give one; news uses several).
DEMONYMS = {
    "DJI": ["Djiboutian", "Djiboutians"],
    "USA": ["American", "Americans", "U.S.", "US"],
    "GBR": ["British", "Briton", "Britons", "English", "Scottish", "Welsh", "UK", "U.K."],
    "AFG": ["Afghan", "Afghans", "Afghani"],
    "PSE": ["Palestinian", "Palestinians"],
    "ISR": ["Israeli", "Israelis"],
    "KOR": ["South Korean", "South Koreans"],
    "PRK": ["North Korean", "North Koreans"],
    "COD": ["Congolese"],
    "NLD": ["Dutch"],
    "CHE": ["Swiss"],
    "PHL": ["Filipino", "Filipinos", "Philippine"],
    "BGD": ["Bangladeshi", "Bangladeshis"],
    "SAU": ["Saudi", "Saudis", "Saudi Arabian"],
    "ARE": ["Emirati", "Emiratis"],
    "YEM": ["Yemeni", "Yemenis"],
    "IRQ": ["Iraqi", "Iraqis"],
    "IRN": ["Iranian", "Iranians", "Persian"],
    "TUR": ["Turkish", "Turk", "Turks"],
    "CZE": ["Czech", "Czechs"],
    "SVK": ["Slovak", "Slovaks"],
    "NZL": ["New Zealander", "Kiwi"],
    "CIV": ["Ivorian", "Ivorians"],
    "MMR": ["Myanmar", "Burmese"],
    "THA": ["Thai"],
    "LAO": ["Lao", "Laotian"],
    "BIH": ["Bosnian", "Bosnians"],
    "KAZ": ["Kazakh", "Kazakhs", "Kazakhstani"],
    "UZB": ["Uzbek", "Uzbeks"],
    "KGZ": ["Kyrgyz"],
    "TJK": ["Tajik", "Tajiks"],
    "TKM": ["Turkmen"],
    "PAK": ["Pakistani", "Pakistanis"],
    "SOM": ["Somali", "Somalis"],
    "SDN": ["Sudanese"],
    "SSD": ["South Sudanese"],
    "NGA": ["Nigerian", "Nigerians"],
    "NER": ["Nigerien", "Nigeriens"],
    "ETH": ["Ethiopian", "Ethiopians"],
    "ERI": ["Eritrean", "Eritreans"],
    "SYR": ["Syrian", "Syrians"],
    "LBN": ["Lebanese"],
    "LBY": ["Libyan", "Libyans"],
    "EGY": ["Egyptian", "Egyptians"],
    "JOR": ["Jordanian", "Jordanians"],
    "RUS": ["Russian", "Russians"],
    "UKR": ["Ukrainian", "Ukrainians"],
    "BLR": ["Belarusian", "Belarusians", "Belarussian"],
    "CHN": ["Chinese"],
    "TWN": ["Taiwanese"],
    "JPN": ["Japanese"],
    "IND": ["Indian", "Indians"],
    "DEU": ["German", "Germans"],
    "FRA": ["French"],
    "ITA": ["Italian", "Italians"],
    "ESP": ["Spanish", "Spaniard", "Spaniards"],
    "PRT": ["Portuguese"],
    "GRC": ["Greek", "Greeks"],
    "CYP": ["Cypriot", "Cypriots"],
    "POL": ["Polish", "Pole", "Poles"],
    "HUN": ["Hungarian", "Hungarians"],
    "ROU": ["Romanian", "Romanians"],
    "BGR": ["Bulgarian", "Bulgarians"],
    "SRB": ["Serbian", "Serb", "Serbs"],
    "HRV": ["Croatian", "Croat", "Croats"],
    "ALB": ["Albanian", "Albanians"],
    "ARM": ["Armenian", "Armenians"],
    "AZE": ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"],
    "GEO": ["Georgian", "Georgians"],
    "MEX": ["Mexican", "Mexicans"],
    "BRA": ["Brazilian", "Brazilians"],
    "ARG": ["Argentine", "Argentinian", "Argentines"],
    "VEN": ["Venezuelan", "Venezuelans"],
    "COL": ["Colombian", "Colombians"],
    "CUB": ["Cuban", "Cubans"],
    "CAN": ["Canadian", "Canadians"],
    "AUS": ["Australian", "Australians", "Aussie"],
    "DNK": ["Danish", "Dane", "Danes"],
    "SWE": ["Swedish", "Swede", "Swedes"],
    "NOR": ["Norwegian", "Norwegians"],
    "FIN": ["Finnish", "Finn", "Finns"],
    "ISL": ["Icelandic", "Icelander"],
    "IRL": ["Irish"],
    "BEL": ["Belgian", "Belgians"],
    "AUT": ["Austrian", "Austrians"],
    "KEN": ["Kenyan", "Kenyans"],
    "UGA": ["Ugandan", "Ugandans"],
    "RWA": ["Rwandan", "Rwandans"],
    "MLI": ["Malian", "Malians"],
    "BFA": ["Burkinabe", "Burkinabé"],
    "ZAF": ["South African", "South Africans"],
    "VNM": ["Vietnamese"],
    "IDN": ["Indonesian", "Indonesians"],
    "MYS": ["Malaysian", "Malaysians"],
    "QAT": ["Qatari", "Qataris"],
    "KWT": ["Kuwaiti", "Kuwaitis"],
    "BHR": ["Bahraini", "Bahrainis"],
    "OMN": ["Omani", "Omanis"],
    "DZA": ["Algerian", "Algerians"],
    "MAR": ["Moroccan", "Moroccans"],
    "TUN": ["Tunisian", "Tunisians"],
    "HTI": ["Haitian", "Haitians"],
    "CAF": ["Central African"],
}

# Seats of government and institutions named by place ("the Kremlin said ...").
METONYMS = {
    "USA": [("Washington", "GOV"), ("White House", "GOV"), ("Pentagon", "MIL"), ("Foggy Bottom", "GOV"),
            ("State Department", "GOV"), ("Capitol Hill", "LEG"), ("Langley", "SPY"), ("Oval Office", "GOV")],
    "RUS": [("Kremlin", "GOV"), ("Moscow", "GOV")],
    "GBR": [("Downing Street", "GOV"), ("Whitehall", "GOV"), ("Westminster", "LEG"), ("London", "GOV")],
    "CHN": [("Beijing", "GOV"), ("Zhongnanhai", "GOV"), ("Peking", "GOV")],
    "FRA": [("Elysee", "GOV"), ("Elysee Palace", "GOV"), ("Quai d'Orsay", "GOV"), ("Paris", "GOV")],
    "DEU": [("Berlin", "GOV"), ("Bundestag", "LEG"), ("Chancellery", "GOV"), ("Bundeswehr", "MIL")],
    "IRN": [("Tehran", "GOV"), ("Teheran", "GOV"), ("Majlis", "LEG")],
    "UKR": [("Kyiv", "GOV"), ("Kiev", "GOV"), ("Verkhovna Rada", "LEG")],
    "ISR": [("Knesset", "LEG"), ("Jerusalem", "GOV"), ("IDF", "MIL"), ("Mossad", "SPY"), ("Shin Bet", "SPY")],
    "JPN": [("Tokyo", "GOV"), ("Diet", "LEG")],
    "KOR": [("Seoul", "GOV"), ("Blue House", "GOV")],
    "PRK": [("Pyongyang", "GOV")],
    "TUR": [("Ankara", "GOV")],
    "SYR": [("Damascus", "GOV")],
    "IRQ": [("Baghdad", "GOV")],
    "AFG": [("Kabul", "GOV")],
    "PAK": [("Islamabad", "GOV")],
    "IND": [("New Delhi", "GOV"), ("Delhi", "GOV")],
    "SAU": [("Riyadh", "GOV")],
    "EGY": [("Cairo", "GOV")],
    "CAN": [("Ottawa", "GOV")],
    "BEL": [("Brussels", "GOV")],
    "KAZ": [("Nur-Sultan", "GOV")],
    "CIV": [("Yamoussoukro", "GOV")],
}

# Capitals that are too often something else (a person, another city) to code as a government.
CAPITAL_SKIP = {"Victoria", "Kingston", "Georgetown", "George Town", "Hamilton", "Stanley", "Douglas",
                "Jamestown", "Kingstown", "Saint John's", "St. John's", "Adamstown", "The Valley",
                "Washington, D.C.", "Jerusalem", "Santiago", "Tripoli", "Lima", "San Jose", "Victoria City",
                "Saint-Pierre", "Saint-Denis", "San Juan", "Basse-Terre", "Plymouth", "Philipsburg", "Marigot", "Gustavia", "Charlotte Amalie"}

# Capitals the packages give out of date or as a non-government seat.
CAPITAL_FIX = {"KAZ": "Astana", "USA": "Washington", "BOL": "La Paz", "MMR": "Naypyidaw", "CIV": "Abidjan"}

EXTRA_COUNTRIES = [
    {"code": "XKX", "name": "Kosovo", "aliases": [], "demonyms": ["Kosovar", "Kosovars", "Kosovan"],
     "capital": "Pristina"},
]

# Codes for actors that are not states, as the gold standards use them.
NON_STATE = [
    {"code": "IGO", "meaning": "intergovernmental organisation (NATO, EU, African Union, ECOWAS, ...)"},
    {"code": "UNO", "meaning": "the United Nations and its bodies (Security Council, UNICEF, UNHCR, ...)"},
    {"code": "NGO", "meaning": "non-governmental organisation (Red Cross, Amnesty International, MSF, ...)"},
    {"code": "IMG", "meaning": "international militarised group (Islamic State, al-Qaida, al-Shabab, Boko Haram)"},
    {"code": "MNC", "meaning": "multinational corporation"},
    {"code": "EUR", "meaning": "Europe as a region"},
    {"code": "AFR", "meaning": "Africa as a region"},
    {"code": "ASA", "meaning": "Asia as a region"},
    {"code": "MEA", "meaning": "Middle East as a region"},
    {"code": "WST", "meaning": "the West"},
]

HEADER = """\
# eventwire countries: every ISO-3166 country (alpha-3 code), with the names news uses for it.
#
# Generated by tools/build_countries.py from pycountry and countryinfo, plus hand-curated
# aliases, demonyms and metonyms; edit the tables in that script and re-run it.
#
# Each entry:
#   code:      ISO-3166 alpha-3 (XKX for Kosovo)
#   name:      canonical short name
#   aliases:   other names for the country ("U.S.", "Britain", "Burma", ...)
#   demonyms:  adjectives and names for its people ("Syrian", "Syrians", "British")
#   capital:   the capital; as an actor it stands for the government (sector GOV)
#   metonyms:  places or institutions that stand for a part of the state,
#              with the sector they stand for ("the Kremlin" -> GOV, "the Pentagon" -> MIL)
#
# non_state lists the codes used in the country field for actors that are not states.
# Users can add entries of the same shape in their own file (KnowledgeBase.load(extra_paths=...)).
"""


# Demonyms the packages give to several codes (a territory shares its state's): who keeps them.
DEMONYM_OWNER = {"french": "FRA", "chinese": "CHN", "indian": "IND", "american": "USA", "norwegian": "NOR",
                 "congolese": "COD", "dominican": "DOM"}


def _dedupe_demonyms(countries: list[dict]) -> None:
    for entry in countries:
        if "demonyms" not in entry:
            continue
        kept = [d for d in entry["demonyms"] if DEMONYM_OWNER.get(d.lower(), entry["code"]) == entry["code"]]
        if kept:
            entry["demonyms"] = kept
        else:
            del entry["demonyms"]


def build() -> dict:
    countries = []
    for c in pycountry.countries:
        code = c.alpha_3
        try:
            info = CountryInfo(code).info()
        except Exception:  # a territory countryinfo does not know
            info = {}
        name = NAMES.get(code) or info.get("name") or getattr(c, "common_name", None) or c.name
        aliases = []
        for a in [c.name, getattr(c, "common_name", None), getattr(c, "official_name", None),
                  info.get("name"), *ALIASES.get(code, [])]:
            if a and a != name and "," not in a and "(" not in a and a not in aliases:
                aliases.append(a)
        demonyms = []
        for d in [info.get("demonym"), *DEMONYMS.get(code, [])]:
            if d and d not in demonyms and d != name:  # countryinfo gives "Djibouti" as Djibouti's
                demonyms.append(d)
        capital = CAPITAL_FIX.get(code) or info.get("capital") or None
        entry = {"code": code, "name": name}
        if aliases:
            entry["aliases"] = aliases
        if demonyms:
            entry["demonyms"] = demonyms
        if capital and capital not in CAPITAL_SKIP and capital != name:
            entry["capital"] = capital
        mets = [{"name": m, "sector": s} for m, s in METONYMS.get(code, [])
                if not (capital and m == capital)]
        if mets:
            entry["metonyms"] = mets
        countries.append(entry)
    countries.extend(EXTRA_COUNTRIES)
    countries.sort(key=lambda e: e["code"])
    _dedupe_demonyms(countries)
    return {"countries": countries, "non_state": NON_STATE}


def main() -> int:
    data = build()
    text = HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(data['countries'])} countries)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
