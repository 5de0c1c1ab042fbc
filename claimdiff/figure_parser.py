"""Reading figures out of tokens: :class:`Parser` walks the tokens of one text once and collects every
:class:`~claimdiff.figures.Figure` (amounts with scales and currencies, percentages, ranges, counts with
the noun counted, number words, dates, clock times, ranks and ordinals). See :mod:`claimdiff.figures`.
"""

from __future__ import annotations

from claimdiff.figure_tokens import (
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    MONTH_ABBR,
    MONTHS,
    NOT_UNIT,
    ONE_AFTER,
    ONE_BEFORE,
    ONES,
    SCALE_WORDS,
    SCALES,
    TWELVE_HOUR,
    Figure,
    Tok,
    Value,
    adjacent,
    tokenize,
    unit_key,
)


class Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.out: list[Figure] = []

    # -- helpers -------------------------------------------------------------------------------
    def tok(self, i: int) -> Tok | None:
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def near(self, i: int, j: int, max_gap: int = 1) -> bool:
        a, b = self.tok(i), self.tok(j)
        return a is not None and b is not None and adjacent(self.text, a, b, max_gap=max_gap)

    def gap(self, i: int, j: int) -> str:
        """The raw text between tokens ``i`` and ``j``."""
        return self.text[self.toks[i].end : self.toks[j].start]

    def is_word(self, i: int, *words: str) -> bool:
        t = self.tok(i)
        return t is not None and t.kind == "word" and t.key in words

    def add(self, kind: str, value: Value, unit: str | None, first: int, last: int) -> None:
        start, end = self.toks[first].start, self.toks[last].end
        self.out.append(Figure(kind, value, unit, start, end, self.text[start:end]))

    # -- numbers -------------------------------------------------------------------------------
    def number(self, i: int) -> tuple[float, int, bool] | None:
        """Read a number at token ``i``: digits with an optional scale word, or number words.

        Returns ``(value, index of its last token, scaled)``.
        """
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "num" and t.number is not None and not t.ordinal:
            value, last, scaled = t.number * t.scale, i, t.scale != 1.0
            nxt = self.tok(i + 1)
            if not scaled and nxt is not None and nxt.key in SCALE_WORDS and self.near(i, i + 1):
                value, last, scaled = value * SCALES[nxt.key], i + 1, True
            return value, last, scaled
        if t.kind == "word" and t.key in ("a", "an"):
            nxt = self.tok(i + 1)
            if nxt is not None and nxt.key in ("dozen", "hundred", "thousand", "million", "billion", "trillion"):
                words = self.words(i + 1, lead=1.0)
                if words is not None:
                    return words[0], words[1], True
            return None
        if t.kind == "word":
            return self.words(i)
        return None

    def words(self, i: int, lead: float | None = None) -> tuple[float, int, bool] | None:
        """Number words from token ``i`` (``twenty-five``, ``three hundred thousand``, ``a dozen``).

        ``lead`` starts the number at a value already read (``a`` in ``a dozen`` is 1).
        """
        total = 0.0
        current = lead if lead is not None else 0.0
        prev = "lead" if lead is not None else ""
        last, scaled, j = i - 1, False, i
        while (t := self.tok(j)) is not None:
            if j > i and not self.near(j - 1, j, 0 if t.kind == "dash" or self.toks[j - 1].kind == "dash" else 1):
                break
            k = t.key
            if t.kind == "dash":
                # "twenty-five": a tight dash between a tens word and a ones word
                if prev == "tens" and self._ones_word(j + 1) and self.near(j, j + 1, 0):
                    j += 1
                    continue
                break
            if t.kind != "word":
                break
            if k in ONES:
                v = ONES[k]
                if prev == "":
                    current = v
                elif (prev == "tens" and 0 < v < 10) or prev in ("hundred", "and", "scale"):
                    current += v
                else:
                    break
                prev = "tens" if v >= 20 and v % 10 == 0 else "ones"
            elif k == "dozen" and prev in ("ones", "tens", "lead"):
                current *= 12
                prev = "dozen"
            elif k == "hundred" and prev in ("ones", "tens", "lead"):
                current *= 100
                prev = "hundred"
            elif k in ("thousand", "million", "billion", "trillion") and prev in (
                "ones",
                "tens",
                "lead",
                "hundred",
                "dozen",
                "half",
            ):
                total += current * SCALES[k]
                current, prev, scaled = 0.0, "scale", True
            elif k == "and" and prev in ("hundred", "scale") and self._ones_word(j + 1):
                prev = "and"
                j += 1
                continue
            elif k == "and" and prev in ("ones", "tens") and self._and_a_half(j):
                # "four and a half million": the half before the scale word
                current += 0.5
                prev = "half"
                last = j + 2
                j += 3
                continue
            else:
                break
            last = j
            j += 1
        if last < i or prev == "lead":
            return None
        if lead is None and last == i and self.toks[i].key == "one" and not self._one_is_count(i):
            return None
        return total + current, last, scaled

    def _ones_word(self, j: int) -> bool:
        t = self.tok(j)
        return t is not None and t.kind == "word" and t.key in ONES

    def _one_is_count(self, i: int) -> bool:
        before, after = self.tok(i - 1), self.tok(i + 1)
        if before is not None and before.kind == "word" and before.key in ONE_BEFORE:
            return False
        if after is None or after.kind != "word" or not self.near(i, i + 1):
            return False
        return after.key not in ONE_AFTER and after.key not in NOT_UNIT

    def unit_after(self, j: int) -> str | None:
        t = self.tok(j)
        if t is None or t.kind != "word" or not self.near(j - 1, j):
            return None
        key = t.key
        if key in NOT_UNIT or key in SCALES or key in ONES:
            return None
        return unit_key(key)

    # -- figures -------------------------------------------------------------------------------
    def parse(self) -> list[Figure]:
        i = 0
        while i < len(self.toks):
            t = self.toks[i]
            if t.kind == "clock":
                self.add("time", float(t.number or 0.0), TWELVE_HOUR if t.twelve_hour else None, i, i)
                i += 1
                continue
            nxt = self.date(i)
            if nxt is None:
                nxt = self.amount(i)
            i = nxt if nxt is not None else i + 1
        return self.out

    def date(self, i: int) -> int | None:
        t = self.toks[i]
        # ISO 2020-01-12
        if t.kind == "num" and t.whole and len(t.text) == 4 and self._iso(i):
            y, mo, d = (int(self.toks[i + k].text) for k in (0, 2, 4))
            self.add("date", (y, mo, d), None, i, i + 4)
            return i + 5
        month = self._month(i)
        if month is not None:
            j = i + 1
            day = year = None
            day_tok = self.tok(j)
            if (
                day_tok is not None
                and day_tok.kind == "num"
                and (day_tok.whole or day_tok.ordinal)
                and self.gap(i, j) in (" ", ". ")
                and 1 <= (day_tok.number or 0) <= 31
            ):
                day = int(day_tok.number or 0)
                j += 1
            year = self._year_at(j) if self._after_comma(j - 1, j) else None
            if year is not None:
                j += 1
            abbreviated = t.key in MONTH_ABBR
            if (abbreviated or t.key == "may") and day is None and year is None:
                return None
            self.add("date", (year, month, day), None, i, j - 1)
            return j
        # 12 January 2020
        if t.kind == "num" and t.whole and 1 <= (t.number or 0) <= 31 and self.near(i, i + 1):
            month = self._month(i + 1)
            if month is not None:
                j = i + 2
                year = self._year_at(j) if self.near(j - 1, j) else None
                if year is not None:
                    j += 1
                self.add("date", (year, month, int(t.number or 0)), None, i, j - 1)
                return j
        return None

    def _iso(self, i: int) -> bool:
        parts = [self.tok(i + k) for k in range(5)]
        if any(p is None for p in parts):
            return False
        y, d1, m, d2, d = parts
        assert y is not None and d1 is not None and m is not None and d2 is not None and d is not None
        return (
            d1.kind == "dash"
            and d2.kind == "dash"
            and m.kind == "num"
            and d.kind == "num"
            and len(m.text) == 2
            and len(d.text) == 2
            and all(self.near(i + k, i + k + 1, 0) for k in range(4))
            and 1 <= int(m.text) <= 12
            and 1 <= int(d.text) <= 31
        )

    def _month(self, i: int) -> int | None:
        t = self.tok(i)
        if t is None or t.kind != "word" or not t.text[:1].isupper():
            return None
        if t.key in MONTHS:
            return MONTHS[t.key]
        if t.key in MONTH_ABBR:
            nxt = self.tok(i + 1)
            # an abbreviation is a month only before a day or year ("Jan" is also a name)
            if nxt is not None and nxt.kind == "num" and nxt.whole and self.gap(i, i + 1) in (" ", ". "):
                return MONTH_ABBR[t.key]
        return None

    def _after_comma(self, i: int, j: int) -> bool:
        a, b = self.tok(i), self.tok(j)
        if a is None or b is None:
            return False
        gap = self.text[a.end : b.start]
        return gap.strip() in ("", ",") and len(gap) <= 2 and "\n" not in gap

    def _year_at(self, j: int) -> int | None:
        t = self.tok(j)
        if t is not None and t.kind == "num" and t.whole and self._year_value(t):
            return int(t.number or 0)
        return None

    @staticmethod
    def _year_value(t: Tok) -> bool:
        return len(t.text) == 4 and 1800 <= (t.number or 0) <= 2100

    def amount(self, i: int) -> int | None:
        t = self.toks[i]
        first = i
        currency: str | None = None
        kind = "count"
        # rank: "No. 1", "#3"
        if t.kind == "hash" or (t.kind == "word" and t.key == "no" and self.text[t.end : t.end + 1] == "."):
            n = self.tok(i + 1)
            if n is not None and n.kind == "num" and n.whole and self.gap(i, i + 1) in ("", ". ", "."):
                self.add("rank", float(n.number or 0), None, i, i + 1)
                return i + 2
            return None
        if t.kind == "num" and t.ordinal:
            unit = self.unit_after(i + 1)
            last = i + 1 if unit is not None else i
            self.add("ordinal", float(t.number or 0), unit, i, last)
            return last + 1
        if t.kind == "cur" or (t.kind == "word" and t.key in CURRENCY_CODES and t.text.isupper()):
            if not self.near(i, i + 1):
                return None
            currency = CURRENCY_SIGNS.get(t.key.lower()) or CURRENCY_CODES.get(t.key) or "USD"
            kind = "money"
            i += 1
        between = self.is_word(i - 1, "between") and currency is None
        read = self.number(i)
        if read is None:
            return None
        low, last, low_scaled = read
        if currency is None and self._negative(i):
            # "fell to -15 degrees", "minus 5": a sign, not a range's dash
            low, first = -low, i - 1
        high: float | None = None
        if currency is None and (span := self._percent_range(last)) is not None:
            # "2.25%-2.5%": a range of percentages with the sign written at both ends
            high, end = span
            self.add("percent", (low, high) if high != low else low, None, first, end)
            return end + 1
        # a range: "20-30", "$5-$6 million", "20 to 30", "between 20 and 30"
        j = last + 1
        joiner = self.tok(j)
        if joiner is not None and (
            (joiner.kind == "dash" and self.near(last, j) and self.near(j, j + 1))
            or (joiner.kind == "word" and joiner.key == "to" and self.near(last, j))
            or (joiner.kind == "word" and joiner.key == "and" and between and self.near(last, j))
        ):
            k = j + 1
            if currency is not None and self.tok(k) is not None and self.toks[k].kind == "cur":
                k += 1
            other = self.number(k) if (self.tok(k) is not None and self.toks[k].kind in ("num", "word")) else None
            if other is not None and (self.toks[i].kind == "num") == (self.toks[k].kind == "num"):
                high, last, high_scaled = other
                if high_scaled and not low_scaled:
                    # "$5-6 million": the scale written once applies to both ends
                    scale = high / (self.toks[k].number or 1.0) if self.toks[k].kind == "num" else 1.0
                    low *= scale
        if (
            kind == "count"
            and high is None
            and self.toks[i].kind == "num"
            and self.toks[i].whole
            and self._year_value(self.toks[i])
            and last == i
            and not self._percent_follows(last + 1)
            and not self._plural_follows(last + 1)
        ):
            self.add("date", (int(self.toks[i].number or 0), None, None), None, i, i)
            return i + 1
        unit = None
        j = last + 1
        pct = self._percent_follows(j)
        if pct is not None:
            kind, j = pct
        elif currency is None and self.tok(j) is not None and self.toks[j].key in CURRENCY_WORDS and self.near(last, j):
            kind, currency = "money", CURRENCY_WORDS[self.toks[j].key]
            j += 1
        elif kind == "count":
            if high is None and self._and_a_half(j):
                # "four and a half hours"
                low, last, j = low + 0.5, j + 2, j + 3
            unit = self.unit_after(j)
            if unit is not None:
                j += 1
                months = self._and_months(j) if unit == "year" and high is None else None
                if months is not None:
                    # "11 years and three months" is 135 months
                    low, unit, j = low * 12 + months[0], "month", months[1]
            elif self._hyphen_unit(j):
                # "a 10-minute flight", "a six-year term"
                unit, j = unit_key(self.toks[j + 1].key), j + 2
        value: Value = (low, high) if high is not None and high != low else low
        self.add(kind, value, currency if kind == "money" else unit, first, j - 1)
        return j

    def _percent_range(self, last: int) -> tuple[float, int] | None:
        """After a number ending at ``last``: ``%-2.5%`` gives (2.5, index of the last ``%``)."""
        pct, dash, num = self.tok(last + 1), self.tok(last + 2), self.tok(last + 3)
        if pct is None or dash is None or num is None or pct.kind != "pct" or dash.kind != "dash" or num.kind != "num":
            return None
        if not (self.near(last, last + 1, 0) and self.near(last + 1, last + 2) and self.near(last + 2, last + 3)):
            return None
        other = self.number(last + 3)
        if other is None:
            return None
        close = self.tok(other[1] + 1)
        if close is None or close.kind != "pct" or not self.near(other[1], other[1] + 1, 0):
            return None
        return other[0], other[1] + 1

    def _negative(self, i: int) -> bool:
        """A minus sign or the word ``minus`` just before the number at ``i``, which is a sign: the dash
        touches the number and follows a space or the start, not a number (``20-30`` is a range)."""
        t, before = self.tok(i), self.tok(i - 1)
        if t is None or before is None or t.kind != "num":
            return False
        if before.kind == "word" and before.key == "minus" and self.near(i - 1, i):
            return True
        if before.kind != "dash" or not self.near(i - 1, i, 0):
            return False
        ahead = self.tok(i - 2)
        return (ahead is None or ahead.kind != "num") and (before.start == 0 or self.text[before.start - 1].isspace())

    def _and_months(self, j: int) -> tuple[float, int] | None:
        """After ``N years``: ``and M months`` as (M, index after it)."""
        if not self.is_word(j, "and") or not self.near(j - 1, j):
            return None
        read = self.number(j + 1)
        if read is None or not self.near(j, j + 1):
            return None
        value, last, _ = read
        if self.unit_after(last + 1) != "month":
            return None
        return value, last + 2

    def _and_a_half(self, j: int) -> bool:
        return (
            self.is_word(j, "and")
            and self.is_word(j + 1, "a")
            and self.is_word(j + 2, "half")
            and self.near(j - 1, j)
            and self.near(j, j + 1)
            and self.near(j + 1, j + 2)
        )

    def _hyphen_unit(self, j: int) -> bool:
        dash, word = self.tok(j), self.tok(j + 1)
        return (
            dash is not None
            and word is not None
            and dash.kind == "dash"
            and word.kind == "word"
            and self.near(j - 1, j, 0)
            and self.near(j, j + 1, 0)
            and word.key not in NOT_UNIT
            and word.key not in SCALES
            and word.key not in ONES
        )

    def _plural_follows(self, j: int) -> bool:
        """A plural noun follows: ``1800 barrels`` is a count, not a year."""
        t = self.tok(j)
        return (
            t is not None
            and self.unit_after(j) is not None
            and t.key.endswith("s")
            and not t.key.endswith(("ss", "us", "is"))
        )

    def _percent_follows(self, j: int) -> tuple[str, int] | None:
        t = self.tok(j)
        if t is None or not self.near(j - 1, j):
            return None
        if t.kind == "pct":
            return "percent", j + 1
        if t.kind == "word" and t.key in ("percent", "pct", "per cent"):
            return "percent", j + 1
        if t.kind == "word" and t.key == "per" and self.is_word(j + 1, "cent") and self.near(j, j + 1):
            return "percent", j + 2
        if t.kind == "word" and t.key == "percentage" and self.is_word(j + 1, "point", "points"):
            return "points", j + 2
        return None
