"""Quotations: whole sentences, cut at a word with an ellipsis, and each quoted once."""

from __future__ import annotations

from gcm_review.synthesis.evidence import objective_evidence
from gcm_review.synthesis.quotes import ELLIPSIS, cut, quote
from gcm_review.synthesis.records import ParagraphTag, ReviewParagraph


def test_a_short_sentence_is_kept_whole() -> None:
    assert quote("Jordan reformed recruitment.") == "Jordan reformed recruitment."


def test_a_long_sentence_is_cut_at_a_word_with_an_ellipsis() -> None:
    sentence = "The ministry " + "extended protection to domestic workers " * 20 + "last year."
    quoted = quote(sentence, limit=100)
    assert quoted.endswith(ELLIPSIS) and len(quoted) <= 101
    body = quoted.removesuffix(ELLIPSIS)
    assert sentence.startswith(body)
    assert sentence[len(body)] in " ,"  # never inside a word


def test_a_cut_prefers_the_end_of_a_clause() -> None:
    text = "Jordan adopted a strategy for labour migration, " + "x" * 30 + " more words here"
    assert cut(text, 70) == "Jordan adopted a strategy for labour migration" + ELLIPSIS


def test_a_sentence_cut_by_the_splitter_is_completed_from_its_paragraph() -> None:
    paragraph = "It said so. The plan covers wages and permits for all workers. Then more."
    assert quote("The plan covers wages", paragraph=paragraph) == (
        "The plan covers wages and permits for all workers."
    )


def test_arabic_is_cut_at_a_word_too() -> None:
    sentence = "اعتمدت الحكومة استراتيجية وطنية للهجرة " * 12
    quoted = quote(sentence.strip(), limit=60)
    assert quoted.endswith(ELLIPSIS)
    assert sentence.startswith(quoted.removesuffix(ELLIPSIS))
    assert sentence[len(quoted) - 1] == " "


def _para(pid: int, text: str, *tags: tuple[int, float, str]) -> ReviewParagraph:
    return ReviewParagraph(
        id=pid,
        document_id=1,
        document="d",
        seq=pid,
        text=text,
        tags=tuple(ParagraphTag(f"objective:{n}", p, "model", "proposed", s) for n, p, s in tags),
    )


def test_one_sentence_is_quoted_under_one_objective_only() -> None:
    first = "Jordan extended the wage protection system to domestic workers."
    second = "Recruitment fees were abolished."
    paras = [
        _para(1, f"{first} Other words.", (6, 0.9, first), (7, 0.8, first), (10, 0.7, first)),
        _para(2, second, (7, 0.6, second)),
    ]
    evidence = {e.objective: e for e in objective_evidence(paras)}
    assert evidence[6].sentence == first and evidence[6].quoted_under is None
    assert evidence[7].sentence == second and evidence[7].paragraph_id == 2
    assert evidence[7].paragraph_ids == (1, 2)
    assert evidence[10].quoted_under == 6  # nothing else to quote: it says where the quote is
    quotes = [e.sentence for e in evidence.values() if e.quoted_under is None]
    assert len(quotes) == len(set(quotes))
