"""Scoring: folding, attribution, stems and the similarity scale, with the failure classes pinned."""

from __future__ import annotations

import pytest

from claimdiff import similarity
from claimdiff.normalize import fold, stem, strip_attribution, tokens
from claimdiff.worddiff import changed_words


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("O\u2019Brien\u00a0said", "o'brien said"),
        ("\u201cYes\u201d \u2014 no", '"yes" - no'),
        ("  Many \t spaces\r\n here ", "many spaces here"),
        ("\ufb01nal \u2026", "final ..."),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ('"we will not raise taxes," ruiz said on tuesday.', '"we will not raise taxes,'),
        ('"we will not raise taxes," said finance minister ana ruiz.', '"we will not raise taxes'),
        (
            "christina's aunt, shelley riling, said the defense's claims were false.",
            "christina's aunt, shelley riling, said the defense's claims were false.",
        ),
        ('ruiz told reporters: "we will not raise taxes."', '"we will not raise taxes."'),
        ("the deal is off, according to two officials familiar with the talks.", "the deal is off"),
        ("the minister said the deal is off.", "the minister said the deal is off."),
    ],
)
def test_strip_attribution(text: str, stripped: str) -> None:
    assert strip_attribution(text) == stripped


def test_tokens_and_stems() -> None:
    assert tokens(fold("The U.S. sent 4.7 billion")) == ["the", "u.s", "sent", "4.7", "billion"]
    assert {stem(w) for w in ("negotiate", "negotiated", "negotiations", "negotiating")} == {"negotiat"}
    assert stem("news") == "news" and stem("Bolton") == "Bolton"


def test_similarity_scale() -> None:
    assert similarity("Prices rose 5% in May.", "Prices rose 5% in May.") == 100.0
    assert similarity("", "") == 0.0
    assert 0.0 <= similarity("Prices rose.", "Cats sleep.") < 10.0


def test_typography_and_attribution_do_not_change_the_score() -> None:
    assert (
        similarity(
            '"We will not raise taxes on working families," Ruiz said.',
            "Ruiz told reporters: \u201cWe will not raise taxes on working families.\u201d",
        )
        == 100.0
    )


def test_headline_subset_of_a_long_sentence_scores_low() -> None:
    # token_set_ratio gives 100 here: every headline word is in the sentence
    headline = "Senate passes stopgap budget"
    sentence = (
        "Lawmakers in the House spent Wednesday arguing over a farm bill, and the Senate passes a stopgap "
        "budget resolution on most Thursdays without debate, a veteran aide said."
    )
    assert similarity(headline, sentence) < 45


def test_changed_figure_lowers_the_score() -> None:
    same = similarity("The company will cut 550 jobs.", "The company will cut 550 jobs by March.")
    other = similarity("The company will cut 550 jobs.", "The company will cut 500 jobs by March.")
    assert other < same


def test_symmetry() -> None:
    x = "The storm made landfall near Galveston early Sunday."
    y = "The hurricane came ashore near Galveston early Sunday and knocked out power."
    assert similarity(x, y) == similarity(y, x)


def test_changed_words_ignores_typography() -> None:
    assert changed_words("\u201cWe\u2019re done,\u201d she said.", '"We\'re done," she said.') == ([], [])
    a, b = changed_words("four months in office", "five months in office")
    assert a == [(0, 4)] and b == [(0, 4)]


def test_a_name_only_one_claim_mentions_lowers_the_score() -> None:
    plain = similarity("The minister resigned on Monday after the vote.", "The minister resigned on Monday.")
    named = similarity(
        "The minister resigned on Monday after the vote.", "The minister resigned on Monday, Okafor said."
    )
    other = similarity("The minister resigned on Monday after the vote.", "The minister met Okafor on Monday.")
    assert named == plain  # attribution is folded away before names are read
    assert other < similarity("The minister resigned on Monday after the vote.", "The minister met them on Monday.")


def test_names_the_other_report_mentions_elsewhere_do_not_count_against_a_pair() -> None:
    from claimdiff.similarity.lexical import Scorer, foreign_names

    scorer = Scorer()
    report_a = [scorer.profile(t) for t in ("Velarc said it would rebuild.", "A fire tore through a plant in Dunmore.")]
    report_b = [scorer.profile("Flames engulfed the Velarc plant in Dunmore.")]
    assert "velarc" in report_b[0].names
    narrowed = foreign_names(report_b, report_a)
    assert narrowed[0].names == frozenset()  # report A names Velarc elsewhere
    assert scorer.score(report_a[1], narrowed[0]) > scorer.score(report_a[1], report_b[0])
    assert foreign_names(report_b, report_a[1:])[0].names == {"velarc"}
