"""Date expressions: finding them in sentences and resolving them against the article date."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.resolve.dates import (
    DateMention,
    ResolvedDate,
    find_date_expressions,
    resolve_date,
    resolve_event_date,
    sentence_date,
)

MON = dt.date(2016, 8, 15)  # a Monday
THU = dt.date(2016, 3, 10)  # a Thursday
JAN = dt.date(2017, 1, 4)  # a Wednesday, early in the year

# (expression, article date, past, expected ISO date, precision)
CASES = [
    # weekdays
    ("on Sunday", MON, True, "2016-08-14", "day"),
    ("Sunday", MON, True, "2016-08-14", "day"),
    ("on Monday", MON, True, "2016-08-15", "day"),  # same weekday = the article's day (dateparser pitfall)
    ("Monday", MON, False, "2016-08-15", "day"),
    ("on Tuesday", MON, True, "2016-08-09", "day"),
    ("last Tuesday", MON, True, "2016-08-09", "day"),
    ("last Monday", MON, True, "2016-08-08", "day"),
    ("Thursday night", MON, True, "2016-08-11", "day"),
    ("late Sunday", MON, True, "2016-08-14", "day"),
    ("on Friday", MON, False, "2016-08-19", "day"),  # "will meet on Friday"
    ("next Friday", MON, False, "2016-08-19", "day"),
    ("Wed.", THU, True, "2016-03-09", "day"),
    ("on Thursday", THU, True, "2016-03-10", "day"),
    # days around the article
    ("yesterday", MON, True, "2016-08-14", "day"),
    ("yesterday morning", MON, True, "2016-08-14", "day"),
    ("the day before yesterday", MON, True, "2016-08-13", "day"),
    ("today", MON, True, "2016-08-15", "day"),
    ("this morning", MON, True, "2016-08-15", "day"),
    ("overnight", MON, True, "2016-08-15", "day"),
    ("last night", MON, True, "2016-08-14", "day"),
    ("tomorrow", MON, False, "2016-08-16", "day"),
    ("two days ago", MON, True, "2016-08-13", "day"),
    ("3 days ago", THU, True, "2016-03-07", "day"),
    # weeks, months, years
    ("last week", MON, True, "2016-08-08", "week"),
    ("this week", THU, True, "2016-03-07", "week"),
    ("earlier this week", THU, True, "2016-03-07", "week"),
    ("next week", MON, False, "2016-08-22", "week"),
    ("a week ago", THU, True, "2016-03-03", "week"),
    ("over the weekend", MON, True, "2016-08-13", "week"),
    ("last month", MON, True, "2016-07-01", "month"),
    ("last month", JAN, True, "2016-12-01", "month"),
    ("earlier this month", MON, True, "2016-08-01", "month"),
    ("two months ago", JAN, True, "2016-11-01", "month"),
    ("last year", MON, True, "2015-01-01", "year"),
    ("earlier this year", MON, True, "2016-01-01", "year"),
    ("in 2014", MON, True, "2014-01-01", "year"),
    ("in late 2014", MON, True, "2014-01-01", "year"),
    # calendar dates without a year (dateparser pitfall: it moves "Aug. 3" to last year)
    ("on Aug. 3", MON, True, "2016-08-03", "day"),
    ("August 3", MON, True, "2016-08-03", "day"),
    ("Aug. 20", MON, True, "2015-08-20", "day"),  # after the article: a past event was last year
    ("Aug. 20", MON, False, "2016-08-20", "day"),
    ("Dec. 28", JAN, True, "2016-12-28", "day"),
    ("on Sunday, Aug. 14", MON, True, "2016-08-14", "day"),
    ("on the 5th", MON, True, "2016-08-05", "day"),
    ("on the 20th", MON, True, "2016-07-20", "day"),
    ("5th of August", MON, True, "2016-08-05", "day"),
    # months
    ("in March", MON, True, "2016-03-01", "month"),
    ("in September", MON, True, "2015-09-01", "month"),
    ("in September", MON, False, "2016-09-01", "month"),
    ("last August", MON, True, "2015-08-01", "month"),
    ("in early March", MON, True, "2016-03-01", "month"),
    # absolute dates
    ("in March 2015", MON, True, "2015-03-01", "month"),
    ("3 August 2016", MON, True, "2016-08-03", "day"),
    ("Aug. 3, 2016", MON, True, "2016-08-03", "day"),
    ("2016-08-10", MON, True, "2016-08-10", "day"),
    ("March 5th, 2011", MON, True, "2011-03-05", "day"),
    # fallback for an odd form
    ("8/14/2016", MON, True, "2016-08-14", "day"),
]


@pytest.mark.parametrize("expr,article,past,expected,precision", CASES)
def test_resolve_date(expr, article, past, expected, precision):
    assert resolve_date(expr, article_date=article, past=past) == ResolvedDate(
        dt.date.fromisoformat(expected), precision
    )


@pytest.mark.parametrize("expr", ["tomorrow", "next week", "next Friday", "Aug. 16, 2016", "in 2020"])
def test_past_events_never_after_the_article(expr):
    assert resolve_date(expr, article_date=MON, past=True) is None


def test_unresolvable_expression():
    assert resolve_date("sometime", article_date=MON) is None
    assert resolve_date("", article_date=MON) is None


SENTENCE = (
    "On Sunday, rebels shelled Aleppo two days ago; in March 2015 the group, founded in 2014, "
    "said on Aug. 3 that Thursday night's attack and yesterday's raid were revenge."
)


def test_find_date_expressions_offsets():
    mentions = find_date_expressions(SENTENCE)
    assert [m.text for m in mentions] == [
        "On Sunday", "two days ago", "in March 2015", "in 2014", "on Aug. 3", "Thursday night", "yesterday",
    ]
    for m in mentions:
        assert isinstance(m, DateMention)
        assert SENTENCE[m.start:m.end] == m.text


@pytest.mark.parametrize("text,expected", [
    ("The talks were held last week in Geneva.", ["last week"]),
    ("Troops withdrew earlier this month, officials said on Tuesday.", ["earlier this month", "on Tuesday"]),
    ("The report, dated 2016-08-10, came out this morning.", ["2016-08-10", "this morning"]),
    ("Voting was delayed on the 5th and again overnight.", ["on the 5th", "overnight"]),
    ("They may meet in May or last year.", ["in May", "last year"]),
    ("Police said 3 August 2016 was the worst day.", ["3 August 2016"]),
    ("No dates here, just 2014 people and the 5th Fleet.", []),
])
def test_find_date_expressions(text, expected):
    mentions = find_date_expressions(text)
    assert [m.text for m in mentions] == expected
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_resolve_event_date_prefers_the_most_precise_expression():
    sentence = "The group, active since 2011 and banned in 2014, attacked a checkpoint on Sunday."
    assert resolve_event_date(sentence, article_date=MON) == "2016-08-14"


def test_resolve_event_date_defaults_to_the_article_date():
    assert resolve_event_date("Rebels shelled the city.", article_date=MON) == "2016-08-15"


def test_resolve_event_date_without_article_date():
    assert resolve_event_date("Rebels shelled the city on Sunday.", article_date=None) is None
    assert resolve_event_date("Rebels shelled the city on 3 August 2016.", article_date=None) == "2016-08-03"
    assert resolve_event_date("The city fell in March 2015.", article_date=None) == "2015-03-01"


def test_resolve_event_date_future():
    assert resolve_event_date("The envoys will meet on Friday.", article_date=MON, past=False) == "2016-08-19"


def test_sentence_date_says_how_precise_it_is():
    assert sentence_date("In 2015, rebels killed 400 people.", article_date=MON) == ResolvedDate(dt.date(2015, 1, 1), "year")
    assert sentence_date("Last year, rebels killed 400 people.", article_date=MON).precision == "year"
    assert sentence_date("Rebels shelled the city on Sunday.", article_date=MON).precision == "day"
    assert sentence_date("Rebels shelled the city.", article_date=MON) is None
