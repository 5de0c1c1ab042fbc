"""Parsing figures: amounts, scales, percentages, written numbers, ranges and dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimdiff.figures import Figure, comparable, figures, same_figure


def one(text: str) -> Figure:
    found = figures(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit"),
    [
        ("$550 million", "money", 550e6, "USD"),
        ("\u20ac3bn", "money", 3e9, "EUR"),
        ("\u00a32.5m", "money", 2.5e6, "GBP"),
        ("40 dollars", "money", 40.0, "USD"),
        ("USD 12", "money", 12.0, "USD"),
        ("$5-6 million", "money", (5e6, 6e6), "USD"),
        ("5%", "percent", 5.0, None),
        ("5 percent", "percent", 5.0, None),
        ("five per cent", "percent", 5.0, None),
        ("10.5 pct", "percent", 10.5, None),
        ("3 percentage points", "points", 3.0, None),
        ("4.7 billion", "count", 4.7e9, None),
        ("4,700 million", "count", 4.7e9, None),
        ("four months", "count", 4.0, "month"),
        ("twenty-five troops", "count", 25.0, "troop"),
        ("seventy five", "count", 75.0, None),
        ("one hundred and twenty people", "count", 120.0, "peopl"),
        ("three hundred thousand", "count", 3e5, None),
        ("a dozen eggs", "count", 12.0, "egg"),
        ("a million", "count", 1e6, None),
        ("20-30 warheads", "count", (20.0, 30.0), "warhead"),
        ("between 20 and 30", "count", (20.0, 30.0), None),
        ("20 to 30 days", "count", (20.0, 30.0), "day"),
        ("No. 1", "rank", 1.0, None),
        ("#3", "rank", 3.0, None),
        ("the 21st century", "ordinal", 21.0, "century"),
        ("Jan. 12, 2020", "date", (2020, 1, 12), None),
        ("12 January 2020", "date", (2020, 1, 12), None),
        ("October 2019", "date", (2019, 10, None), None),
        ("since October.", "date", (None, 10, None), None),
        ("in May 2019", "date", (2019, 5, None), None),
        ("2020-01-12", "date", (2020, 1, 12), None),
        ("in 2019", "date", (2019, None, None), None),
        ("one vase", "count", 1.0, "vase"),
        # issue 9: figures read right
        ("2-1/4 to 2-1/2 percent", "percent", (2.25, 2.5), None),
        ("2.25%-2.5%", "percent", (2.25, 2.5), None),
        ("670,000 workers", "count", 670000.0, "worker"),
        ("$1bn", "money", 1e9, "USD"),
        ("US$1 billion", "money", 1e9, "USD"),
        ("9:30 a.m.", "time", 570.0, None),
        ("8pm", "time", 1200.0, None),
        ("17:45", "time", 1065.0, None),
    ],
)
def test_parse(text: str, kind: str, value: object, unit: str | None) -> None:
    f = one(text)
    assert (f.kind, f.unit) == (kind, unit)
    if isinstance(value, tuple) and kind != "date":
        assert isinstance(f.value, tuple) and f.value == pytest.approx(value)
    else:
        assert f.value == (pytest.approx(value) if isinstance(value, float) else value)
    assert text[f.start : f.end] == f.text


@pytest.mark.parametrize(
    "text",
    [
        "no one would dare",
        "one of the richest",
        "May I come in?",
        "Jan said hello",
        "the G7 summit",
        "the 1990s",
        "a few people",
        "",
    ],
)
def test_not_figures(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("4.7 billion", "4,700 million"),
        ("5%", "5 percent"),
        ("five per cent", "5%"),
        ("$550 million", "$550m"),
        ("20-30 warheads", "between 20 and 30 warheads"),
        ("four months", "4 months"),
        ("Jan. 12", "January 12, 2020"),
        ("2019", "October 5, 2019"),
        ("$1bn", "1 billion dollars"),
        ("US$1 billion", "$1,000 million"),
        ("2-1/4 to 2-1/2 percent", "2.25%-2.5%"),
        ("5 p.m.", "17:00"),
    ],
)
def test_same_figure(a: str, b: str) -> None:
    assert same_figure(one(a), one(b)) and same_figure(one(b), one(a))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("$550 million", "$500 million"),
        ("four months", "five months"),
        ("20-30", "20-40"),
        ("20-30", "25"),
        ("October 5, 2019", "October 6, 2019"),
        ("\u20ac5", "$5"),
        ("5%", "5 percentage points"),
        ("9:30 a.m.", "9:30 p.m."),
        ("2-1/4 percent", "2-1/2 percent"),
    ],
)
def test_different_figures(a: str, b: str) -> None:
    assert not same_figure(one(a), one(b))


def test_comparable() -> None:
    assert comparable(one("four months"), one("five months"))
    assert comparable(one("four months"), one("5"))
    assert not comparable(one("four months"), one("five trips"))
    assert not comparable(one("5%"), one("5 troops"))


def test_figures_in_a_sentence() -> None:
    text = "In four months, the fund spent $4.7 billion, up 5% from 2019."
    assert [(f.kind, f.text) for f in figures(text)] == [
        ("count", "four months"),
        ("money", "$4.7 billion"),
        ("percent", "5%"),
        ("date", "2019"),
    ]


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()  # noqa: E501
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """English words for 0 <= n < 1,000,000 (test oracle)."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + spell(rest))
    rest = n % 1000
    return spell(n // 1000) + " thousand" + ("" if rest == 0 else " " + spell(rest))


@given(st.integers(min_value=2, max_value=999_999))
def test_written_numbers_read_back(n: int) -> None:
    f = one(f"They counted {spell(n)} ballots.")
    assert f.value == n and f.unit == "ballot"


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", " million", " billion"]))
def test_digits_with_separators_read_back(n: int, scale: str) -> None:
    f = one(f"about {n:,}{scale} barrels")
    factor = {"": 1, " million": 1e6, " billion": 1e9}[scale]
    assert f.value == pytest.approx(n * factor)
    assert same_figure(f, one(f"about {n}{scale} barrels"))


def test_a_clock_time_or_a_year_only_one_side_gives_is_no_change() -> None:
    from claimdiff.figures import changed_figures

    a = figures("The vote, held at 5 p.m. on Friday in 2024, passed 52-48.")
    b = figures("The vote passed 52-48.")
    assert changed_figures(a, b) == ([], []) and changed_figures(b, a) == ([], [])
    # both give a time: a different time is a change
    assert changed_figures(figures("It opened at 9 a.m."), figures("It opened at 10 a.m."))[0]
