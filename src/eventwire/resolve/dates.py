"""Date resolution: temporal expressions in a sentence, resolved against the article's date.

Our own rules handle the forms news uses ("on Sunday", "yesterday", "Aug. 3", "last week",
"in 2014", "two days ago"); dateparser is only a fallback for forms they do not cover, both
for speed and because it gets two common cases wrong for event data:

* a weekday equal to the article's weekday ("on Monday" in a Monday story) is the article's
  day itself, not a week earlier;
* a month and day without a year ("Aug. 3" in a story of Aug. 15) is this year's, unless
  that would lie after the article date for a past event.

With ``past=True`` (reported events) no date after the article date is ever returned.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["DateMention", "ResolvedDate", "find_date_expressions", "resolve_date", "resolve_event_date",
           "sentence_date"]


@dataclass(slots=True)
class DateMention:
    """A temporal expression in a text: ``text[start:end] == mention.text``."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class ResolvedDate:
    date: dt.date
    precision: str  # "day" | "week" | "month" | "year"


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "a few": 3, "few": 3, "several": 3,
}

# Month and weekday names are matched capitalised only ("may" is a verb); abbreviations need
# their dot where they could be words ("Sun", "Sat", "Mar").
_FULL_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH = rf"(?:{_FULL_MONTH}|(?:Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?|Mar\.)(?![A-Za-z])"
_WEEKDAY = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
            r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.)")
_DAY = r"(?P<d>[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:1[89]|20)\d{2})"
_PART_OF_DAY = r"(?i:\s+(?:morning|afternoon|evening|night))"
_NUMBER = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_EDGE = r"(?i:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)"

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("mdy", re.compile(
        rf"(?:(?i:\bon)\s+)?(?:(?P<wd>{_WEEKDAY}|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)),?\s+)?"
        rf"\b(?P<mon>{_MONTH})\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")),
    ("dmy", re.compile(
        rf"(?:(?i:\bon)\s+)?(?:(?i:the)\s+)?\b{_DAY}(?:\s+of)?\s+(?P<mon>{_MONTH})(?:,?\s+{_YEAR}\b)?")),
    ("month_year", re.compile(
        rf"(?:(?i:\b(?:in|during|by|until|from))\s+)?(?:{_EDGE}[-\s]+)?\b(?P<mon>{_MONTH})\s+{_YEAR}\b")),
    ("year", re.compile(
        rf"(?i:\b(?:in|during|by|until|from|since))\s+(?:{_EDGE}[-\s]+)?{_YEAR}\b(?![-/]\d)")),
    ("month", re.compile(
        rf"(?i:\b(?P<mod>in|during|by|until|from|since|last|this|next|earlier\s+in|later\s+in|early|late|mid))"
        rf"[-\s]+(?:{_EDGE}[-\s]+)?(?P<mon>{_FULL_MONTH})(?![A-Za-z])")),
    ("weekday", re.compile(
        rf"(?:(?i:\b(?P<mod>last|this\s+past|past|this\s+coming|coming|this|next))\s+"
        rf"|(?i:\b(?:early|late)\s+(?:on\s+)?)|(?i:\bon)\s+)?(?:(?i:early|late)\s+)?"
        rf"\b(?P<wd>{_WEEKDAY}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:{_PART_OF_DAY}\b)?")),
    ("relative_day", re.compile(
        r"(?i:\b(?P<word>(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tonight|tomorrow"
        r"|(?:earlier|later)\s+today|this\s+(?:morning|afternoon|evening)|last\s+night|overnight)\b)"
        rf"(?:{_PART_OF_DAY}\b)?")),
    ("relative_period", re.compile(
        r"(?i:\b(?P<mod>last|this\s+past|this|next|past|coming|previous|earlier\s+this|later\s+this"
        r"|the\s+past|the\s+previous|over\s+the|the\s+coming|early\s+this|late\s+last|early\s+last)"
        r"\s+(?P<unit>weekend|week|month|year)\b)")),
    ("ago", re.compile(rf"(?i:\b{_NUMBER}\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b)")),
    ("ordinal_day", re.compile(
        rf"(?i:\bon\s+the)\s+{_DAY}\b(?!\s+(?:of\s+)?{_MONTH})(?!\s+[A-Z])")),
    ("numeric", re.compile(r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b")),
]
# Every rule above needs one of these; most sentences have none and skip the twelve scans.
_TRIGGER = re.compile(r"\d|(?i:day|week|month|year|night|ago|morning|evening)"
                      r"|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun")


def find_date_expressions(text: str) -> list[DateMention]:
    """Temporal expressions in ``text``, in order, longest first where they overlap."""
    if _TRIGGER.search(text) is None:
        return []
    found: list[tuple[int, int]] = []
    for _kind, pattern in _RULES:
        found.extend(m.span() for m in pattern.finditer(text))
    found.sort(key=lambda span: (span[0] - span[1], span[0]))  # longest first
    kept: list[tuple[int, int]] = []
    for start, end in found:
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    kept.sort()
    return [DateMention(text[s:e], s, e) for s, e in kept]


# -- resolution ------------------------------------------------------------------------
def _shift_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after (or before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_number(name: str) -> int:
    return _MONTHS[name.rstrip(".").lower()]


def _year_for(month: int, day: int, article: dt.date | None, past: bool) -> int | None:
    """The year of a month-day with no year: the article's, moved one way if it must be."""
    if article is None:
        return None
    year = article.year
    candidate = _safe_date(year, month, day) or dt.date(year, month, 28)
    if past and candidate > article:
        return year - 1
    if not past and candidate < article:
        return year + 1
    return year


def _explicit_day(m: re.Match, article: dt.date | None, past: bool) -> ResolvedDate | None:
    month, day = _month_number(m["mon"]), int(m["d"])
    year = int(m["y"]) if m["y"] else _year_for(month, day, article, past)
    if year is None:
        return None
    date = _safe_date(year, month, day)
    return ResolvedDate(date, "day") if date else None


def _iso(m, article, past):
    date = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return ResolvedDate(date, "day") if date else None


def _month_year(m, article, past):
    return ResolvedDate(dt.date(int(m["y"]), _month_number(m["mon"]), 1), "month")


def _year(m, article, past):
    return ResolvedDate(dt.date(int(m["y"]), 1, 1), "year")


def _month(m, article, past):
    if article is None:
        return None
    month, mod = _month_number(m["mon"]), " ".join(m["mod"].lower().split())
    year = article.year
    if mod == "last":  # the latest such month before the article's month
        year -= 1 if month >= article.month else 0
    elif mod == "next":
        year += 1 if month <= article.month else 0
    elif mod != "this" and past and month > article.month:
        year -= 1
    elif mod != "this" and not past and month < article.month:
        year += 1
    return ResolvedDate(dt.date(year, month, 1), "month")


def _weekday(m, article, past):
    if article is None:
        return None
    target = _WEEKDAYS[m["wd"].rstrip(".").lower()]
    mod = " ".join((m["mod"] or "").lower().split())
    back = (article.weekday() - target) % 7
    ahead = (target - article.weekday()) % 7
    if mod in ("last", "past", "this past"):
        return ResolvedDate(article - dt.timedelta(days=back or 7), "day")
    if mod in ("next", "coming", "this coming"):
        return ResolvedDate(article + dt.timedelta(days=ahead or 7), "day")
    # Same weekday as the article: the article's own day, in either direction.
    if past:
        return ResolvedDate(article - dt.timedelta(days=back), "day")
    return ResolvedDate(article + dt.timedelta(days=ahead), "day")


_DAY_OFFSETS = {"day before yesterday": -2, "the day before yesterday": -2, "yesterday": -1,
                "last night": -1, "tomorrow": 1}


def _relative_day(m, article, past):
    if article is None:
        return None
    word = " ".join(m["word"].lower().split())
    # Everything else ("today", "tonight", "this morning", "overnight") is the article's
    # day: an overnight event is reported the morning it ends.
    return ResolvedDate(article + dt.timedelta(days=_DAY_OFFSETS.get(word, 0)), "day")


def _relative_period(m, article, past):
    if article is None:
        return None
    mod, unit = " ".join(m["mod"].lower().split()), m["unit"].lower()
    step = (-1 if mod in ("last", "this past", "past", "previous", "the past", "the previous", "late last", "early last")
            else 1 if mod in ("next", "coming", "the coming") else 0)
    if unit == "week":
        if step:
            return ResolvedDate(article + dt.timedelta(days=7 * step), "week")
        return ResolvedDate(article - dt.timedelta(days=article.weekday()), "week")
    if unit == "weekend":
        back = (article.weekday() - 5) % 7  # days since the latest Saturday
        if step > 0 or (step == 0 and not past and mod != "over the"):
            return ResolvedDate(article + dt.timedelta(days=(5 - article.weekday()) % 7 or 7), "week")
        saturday = article - dt.timedelta(days=back)
        if step < 0 and back < 2 and mod not in ("this past",):
            saturday -= dt.timedelta(days=7)  # "last weekend" on a Sunday is the one before
        return ResolvedDate(saturday, "week")
    if unit == "month":
        return ResolvedDate(_shift_months(article, step), "month")
    return ResolvedDate(dt.date(article.year + step, 1, 1), "year")


def _ago(m, article, past):
    if article is None:
        return None
    raw = " ".join(m["n"].lower().split())
    n = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        return ResolvedDate(article - dt.timedelta(days=n), "day")
    if unit == "week":
        return ResolvedDate(article - dt.timedelta(days=7 * n), "week")
    if unit == "month":
        return ResolvedDate(_shift_months(article, -n), "month")
    return ResolvedDate(dt.date(article.year - n, 1, 1), "year")


def _ordinal_day(m, article, past):
    if article is None:
        return None
    day = int(m["d"])
    for months in ((0, -1, -2) if past else (0, 1, 2)):
        first = _shift_months(article, months)
        date = _safe_date(first.year, first.month, day)
        if date and (date <= article if past else date >= article):
            return ResolvedDate(date, "day")
    return None


_RESOLVERS: dict[str, Callable[[re.Match, dt.date | None, bool], ResolvedDate | None]] = {
    "iso": _iso, "mdy": _explicit_day, "dmy": _explicit_day, "month_year": _month_year,
    "year": _year, "month": _month, "weekday": _weekday, "relative_day": _relative_day,
    "relative_period": _relative_period, "ago": _ago, "ordinal_day": _ordinal_day,
}


def _with_dateparser(expr: str, article: dt.date | None, past: bool) -> ResolvedDate | None:
    """Fallback for forms our rules do not cover (e.g. "8/14/2016")."""
    import dateparser  # slow to import and to call: only here

    settings = {"PREFER_DATES_FROM": "past" if past else "future", "DATE_ORDER": "MDY",
                "RETURN_TIME_AS_PERIOD": False, "REQUIRE_PARTS": []}
    if article is not None:
        settings["RELATIVE_BASE"] = dt.datetime(article.year, article.month, article.day, 12)
    parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    return ResolvedDate(parsed.date(), "day") if parsed else None


def _resolve(expr: str, article: dt.date | None, past: bool) -> ResolvedDate | None:
    expr = " ".join(expr.split())
    resolved = None
    for kind, pattern in _RULES:
        m = pattern.fullmatch(expr)
        if m is not None:
            resolver = _RESOLVERS.get(kind)
            resolved = resolver(m, article, past) if resolver else _with_dateparser(expr, article, past)
            break
    else:
        if not expr or not any(ch.isalnum() for ch in expr):
            return None
        resolved = _with_dateparser(expr, article, past)
    if resolved and past and article is not None and resolved.date > article:
        return None
    return resolved


def resolve_date(expr: str, *, article_date: dt.date, past: bool = True) -> ResolvedDate | None:
    """Resolve one temporal expression relative to the article's date (None if it cannot)."""
    return _resolve(expr, article_date, past)


def sentence_date(sentence_text: str, *, article_date: dt.date | None, past: bool = True) -> ResolvedDate | None:
    """The date a sentence gives its event, with its precision: the most precise expression
    wins (the first of equals); None when the sentence has none that resolves."""
    best: ResolvedDate | None = None
    for mention in find_date_expressions(sentence_text):
        resolved = _resolve(mention.text, article_date, past)
        if resolved and (best is None or _PRECISION_RANK[resolved.precision] < _PRECISION_RANK[best.precision]):
            best = resolved
            if best.precision == "day":
                break
    return best


def resolve_event_date(sentence_text: str, *, article_date: dt.date | None, past: bool = True) -> str | None:
    """The ISO date of the event a sentence reports.

    The most precise expression in the sentence wins (the first of equals); with none, the
    article's date. None when there is no article date and no absolute date in the sentence.
    """
    best = sentence_date(sentence_text, article_date=article_date, past=past)
    if best is not None:
        return best.date.isoformat()
    return article_date.isoformat() if article_date is not None else None
