from __future__ import annotations

from collections import Counter

from repair_builders import document, pdf_lines

from gcm_review.ingest.repair import repair
from gcm_review.ingest.repair.arabic import ARABIC_STRAY_MARK, drop_stray_marks, fix_bidi_runs
from gcm_review.ingest.repair.hyphenation import PDFIUM_HYPHEN, open_pdfium_hyphens
from gcm_review.ingest.repair.lines import Line
from gcm_review.ingest.repair.vocabulary import Vocabulary
from gcm_review.model import Block


def test_docx_blocks_pass_through_with_text_repairs_only() -> None:
    blocks = (
        Block(text="Intro\tducti\ton", kind="heading", level=1),
        Block(text="First point\u00a0of the list", kind="list_item", label="1."),
        Block(text="lowercase text that is not joined", kind="text"),
        Block(text="It ended with a fair(ab)7(cd)-2(ef)g TJETQq1.2(ab)x", kind="text"),
    )
    result = repair(document(blocks, format="docx"))
    assert [(block.kind, block.level, block.label) for block in result.blocks] == [
        ("heading", 1, None),
        ("list_item", None, "1."),
        ("text", None, None),
        ("text", None, None),
    ]
    assert [block.text for block in result.blocks] == [
        "Introduction",
        "First point of the list",
        "lowercase text that is not joined",
        "It ended with a fair",
    ]
    assert [(item.kind, item.block) for item in result.repairs] == [
        ("unicode-normalisation", 1),
        ("letter-split", 0),
        ("content-stream-garbage", 3),
    ]


def test_text_file_paragraph_block_with_newlines_is_reflowed() -> None:
    blocks = (
        Block(text="The review was\nprepared by the develop-\nment committee."),
        Block(text="- 2. A second\nparagraph."),
    )
    result = repair(document(blocks, format="text"))
    assert [block.text for block in result.blocks] == [
        "The review was prepared by the development committee.",
        "- 2. A second paragraph.",
    ]
    assert [(item.kind, item.block) for item in result.repairs] == [("hyphenation", 0)]


def test_paragraph_repairs_report_the_page_where_they_happen() -> None:
    pages: list[list[str | tuple[str, float]]] = [
        ["7. The delegate described the programme of the"],
        ["ministry and the I n t r o d u c t i o n of new rules."],
    ]
    result = repair(document(pdf_lines(pages), format="pdf"))
    assert [block.text for block in result.blocks] == [
        "7. The delegate described the programme of the ministry and the Introduction of new rules."
    ]
    assert [(item.kind, item.block, item.page) for item in result.repairs] == [
        ("page-join", 0, 2),
        ("letter-split", 0, 2),
    ]
    assert result.blocks[0].page == 1


def test_pdfium_hyphen_marks_opened_and_next_gap_corrected() -> None:
    vocabulary = Vocabulary(counts=Counter({"migration": 2}))
    lines = [
        Line(f"to implement the Compact for Migra{PDFIUM_HYPHEN}tion. It was", 0, 1, 0.0),
        Line("prepared for the review", 1, 1, 1.0),
        Line(f"their well{PDFIUM_HYPHEN}being", 2, 1, 0.0),
    ]
    out, edits = open_pdfium_hyphens(lines, vocabulary=vocabulary)
    assert out[0].text == "to implement the Compact for Migration. It was"
    assert out[1].gap == 0.0
    assert out[2].text == "their well-being"
    assert [(line.block, edit.removed, edit.inserted) for line, edit in edits] == [
        (0, PDFIUM_HYPHEN, ""),
        (2, PDFIUM_HYPHEN, "-"),
    ]
    result = repair(
        document(
            tuple(
                Block(text=line.text, page=1, kind="line", gap_before=line.gap) for line in lines
            ),
            format="pdf",
        )
    )
    assert len(result.blocks) == 1


def test_stray_arabic_marks_removed() -> None:
    text, edit = drop_stray_marks("\u064b كبيرة من المهاجرين \u064b")
    assert text == "كبيرة من المهاجرين"
    assert edit is not None
    assert (edit.kind, edit.count) == (ARABIC_STRAY_MARK, 2)
    assert drop_stray_marks("أعداداً كبيرة") == ("أعداداً كبيرة", None)


def test_hyphenated_latin_word_in_rtl_line_put_back() -> None:
    fixed, _edit = fix_bidi_runs("كتبت لعرض برنامج review-gcm التوضيحي")
    assert fixed == "كتبت لعرض برنامج gcm-review التوضيحي"


def test_block_emptied_by_repairs_is_dropped_but_recorded() -> None:
    blocks = (
        Block(text="Kept paragraph.", kind="text"),
        Block(text="BT 12 Tf (x) Tj ET", kind="text"),
    )
    result = repair(document(blocks, format="html"))
    assert [block.text for block in result.blocks] == ["Kept paragraph."]
    assert [item.kind for item in result.repairs] == ["content-stream-garbage"]


def test_source_kept_untouched() -> None:
    doc = document((Block(text="Intro\tducti\ton", kind="line", gap_before=0.0),))
    result = repair(doc)
    assert result.source is doc
    assert doc.raw_text == "Intro\tducti\ton"
