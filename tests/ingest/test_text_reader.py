"""Text and Markdown reader: one block per line, blank lines as gap_before, form feeds as pages."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from gcm_review.errors import TooManyParagraphs
from gcm_review.ingest import read
from gcm_review.ingest.result import ReadLimits
from gcm_review.ingest.text_reader import read_text

TXT = Path("report.txt")
MD = Path("report.md")


def test_lines_and_gaps() -> None:
    result = read_text(b"Title\n\nfirst line\nsecond line\n\n\n\nafter three\n", path=TXT)
    assert [block.text for block in result.blocks] == [
        "Title",
        "first line",
        "second line",
        "after three",
    ]
    assert [block.gap_before for block in result.blocks] == [0.0, 1.0, 0.0, 3.0]
    assert {block.kind for block in result.blocks} == {"line"}
    assert {block.page for block in result.blocks} == {None}
    assert result.page_count is None
    assert result.encoding == "utf-8"


def test_whitespace_only_lines_count_as_blank_and_text_is_kept_verbatim() -> None:
    data = b"- 42. Ms. X\n \t \n\tA.\tOpening\t11-18\n"
    result = read_text(data, path=TXT)
    assert [block.text for block in result.blocks] == ["- 42. Ms. X", "\tA.\tOpening\t11-18"]
    assert result.blocks[1].gap_before == 1.0


def test_form_feeds_make_pages() -> None:
    data = b"page one a\npage one b\n\fpage two\n\n\fpage three\n\f"
    result = read_text(data, path=TXT)
    assert result.page_count == 3
    assert [(block.text, block.page, block.gap_before) for block in result.blocks] == [
        ("page one a", 1, None),
        ("page one b", 1, 0.0),
        ("page two", 2, None),
        ("page three", 3, None),
    ]


def test_markdown_headings_by_suffix() -> None:
    data = b"# Outcome\n\nIntro line\n\n## II. Sessions ##\n- bullet one\n* bullet two\n#nospace\n"
    blocks = read_text(data, path=MD).blocks
    assert [(block.kind, block.level, block.text) for block in blocks] == [
        ("heading", 1, "Outcome"),
        ("line", None, "Intro line"),
        ("heading", 2, "II. Sessions"),
        ("line", None, "- bullet one"),
        ("line", None, "* bullet two"),
        ("line", None, "#nospace"),
    ]


def test_markdown_recognised_by_a_first_line_heading() -> None:
    blocks = read_text(b"# Report\n### Annex\n", path=TXT).blocks
    assert [(block.kind, block.level) for block in blocks] == [("heading", 1), ("heading", 3)]


def test_plain_text_hash_lines_stay_lines() -> None:
    blocks = read_text(b"Report\n# not a heading here\n", path=TXT).blocks
    assert [block.kind for block in blocks] == ["line", "line"]


def test_cp1256_text_file() -> None:
    result = read_text("العراق\n\nالأردن\n".encode("cp1256"), path=TXT)
    assert result.encoding == "cp1256"
    assert [block.text for block in result.blocks] == ["العراق", "الأردن"]


def test_arab_states_report(arab_states_report: Path) -> None:
    data = arab_states_report.read_bytes()
    doc = read(arab_states_report, max_bytes=10_000_000)
    lines = data.decode("utf-8").split("\n")
    non_blank = [line for line in lines if line.strip()]
    assert doc.format == "text"
    assert doc.encoding == "utf-8"
    assert doc.sha256 == hashlib.sha256(data).hexdigest()
    assert doc.page_count is None
    assert [block.text for block in doc.blocks] == non_blank
    assert {block.kind for block in doc.blocks} == {"line"}
    assert {block.page for block in doc.blocks} == {None}
    last = max(index for index, line in enumerate(lines) if line.strip())
    assert sum(block.gap_before or 0 for block in doc.blocks) == last + 1 - len(non_blank)
    assert any(block.text.startswith("- 42.") for block in doc.blocks)
    assert any(block.text.startswith("Intro\t") for block in doc.blocks)  # tabs kept for repair


def test_lines_past_the_limit_are_refused_while_reading() -> None:
    data = b"one\n\ntwo\fthree\n"
    assert len(read_text(data, path=Path("a.txt"), limits=ReadLimits(max_blocks=3)).blocks) == 3
    with pytest.raises(TooManyParagraphs) as caught:
        read_text(data, path=Path("a.txt"), limits=ReadLimits(max_blocks=2))
    assert caught.value.one_line() == (
        "a.txt: more than 2 paragraphs or lines (max_paragraphs); split the file, or raise it "
        "with GCM_REVIEW_MAX_PARAGRAPHS if the file is genuine"
    )
