"""Copies and versions: only the current version of each report counts, of two formats the
cleaner, never merely the longer; the same report as text and PDF is recognised as one."""

from __future__ import annotations

from dataclasses import replace

import copies_documents
from gcm_review.synthesis.copies import (
    copies_note,
    drop_copies,
    find_relations,
    paragraphs_cell,
    signatures_of,
)
from gcm_review.synthesis.records import DocumentInfo, ReviewInput, ReviewParagraph, SectionInfo


def report_text(seed: int, paragraphs: int = 12) -> list[str]:
    """A report's paragraphs: sentences of plausible words, different for every seed."""
    return copies_documents.report_text(seed, paragraphs, words=40)


def as_pdf(texts: list[str]) -> list[str]:
    """The same text as a PDF extracts it: line breaks, a page header and a numbered footer
    glued to a word, and paragraphs cut at page breaks."""
    pages = []
    for number, text in enumerate(texts, start=1):
        words = text.split()
        half = len(words) // 2
        pages.append("\n".join([" ".join(words[:half]), " ".join(words[half:])]))
        if number % 3 == 0:
            pages[-1] += f" 21-00417 - {number} Regional review page header"
    return pages


def paragraphs_of(
    document_id: int, texts: list[str], country: str = "EGY"
) -> list[ReviewParagraph]:
    return [
        ReviewParagraph(
            id=document_id * 1000 + seq,
            document_id=document_id,
            document=f"d{document_id}",
            seq=seq,
            text=text,
            country=country,
            stakeholder_group="member-state",
        )
        for seq, text in enumerate(texts)
    ]


def doc(
    doc_id: int,
    name: str,
    *,
    paragraphs: int = 12,
    version: int = 1,
    format: str = "html",
    repairs: int = 0,
    owner: str | None = None,
    title: str | None = "Voluntary review",
) -> DocumentInfo:
    return DocumentInfo(
        doc_id,
        name,
        title,
        "en",
        paragraphs,
        version=version,
        format=format,
        repairs=repairs,
        owner=owner,
    )


def review_of(
    *docs: tuple[DocumentInfo, list[str]], accepted: frozenset[frozenset[int]] = frozenset()
) -> ReviewInput:
    paragraphs = [p for info, texts in docs for p in paragraphs_of(info.id, texts)]
    sections = tuple(SectionInfo(info.id, "Roundtable 1", "roundtable") for info, _ in docs)
    return ReviewInput(
        tuple(info for info, _ in docs), sections, tuple(paragraphs), accepted_pairs=accepted
    )


def counted(review: ReviewInput) -> list[int]:
    return sorted({p.document_id for p in drop_copies(review).paragraphs})


def test_text_and_pdf_of_one_report_count_once_and_the_cleaner_wins() -> None:
    text = report_text(1)
    pdf = as_pdf(text) + ["Contents 1 Introduction 3 Annex 4"] * 3  # longer, and damaged
    review = review_of(
        (doc(1, "egypt.pdf", format="pdf", paragraphs=15, repairs=40), pdf),
        (doc(2, "egypt.txt", format="text", repairs=1), text),
    )
    result = drop_copies(review)
    assert counted(review) == [2]
    assert [d.copy_of for d in result.documents] == ["egypt.txt", None]
    assert {s.document_id for s in result.sections} == {2}
    assert paragraphs_cell(result.documents[0]) == "not counted: a copy of egypt.txt"
    assert paragraphs_cell(result.documents[1]) == "12"


def test_the_longer_copy_does_not_win_when_it_needed_more_repairs() -> None:
    text = report_text(2)
    review = review_of(
        (doc(1, "r.html", paragraphs=30, repairs=30), text + text[:6]),
        (doc(2, "r.pdf", format="pdf", repairs=2), text),
    )
    assert counted(review) == [2]


def test_a_newer_version_supersedes_the_older_even_when_shorter() -> None:
    old, new = report_text(3, 20), report_text(3, 12)
    new[0] = "A corrected first paragraph about remittances."
    review = review_of(
        (doc(1, "jordan.pdf", version=1, paragraphs=20), old),
        (doc(2, "jordan.pdf", version=2), new),
    )
    result = drop_copies(review)
    assert counted(review) == [2]
    assert result.documents[0].superseded_by == "jordan.pdf (version 2)"
    assert not result.documents[0].counted and result.documents[1].counted
    assert copies_note(result.documents) == (
        "jordan.pdf was set aside as an older version: jordan.pdf (version 2) was used.",
    )


def test_a_corrected_text_under_a_new_name_supersedes_the_first() -> None:
    first = report_text(4)
    corrected = first[:10] + report_text(40, 2)  # a sixth of it rewritten
    review = review_of(
        (doc(1, "report.docx", format="docx"), first),
        (doc(2, "report-corrected.docx", format="docx"), corrected),
    )
    [relation] = find_relations(review.documents, signatures_of(review))
    assert (relation.kind, relation.set_aside, relation.kept) == ("version", 1, 2)
    assert counted(review) == [2]


def test_a_copy_of_a_superseded_version_is_superseded_too() -> None:
    text = report_text(5)
    newer = [*text[:10], "New paragraph one about return.", "New paragraph two on data."]
    review = review_of(
        (doc(1, "egypt.html", repairs=0), text),
        (doc(2, "egypt.pdf", format="pdf", repairs=5), as_pdf(text)),
        (doc(3, "egypt.html", version=2), newer),
    )
    result = drop_copies(review)
    assert counted(review) == [3]
    assert [d.superseded_by for d in result.documents] == [
        "egypt.html (version 2)",
        "egypt.html (version 2)",
        None,
    ]


def test_different_reports_with_one_title_both_count() -> None:
    review = review_of(
        (doc(1, "egypt.pdf"), report_text(6)), (doc(2, "jordan.pdf"), report_text(7))
    )
    assert drop_copies(review) is review


def test_across_uploaders_nothing_applies_until_an_analyst_accepts() -> None:
    text = report_text(8)
    secretariat = (doc(1, "egypt.html", repairs=5), text)
    focal_point = (doc(2, "egypt-copy.pdf", format="pdf", owner="JOR"), as_pdf(text))
    review = review_of(secretariat, focal_point)
    [relation] = find_relations(review.documents, signatures_of(review))
    assert relation.across_uploaders
    assert counted(review) == [1, 2]
    accepted = review_of(secretariat, focal_point, accepted=frozenset({relation.pair}))
    assert counted(accepted) == [relation.kept]


def test_stored_signatures_are_used_when_given() -> None:
    review = review_of((doc(1, "a.html"), report_text(9)), (doc(2, "b.pdf", format="pdf"), []))
    stored = signatures_of(review)[1]
    with_signature = review_of(
        (doc(1, "a.html"), report_text(9)),
        (
            DocumentInfo(2, "b.pdf", None, "en", 0, format="pdf", repairs=9, signature=stored),
            [],
        ),
    )
    assert counted(with_signature) == [1]


def test_two_review_cycles_are_two_reports() -> None:
    text = report_text(10)
    review = review_of(
        (replace(doc(1, "jordan.pdf"), review_cycle="2020"), text),
        (replace(doc(2, "jordan.pdf", version=2), review_cycle="2024"), text),
    )
    assert drop_copies(review) is review


def test_many_unrelated_documents_are_not_all_compared() -> None:
    documents = [doc(i, f"r{i}.html") for i in range(1, 201)]
    texts = {i: report_text(1000 + i, 3) for i in range(1, 201)}
    review = review_of(*((d, texts[d.id]) for d in documents))
    assert find_relations(review.documents, signatures_of(review)) == ()
