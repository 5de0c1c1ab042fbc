"""Tests for claimdiff.segment: table-driven cases, the English golden rules, the samples and properties."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimdiff.model import Kind, Unit
from claimdiff.segment import BULLET_MARKERS, MAX_UNIT_CHARS, Segmenter, segment

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases" / "segment"
SAMPLES_DIR = HERE.parent / "samples"
GOLDEN = HERE.parents[1] / "shared" / "benchmarks" / "sbd_golden_rules" / "golden_rules_en.jsonl"

# Rules that contradict the project's own contract, with the reason.
GOLDEN_XFAIL = {
    37: "a bullet marker at the start of a line is excluded from the unit span by design "
    "(the rule expects '• 9. The first item')",
}


# --- helpers ------------------------------------------------------------------------------------------


def _load_cases() -> list[Any]:
    params: list[Any] = []
    for path in sorted(CASES_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                params.append(pytest.param(case, id=f"{path.stem}/{case['name']}"))
    return params


def _load_golden() -> list[Any]:
    if not GOLDEN.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{GOLDEN} is absent"), id="absent")]
    params: list[Any] = []
    for line in GOLDEN.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rule = json.loads(line)
        marks = [pytest.mark.xfail(strict=True, reason=GOLDEN_XFAIL[rule["id"]])] if rule["id"] in GOLDEN_XFAIL else []
        params.append(pytest.param(rule, marks=marks, id=f"{rule['id']:02d}-{rule['name']}"))
    return params


def _marker_positions(text: str) -> set[int]:
    """Positions of bullet markers: a BULLET_MARKERS character that is the first non-whitespace
    character of its line (lines as :meth:`str.splitlines` cuts them) and is followed by whitespace
    or by the end of the text."""
    found: set[int] = set()
    pos = 0
    for line in text.splitlines(keepends=True):
        lead = len(line) - len(line.lstrip())
        j = pos + lead
        if lead < len(line) and text[j] in BULLET_MARKERS and (j + 1 == len(text) or text[j + 1].isspace()):
            found.add(j)
        pos += len(line)
    return found


def _check_invariants(text: str, units: list[Unit]) -> None:
    covered = bytearray(len(text))
    prev_end = 0
    for u in units:
        assert text[u.start : u.end] == u.text
        assert u.text, "empty unit"
        assert not u.text[0].isspace() and not u.text[-1].isspace(), repr(u.text)
        assert len(u.text) <= MAX_UNIT_CHARS, len(u.text)
        assert u.start >= prev_end, "units overlap or are out of order"
        prev_end = u.end
        covered[u.start : u.end] = b"\x01" * (u.end - u.start)
    markers = _marker_positions(text)
    for i, ch in enumerate(text):
        if not ch.isspace() and not covered[i]:
            assert i in markers, f"character {ch!r} at {i} dropped"


def _texts(units: list[Unit]) -> list[str]:
    return [u.text for u in units]


# --- table-driven cases -------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _load_cases())
def test_case_file(case: dict[str, Any]) -> None:
    segmenter = Segmenter(detect_boilerplate=case.get("detect_boilerplate", True))
    units = segmenter.segment(case["text"])
    assert [[u.text, u.kind.value] for u in units] == case["units"]
    _check_invariants(case["text"], units)


def test_case_files_exist() -> None:
    assert len(_load_cases()) >= 30


# --- golden rules -------------------------------------------------------------------------------------


@pytest.mark.parametrize("rule", _load_golden())
def test_golden_rule(rule: dict[str, Any]) -> None:
    assert [u.text.strip() for u in segment(rule["text"])] == rule["sentences"]


# --- samples ------------------------------------------------------------------------------------------


def _sample(name: str) -> str:
    path = SAMPLES_DIR / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path.read_text(encoding="utf-8")


def test_axios_sample() -> None:
    text = _sample("axios.txt")
    units = segment(text)
    _check_invariants(text, units)
    kinds = {u.text: u.kind for u in units}
    for boiler in (
        "Jan 12, 2020 - World",
        "Photo: Brendan Smialowski/AFP via Getty Images",
        "More from the interview:",
        "Go deeper",
    ):
        assert kinds.get(boiler) is Kind.BOILERPLATE, boiler
    assert kinds.get("Exclusive: Trump tells Kim Jong-un he wants to resume talks") is Kind.LINE
    assert kinds.get("Trump and Kim Jong un") is Kind.LINE
    assert [u.text for u in units if u.kind is Kind.BOILERPLATE] == [
        "Jan 12, 2020 - World",
        "Photo: Brendan Smialowski/AFP via Getty Images",
        "More from the interview:",
        "Go deeper",
    ]
    texts = _texts(units)
    assert 'Kim "promised to send a Christmas present," O\'Brien said.' in texts
    assert '"The president suggested he send him a vase.' in texts
    assert "We didn't get a vase or any other sort of Christmas gift." in texts
    assert any(t.startswith("\"We've been letting them know") and t.endswith("Korean Peninsula.") for t in texts)
    for phrase in ("Gen. Qasem Soleimani", "U.S. troops", "No. 1 geopolitical", "economy ... and because"):
        assert sum(phrase in t for t in texts) == 1, phrase
    # Bullets: the marker never belongs to a unit, each bullet's sentences are separate units.
    assert not any(t.startswith("•") for t in texts)
    assert "Trump recently sent a birthday message to Kim." in texts
    assert "But the North Koreans have already said Trump's courtship will not change their policy." in texts


def test_secondary_sample() -> None:
    text = _sample("secondary.txt")
    units = segment(text)
    _check_invariants(text, units)
    assert all(u.kind is Kind.SENTENCE for u in units)
    assert "That appears to be positive,\u201d he said." in _texts(units)
    # One paragraph per line: no unit crosses a line break.
    assert not any("\n" in u.text for u in units)
    assert len(units) == 16


@pytest.mark.parametrize("width", [60, 72, 80, 100])
def test_hard_wrapping_does_not_change_units(width: int) -> None:
    text = _sample("axios.txt") + "\n\n" + _sample("secondary.txt").replace("\n", "\n\n")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip() and not p.strip().startswith("•")]
    for para in paragraphs:
        wrapped = "\n".join(textwrap.wrap(para, width, break_on_hyphens=False, break_long_words=False))
        flat = [" ".join(u.text.split()) for u in segment(wrapped)]
        assert flat == [" ".join(u.text.split()) for u in segment(para)], para


# --- API ----------------------------------------------------------------------------------------------


def test_boilerplate_switch_only_changes_kinds() -> None:
    text = "Go deeper\n\nJan 12, 2020 - World\n\nThe talks resumed. They ended."
    on, off = Segmenter().segment(text), Segmenter(detect_boilerplate=False).segment(text)
    assert [(u.start, u.end) for u in on] == [(u.start, u.end) for u in off]
    assert Kind.BOILERPLATE in {u.kind for u in on}
    assert Kind.BOILERPLATE not in {u.kind for u in off}


def test_segmenter_is_reentrant() -> None:
    segmenter = Segmenter()
    a, b = "Hello World. My name is Jonas.", "Trump and Kim\n\nGo deeper"
    first = segmenter.segment(a)
    segmenter.segment(b)
    assert segmenter.segment(a) == first == segment(a)


def test_offsets_count_code_points() -> None:
    text = "\u201c\U0001f600 Emoji first.\u201d Then \u00e9t\u00e9. End."
    units = segment(text)
    assert _texts(units) == ["\u201c\U0001f600 Emoji first.\u201d", "Then \u00e9t\u00e9.", "End."]
    _check_invariants(text, units)


# --- linear time guard (no wall-clock assertion) ------------------------------------------------------


def test_long_line_without_punctuation_is_cut_at_whitespace() -> None:
    text = "word " * 40_000  # 200k characters, no stop anywhere
    units = Segmenter(detect_boilerplate=False).segment(text)  # (so many equal lines would be page furniture)
    _check_invariants(text, units)
    # 2,000 characters hold 400 words and end in a space: each piece is 399 words and the last one "word"
    assert [u.text for u in units] == ["word " * 399 + "word"] * 100
    assert {u.kind for u in units} == {Kind.LINE}


@pytest.mark.parametrize(
    ("text", "lengths"),
    [
        pytest.param("x" * 5_000, [2_000, 2_000, 1_000], id="one-word-cut-inside"),
        pytest.param("x" * 1_500 + " " + "y" * 1_500, [1_500, 1_500], id="space-in-second-half"),
        pytest.param("x" * 900 + " " + "y" * 2_100, [2_000, 1_001], id="space-only-in-first-half"),
        pytest.param("x" * 2_000, [2_000], id="exactly-the-limit"),
        pytest.param("Short one. Z " + "z " * 1_499 + "end.", [10, 1_999, 1_004], id="a-stop-ends-the-last-piece"),
    ],
)
def test_a_unit_longer_than_the_limit_is_cut(text: str, lengths: list[int]) -> None:
    units = segment(text)
    _check_invariants(text, units)
    assert [len(u.text) for u in units] == lengths
    assert units[-1].kind is (Kind.SENTENCE if text.endswith(".") else Kind.LINE)


# runs long enough to be cut: a character or a short word repeated up to 2,500 times, lengths near the limit
_LONG_RUNS = st.builds(
    lambda piece, count: piece * count,
    st.sampled_from(["x", "word ", "a. ", "e\u0301", " ", "\u3000", "x\u200b", "said. The "]),
    st.one_of(st.integers(1, 2_500), st.sampled_from([999, 1_000, 1_001, 1_999, 2_000, 2_001])),
)
_LONG_WORDS = st.one_of(st.sampled_from(["word", "said.", "Mr.", "“quoted”", "e\u0301"]), _LONG_RUNS)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_LONG_WORDS, st.sampled_from([" ", "\n", "  ", "\t", ""])), max_size=12))
def test_property_long_runs_are_bounded(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    _check_invariants(text, segment(text))


def test_long_line_of_false_stops() -> None:
    text = "a. " * 30_000 + "x.y" * 20_000  # many candidate stops, none of them a boundary
    units = segment(text)
    _check_invariants(text, units)
    # every unit but the last was cut for its length (in its second half), none at a stop
    assert all(len(u.text) >= MAX_UNIT_CHARS // 2 for u in units[:-1])


def test_many_sentences() -> None:
    text = "This is sentence number one. " * 5_000
    assert len(segment(text)) == 5_000


# --- properties ---------------------------------------------------------------------------------------

_TRICKY = ".!?…\"'“”‘’()[]:;,•·-–—*+ \t\n\r\u00a0\u2028\x0b\x1c1aAzZ"
_WORDS = [
    "Mr.",
    "U.S.",
    "Gen.",
    "No.",
    "1.",
    "2)",
    "a.m.",
    "p.m.",
    "e.g.",
    "Inc.",
    "J.",
    "the",
    "said",
    "Trump",
    "Kim",
    "talks",
    "$5.5",
    "3.14",
    "...",
    ". . .",
    "…",
    "[...]",
    '"Hello.',
    "world.”",
    "it?",
    "no!",
    "(AP",
    "Photo/Getty)",
    "Photo:",
    "By",
    "Go deeper",
    "Jan 12, 2020",
    "•",
    "-",
    "—",
    "*",
    "https://example.com/a.b",
]
_SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\r\n", "\n  • ", "\n- ", "\u00a0", "\t", ""]


@st.composite
def _sentence_like(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=40))
    return "".join(word + sep for word, sep in parts)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_property_any_text(text: str) -> None:
    _check_invariants(text, segment(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_TRICKY, max_size=200))
def test_property_tricky_alphabet(text: str) -> None:
    _check_invariants(text, segment(text))


@settings(max_examples=300, deadline=None)
@given(_sentence_like(), st.booleans())
def test_property_sentence_like(text: str, boilerplate: bool) -> None:
    units = Segmenter(detect_boilerplate=boilerplate).segment(text)
    _check_invariants(text, units)
    if not boilerplate:
        # Without boilerplate detection the kind only says whether the unit ends in a stop.
        for u in units:
            ends = u.text.rstrip("\"'”’)]}»›")[-1:] in {".", "!", "?", "…"}
            assert u.kind is (Kind.SENTENCE if ends else Kind.LINE), u.text


@settings(max_examples=100, deadline=None)
@given(_sentence_like())
def test_property_whitespace_only_is_empty(text: str) -> None:
    blank = "".join(ch for ch in text if ch.isspace())
    assert segment(blank) == []


NAV_LINES = [
    "🎥 WATCH: the clip",
    "▶ Listen: the podcast",
    "Read more: the council's plan",
    "Sign up for our newsletter",
    "Please wait while we load the latest comments",
    "Tap here to subscribe",
    "Worth a read: the long story",
    "You may also like: more stories",
    "People are also reading:",
    "Low on data? Read a low-bandwidth version of this story here.",
    "Music video not playing? Click here",
    "For more information, visit the website",
    "Also on CNN: another story",
]


@pytest.mark.parametrize("line", NAV_LINES)
def test_reader_prompts_pass_the_cheap_test_before_their_pattern(line: str) -> None:
    """The words test that spares compiling the long prompt pattern never turns a prompt away."""
    import re

    from claimdiff import boilerplate

    assert re.fullmatch(boilerplate._NAV_PREFIX, line), line
    colon, prompt = boilerplate._may_open_nav(line)
    assert (colon and re.fullmatch(boilerplate._NAV_COLON, line)) or (
        prompt and re.fullmatch(boilerplate._NAV_PROMPT, line)
    )
    assert boilerplate._may_open_nav("The council approved the budget on Tuesday.") == (False, False)
