"""Ingest: every kind of bad input becomes a coded Failure; good inputs keep exact offsets."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import time
import zipfile
from pathlib import Path

import pytest

from eventwire.errors import EmptyInputError
from eventwire.ingest import IngestOptions, article_from_text, furniture_kind, parse_date, read_inputs
from eventwire.records import Article, Failure

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
EXAMPLES = REPO / "examples"

ENGLISH = (
    "Kenya's president hosted his Tanzanian counterpart in Nairobi on Friday for talks on trade, "
    "security and the shared border, officials said."
)


def ingest(*inputs, **options) -> list[Article | Failure]:
    return list(read_inputs([str(i) for i in inputs], options=IngestOptions(**options)))


def only(items: list[Article | Failure]) -> Article | Failure:
    assert len(items) == 1, items
    return items[0]


def furniture_texts(article: Article) -> list[str]:
    return [article.text[start:end] for start, end in article.furniture]


# --- bad inputs ------------------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf  \n"])
def test_empty_or_whitespace_file_is_e101(tmp_path, content):
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    failure = only(ingest(path))
    assert isinstance(failure, Failure)
    assert (failure.code, failure.doc_id, failure.stage) == ("E101", "blank.txt", "ingest")
    assert failure.source == str(path)


def test_empty_jsonl_file_is_e101(tmp_path):
    path = tmp_path / "none.jsonl"
    path.write_bytes(b"\n  \n")
    failure = only(ingest(path))
    assert (failure.code, failure.doc_id) == ("E101", "none")


def test_unreadable_file_is_e107(tmp_path, monkeypatch):
    text_file, jsonl_file = tmp_path / "locked.txt", tmp_path / "locked.jsonl"
    for path in (text_file, jsonl_file):
        path.write_text(ENGLISH, encoding="utf-8")

    def denied(self, *args, **kwargs):  # chmod 000 does not stop root, so refuse the open itself
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", denied)
    failures = ingest(text_file, jsonl_file)
    assert [(f.code, f.doc_id) for f in failures] == [("E107", "locked.txt"), ("E107", "locked")]
    assert "Permission denied" in failures[0].reason


def test_png_and_zip_are_binary_e102(tmp_path):
    png = tmp_path / "chart.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    archive = tmp_path / "articles.txt"  # a zip under a misleading name is still refused
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", ENGLISH * 20)
    failures = ingest(png, archive)
    assert [f.code for f in failures] == ["E102", "E102"]
    assert all(isinstance(f, Failure) and "\n" not in f.reason for f in failures)


def test_control_bytes_without_nul_are_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 100 + b"some text")
    assert only(ingest(path)).code == "E102"


def test_binary_jsonl_file_is_one_failure_not_one_per_line(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\n" * 50)
    assert only(ingest(path)).code == "E102"


def test_50_mb_file_refused_by_size_without_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.html"
    with path.open("wb") as f:
        f.truncate(50_000_000)  # sparse: instant, no 50 MB written
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    start = time.perf_counter()
    failure = only(ingest(path))
    assert failure.code == "E103"
    assert "50,000,000 bytes" in failure.reason
    assert opened == []  # refused from stat alone
    assert time.perf_counter() - start < 1.0


def test_max_bytes_limits_each_jsonl_line_not_the_file(tmp_path):
    path = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "a", "text": ENGLISH},
        {"id": "long", "text": ENGLISH * 50},
        {"id": "b", "text": ENGLISH},
    ]
    path.write_text("\n".join(json.dumps(r) for r in lines) + "\n", encoding="utf-8")
    items = ingest(path, max_bytes=1000)
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Article"]
    assert items[1].code == "E103" and items[1].reason.startswith("line 2:")
    assert [items[0].id, items[2].id] == ["a", "b"]


def test_malformed_jsonl_lines_fail_alone(tmp_path):
    items = ingest(FIXTURES / "mixed.jsonl")
    summary = [(i.doc_id, i.code, i.reason.split(":")[0]) if isinstance(i, Failure) else (i.id, "ok", "")
               for i in items]
    assert summary == [
        ("good-1", "ok", ""),
        ("mixed:2", "E104", "line 2"),  # bad JSON; line 3 is blank and skipped
        ("mixed:4", "E104", "line 4"),  # not an object
        ("no-text", "E104", "line 5"),
        ("empty-text", "E104", "line 6"),
        ("42", "E104", "line 7"),  # numeric id stringified; text is a list
        ("mixed:8", "ok", ""),
        ("bad-date", "ok", ""),
    ]
    assert "invalid JSON" in items[1].reason
    assert all("\n" not in i.reason for i in items if isinstance(i, Failure))


def test_jsonl_fields_ids_and_dates():
    articles = [i for i in ingest(FIXTURES / "mixed.jsonl") if isinstance(i, Article)]
    good, voa_style, bad_date = articles
    assert good.title == "Talks open in Geneva"
    assert good.text.startswith("Delegations from Armenia")  # title is not prepended
    assert (good.date, good.url, good.outlet) == (dt.date(2024, 2, 1), "https://example.org/1", "Example Wire")
    assert good.source == str(FIXTURES / "mixed.jsonl")
    assert voa_style.id == "mixed:8"
    assert voa_style.date == dt.date(2025, 3, 14)  # from "published": "2025-03-14 20:30:26Z"
    assert bad_date.date is None  # a bad date is not fatal


def test_jsonl_text_kept_exactly(tmp_path):
    text = "  Headline words here\n\nBy Jane Doe\n\nThe Finnish government said on Monday it would extend the closure.\n"
    path = tmp_path / "exact.jsonl"
    path.write_text(json.dumps({"id": 7, "text": text, "title": "Headline words here"}) + "\n", encoding="utf-8")
    article = only(ingest(path))
    assert article.id == "7" and article.text == text
    assert furniture_texts(article) == ["Headline words here", "By Jane Doe"]


def test_cp1252_bytes_are_decoded_not_lost(tmp_path):
    text = "Ministers met at a café in Montréal on Monday – and agreed on “joint patrols” worth 5 million €."
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    article = only(ingest(path))
    assert isinstance(article, Article)
    assert article.text == text


@pytest.mark.parametrize(
    "data",
    [
        "東京で首脳会談が開かれ、両国は協力の強化で合意した。".encode("shift_jis") * 4,
        b"The minister said \x81\x8d\x8f\x90\x9d that talks would resume on Monday in Geneva.",
    ],
    ids=["shift-jis", "undefined-cp1252-bytes"],
)
def test_undecodable_bytes_are_e105(tmp_path, data):
    path = tmp_path / "other.txt"
    path.write_bytes(data)
    failure = only(ingest(path))
    assert failure.code == "E105"
    assert "not UTF-8" in failure.reason


def test_utf8_bom_stripped_and_utf16_accepted(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    utf16 = tmp_path / "wide.txt"
    utf16.write_bytes(ENGLISH.encode("utf-16"))
    assert [a.text for a in ingest(bom, utf16)] == [ENGLISH, ENGLISH]


def test_html_declared_charset_is_used(tmp_path):
    html = (
        '<html><head><meta charset="windows-1251"><title>Talks</title></head><body><article>'
        f"<h1>Talks in Moscow</h1><p>{ENGLISH} The venue was the Гостиница Москва near the Kremlin.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("cp1251"))
    article = only(ingest(path))
    assert "Гостиница Москва" in article.text


def test_non_english_articles_are_e106():
    french, spanish = ingest(FIXTURES / "french.txt", FIXTURES / "spanish.txt")
    assert (french.code, spanish.code) == ("E106", "E106")
    assert "'fr'" in french.reason and "'es'" in spanish.reason


def test_language_options():
    path = FIXTURES / "french.txt"
    assert isinstance(only(ingest(path, languages=("en", "fr"))), Article)
    unchecked = only(ingest(path, check_language=False))
    assert isinstance(unchecked, Article) and unchecked.language is None
    assert only(ingest(FIXTURES / "headline.txt")).language == "en"


def test_short_foreign_text_is_not_judged(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("Merci beaucoup, à demain.", encoding="utf-8")  # < 40 characters
    article = only(ingest(path))
    assert isinstance(article, Article) and article.language is None


def test_min_chars(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text("Too short.", encoding="utf-8")
    assert only(ingest(path, min_chars=50)).code == "E101"


def test_missing_path_is_e107(tmp_path):
    failure = only(ingest(tmp_path / "nowhere.html"))
    assert (failure.code, failure.doc_id) == ("E107", "nowhere.html")
    jsonl = only(ingest(tmp_path / "nowhere.jsonl"))
    assert jsonl.code == "E107"


def test_a_bad_document_does_not_stop_the_batch(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    items = ingest(empty, tmp_path / "missing.txt", good)
    assert [getattr(i, "code", "ok") for i in items] == ["E101", "E107", "ok"]


# --- HTML --------------------------------------------------------------------------------


def test_html_furniture_removed_and_headline_caption_spans_exact():
    article = only(ingest(FIXTURES / "furniture_page.html"))
    assert article.title == "Kenya and Ethiopia agree to reopen border crossing"
    assert article.date == dt.date(2023, 11, 2)
    assert article.outlet == "East Africa Ledger"
    assert article.url == "https://ledger.example/news/moyale-border"
    assert furniture_texts(article) == [
        "Kenya and Ethiopia agree to reopen border crossing",
        "Lorries queue at the Moyale crossing between Kenya and Ethiopia.",
    ]
    headline_end = article.furniture[0][1]
    assert article.text[headline_end:headline_end + 2] == "\n\n"  # its own paragraph
    paragraphs = article.text.split("\n\n")
    assert paragraphs[2].startswith("Kenya and Ethiopia agreed on Wednesday")
    assert paragraphs[3].startswith("The interior ministers")
    assert len(paragraphs) == 4
    for junk in ["Read more", "Support the Ledger", "Subscribe", "Share on", "Click here", "Advertisement",
                 "Related:", "Reporting by", "By Amina", "©", "Sign up", "Photo:", "Home"]:
        assert junk not in article.text, junk


def test_example_html_pages():
    aleppo, tbilisi = ingest(EXAMPLES / "aleppo_defence_minister.html", EXAMPLES / "tbilisi_protest.html")
    assert aleppo.text[slice(*aleppo.furniture[0])] == aleppo.title
    assert "had not informed" in aleppo.text and '"a ruse"' in aleppo.text
    assert (aleppo.date, aleppo.outlet) == (dt.date(2016, 8, 15), "The Meridian Post")
    # trafilatura repeats the headline as the first body line in this page: kept once only
    assert tbilisi.text.count("Police break up Tbilisi protest, dozens detained") == 1
    assert tbilisi.text[slice(*tbilisi.furniture[1])].startswith("Demonstrators gather outside")
    for junk in ["Click here", "Related:", "Follow us", "By Nino"]:
        assert junk not in tbilisi.text


def test_html_without_extension_is_sniffed(tmp_path):
    path = tmp_path / "page.dat"
    path.write_text(f"<!DOCTYPE html><html><body><h1>Border talks</h1><p>{ENGLISH}</p></body></html>",
                    encoding="utf-8")
    article = only(ingest(path))
    assert article.title == "Border talks"
    assert "<p>" not in article.text and ENGLISH in article.text


def test_html_with_no_text_is_e101(tmp_path):
    path = tmp_path / "shell.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body></body></html>", encoding="utf-8")
    assert only(ingest(path)).code == "E101"


# --- plain text ----------------------------------------------------------------------------


def test_text_headline_and_furniture_lines_recorded_not_removed():
    raw = (FIXTURES / "headline.txt").read_text(encoding="utf-8")
    article = only(ingest(FIXTURES / "headline.txt"))
    assert article.text == raw  # offsets match the file exactly
    assert article.id == "headline.txt"
    assert article.title == "Protesters block main road in Dhaka"
    assert article.date == dt.date(2024, 5, 14)  # from the "Published:" line
    assert furniture_texts(article) == [
        "Protesters block main road in Dhaka",
        "Published: 14 May 2024",
        "By Rahim Chowdhury",
        "Read more: Wage talks collapse in Bangladesh",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Police said on Tuesday that 12 people were arrested.\n\nThe march went on.",  # final period
        "Protesters block main road in Dhaka\nThousands marched on Tuesday.",  # no blank line after
        "Protesters block main road in Dhaka",  # nothing after it
    ],
)
def test_first_line_is_headline_only_when_it_looks_like_one(text):
    assert article_from_text(text).furniture == []


def test_article_from_text():
    text = "Leaders meet in Cairo\n\nEgypt's president received the Jordanian king in Cairo on Sunday."
    article = article_from_text(text, id="t1", date="2024-01-07", url="https://x.example", outlet="Wire")
    assert (article.id, article.date, article.url, article.outlet) == ("t1", dt.date(2024, 1, 7), "https://x.example", "Wire")
    assert article.text == text and article.title == "Leaders meet in Cairo"
    assert furniture_texts(article) == ["Leaders meet in Cairo"]
    with pytest.raises(EmptyInputError):
        article_from_text("  \n ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-03-14 20:30:26Z", dt.date(2025, 3, 14)),
        ("2016-08-15T09:40:00+00:00", dt.date(2016, 8, 15)),
        ("2024-05-14", dt.date(2024, 5, 14)),
        ("14 May 2024", dt.date(2024, 5, 14)),
        ("Tuesday, May 14, 2024", dt.date(2024, 5, 14)),
        (dt.datetime(2020, 1, 2, 3, 4), dt.date(2020, 1, 2)),
        ("2024-02-30", None),
        ("soon", None),
        ("", None),
        (None, None),
        (20240101, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Read more", "read_more"),
        ("Read more: What is left of the peace process?", "read_more"),
        ("Support The Kyiv Independent!", "support_appeal"),
        ("Subscribe to our newsletter", "subscribe"),
        ("Share on Facebook", "share_follow"),
        ("Follow us on X", "share_follow"),
        ("Photo: Reuters", "photo_credit"),
        ("(Photo credit: AFP)", "photo_credit"),
        ("Image: Getty", "photo_credit"),
        ("By Jane Doe", "byline"),
        ("By Jane Doe and John Roe, Staff Reporters", "byline"),
        ("Reporting by Tom Hart; editing by Ann Lee", "reporting_credit"),
        ("Click here to watch the video", "click_here"),
        ("Sign up for our morning briefing", "sign_up"),
        ("Advertisement", "advertisement"),
        ("Related: Aid convoys reach Gaza", "related"),
        ("© 2024 Example News. All rights reserved.", "copyright"),
        ("Copyright 2024 Caucasus Daily", "copyright"),
        ("Updated 14 May 2024 09:10", "published_line"),
        # real reporting must never match
        ("Support for the ceasefire has grown among residents of the city.", None),
        ("By the end of the day, 20 people had died.", None),
        ("Updated figures showed 5 dead.", None),
        ("Photographers were kept away from the site by police on Monday.", None),
        ("The agency said it would share intelligence with its allies.", None),
    ],
)
def test_furniture_kind(line, kind):
    assert furniture_kind(line) == kind


# --- directories, stdin, examples ----------------------------------------------------------


def test_directory_recursion_is_sorted_and_skips_hidden_and_non_articles(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ["b.txt", "a/z.txt", "a/c.txt", ".hidden.txt", ".git/config", "README.md", "notes"]:
        (tmp_path / name).write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": ENGLISH}) + "\n" + json.dumps({"id": "x", "text": ENGLISH}) + "\n", encoding="utf-8"
    )
    ids = [item.id for item in ingest(tmp_path)]
    assert ids == ["a/c.txt", "a/z.txt", "b.txt", "c:1", "x", "notes"]


def test_inputs_keep_their_order(tmp_path):
    for name in ["one.txt", "two.txt"]:
        (tmp_path / name).write_text(ENGLISH, encoding="utf-8")
    assert [a.id for a in ingest(tmp_path / "two.txt", tmp_path / "one.txt")] == ["two.txt", "one.txt"]


@pytest.mark.parametrize(
    ("data", "expected_ids"),
    [
        (ENGLISH.encode("utf-8"), ["stdin"]),
        (f"<html><body><h1>Talks</h1><p>{ENGLISH}</p></body></html>".encode("utf-8"), ["stdin"]),
        (f'\n{{"text": "{ENGLISH}"}}\nnot json\n{{"id": "k", "text": "{ENGLISH}"}}\n'.encode("utf-8"),
         ["stdin:2", "stdin:3", "k"]),
    ],
    ids=["text", "html", "jsonl"],
)
def test_stdin(monkeypatch, data, expected_ids):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    items = ingest("-")
    assert [getattr(i, "id", None) or i.doc_id for i in items] == expected_ids
    assert all(i.source == "stdin" for i in items)
    if len(items) == 3:
        assert items[1].code == "E104"
    else:
        assert ENGLISH in items[0].text


def test_empty_stdin_is_e101(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n"), encoding="utf-8"))
    assert only(ingest("-")).code == "E101"


def test_every_example_ingests_cleanly():
    items = ingest(EXAMPLES)
    failures = [i for i in items if isinstance(i, Failure)]
    assert failures == []
    assert len(items) >= 6
    by_id = {a.id: a for a in items}
    assert {"aleppo_defence_minister.html", "tbilisi_protest.html", "doha_ceasefire.txt",
            "belarus_sanctions.txt", "somalia-airstrike-2024-03-19", "manila-visit-2024-07-08"} <= set(by_id)
    for article in items:
        assert article.date is not None, article.id
        assert article.language == "en"
        assert 150 <= len(article.text.split()) <= 450, article.id
        for start, end in article.furniture:
            assert 0 <= start < end <= len(article.text)
            assert article.text[start:end] == article.text[start:end].strip()
    records = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    for record in records:
        assert {"id", "date", "title", "url", "outlet", "text"} <= set(record)
        assert by_id[record["id"]].text == record["text"]
