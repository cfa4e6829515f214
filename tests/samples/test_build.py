"""The committed demo corpus and broken inputs: present, readable, fictional, and what
`make samples` rebuilds (compared by content, not bytes)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from docx.oxml.ns import qn
from sample_content import content_of

from gcm_review.samples import FICTIONAL_MARKERS, broken_samples_dir, sample_corpus_dir
from gcm_review.samples.build import SOURCES_DIR, build_corpus, build_samples
from gcm_review.samples.docx_writer import NUMBERED_LIST_ID
from gcm_review.samples.pdf_writer import FONT_DIR

CORPUS: list[Path] = sorted(sample_corpus_dir().iterdir())
ROUNDTABLE_CLUSTERS = {
    1: "2, 5, 6, 12 and 18",
    2: "4, 8, 9, 10, 11, 13 and 21",
    3: "14, 15, 16, 19, 20 and 22",
    4: "1, 3, 7, 17 and 23",
}


def _language(path: Path) -> str:
    return path.stem.rsplit("-", 1)[-1]


def _pdf_pages(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def _docx_list_ids(path: Path) -> list[int]:
    document = docx.Document(str(path))
    return [
        int(num_id.get(qn("w:val")))
        for paragraph in document.paragraphs
        for num_id in paragraph._p.iter(qn("w:numId"))
    ]


def _text_of(path: Path) -> str:
    if path.suffix == ".pdf":
        return "\n".join(_pdf_pages(path))
    if path.suffix == ".docx":
        return "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8")


def _file(name_part: str, suffix: str) -> Path:
    return next(path for path in CORPUS if name_part in path.stem and path.suffix == suffix)


def test_corpus_covers_three_languages_and_four_formats() -> None:
    assert {_language(path) for path in CORPUS} >= {"en", "fr", "ar"}
    assert {path.suffix for path in CORPUS} >= {".pdf", ".docx", ".html", ".txt"}


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_every_corpus_file_opens_and_is_marked_fictional(path: Path) -> None:
    if path.suffix == ".pdf":
        assert all(page.strip() for page in _pdf_pages(path)), "a page without text"
    if path.suffix == ".docx":
        assert NUMBERED_LIST_ID in _docx_list_ids(path)
    text = _text_of(path)
    assert FICTIONAL_MARKERS[_language(path)] in text[:600]


def test_english_pdf_has_running_header_footer_hyphens_and_a_carried_paragraph() -> None:
    pages = _pdf_pages(_file("jordan", ".pdf"))
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        lines = page.splitlines()
        assert lines[0].startswith("Jordan - Voluntary National Review")
        assert lines[-1] == f"Page {number} of {len(pages)}"
    text = "\n".join(pages)
    # pdfium reports a hyphen that ends a line as U+FFFE and joins the two lines.
    assert len(re.findall(r"[a-z]\ufffe[a-z]", text)) >= 3
    last_body_lines = [page.splitlines()[-2] for page in pages[:-1]]
    assert any(not line.rstrip().endswith((".", ":", ";")) for line in last_body_lines)
    assert "objective 6" in text
    assert "objectives 9 and 10" in text


def test_french_docx_numbers_come_from_numbering_only() -> None:
    path = _file("morocco", ".docx")
    document = docx.Document(str(path))
    list_ids = _docx_list_ids(path)
    assert list_ids.count(NUMBERED_LIST_ID) == 20
    styles = [paragraph.style.name for paragraph in document.paragraphs if paragraph.style]
    assert "Heading 2" in styles
    assert len(document.tables) == 1
    numbered_texts = [
        paragraph.text
        for paragraph in document.paragraphs
        if any(True for _ in paragraph._p.iter(qn("w:numId")))
    ]
    assert not any(re.match(r"\d+\.", text) for text in numbered_texts)
    text = _text_of(path)
    assert "l’objectif 15" in text
    assert "objectifs 4 et 21" in text


def test_arabic_html_is_rtl_with_ordered_lists() -> None:
    html = _file("egypt", ".html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert html.count("<ol start=") >= 5
    assert "الهدف 20" in html


def test_arabic_pdf_is_extracted_with_the_usual_faults() -> None:
    html = _file("egypt", ".html").read_text(encoding="utf-8")
    pdf_text = "\n".join(_pdf_pages(_file("egypt", ".pdf")))
    assert "الاتفاق" in html
    # pdfium gives back the lam-alef ligature as alef + lam: a fault the repair stage must undo.
    assert "الاتفاق" not in pdf_text
    assert "االتفاق" in pdf_text
    assert "IOM" in pdf_text and "2022" in pdf_text


def test_conference_report_structure() -> None:
    text = _file("regional-review", ".txt").read_text(encoding="utf-8")
    blocks = [block.strip() for block in text.split("\n\n")]
    numbers = [
        int(match.group(1))
        for block in blocks
        if (match := re.match(r"(\d+)\. \S", block)) and block.endswith((".", ":"))
    ]
    assert numbers == list(range(1, len(numbers) + 1))
    assert 40 <= len(numbers) <= 60
    assert "Contents" in text[:1000]
    for country in ("1. Jordan", "2. Morocco", "3. Tunisia", "6. Lebanon"):
        assert f"\n\n{country}\n\n" in text
    for number, cluster in ROUNDTABLE_CLUSTERS.items():
        assert f"Roundtable {number}: Review of objectives {cluster} of" in text
    assert len([line for line in text.splitlines() if len(line) > 100]) == 1  # the title


def test_broken_inputs_are_broken_as_named() -> None:
    folder = broken_samples_dir()
    assert (folder / "empty.txt").stat().st_size == 0
    assert (folder / "utf16.txt").read_bytes().startswith(b"\xff\xfe")
    assert "عينة" in (folder / "arabic-cp1256.txt").read_bytes().decode("cp1256")
    with pytest.raises(UnicodeDecodeError):
        (folder / "french-latin1.txt").read_bytes().decode("utf-8")
    for name in ("encrypted.pdf", "corrupt.pdf"):
        with pytest.raises(pdfium.PdfiumError):
            pdfium.PdfDocument(folder / name)
    assert _pdf_pages(folder / "scanned.pdf") == [""]
    with pytest.raises(Exception, match="[Pp]ackage|Content_Types"):
        docx.Document(str(folder / "truncated.docx"))
    with pytest.raises(KeyError):
        docx.Document(str(folder / "archive.docx"))


def test_rebuild_gives_the_committed_content(tmp_path: Path) -> None:
    """`make samples` still gives what is committed: same files, same content (see sample_content).

    Bytes are not compared: a PDF's embedded font subset and a ZIP's deflated members change with
    the library versions that made them, while the text, pages, fonts and paragraphs do not.
    """
    assert FONT_DIR.is_dir(), (
        f"the build needs the DejaVu fonts in {FONT_DIR}: make system-packages"
    )
    written = build_samples(tmp_path)
    committed = {
        path.relative_to(path.parents[1]): path
        for folder in (sample_corpus_dir(), broken_samples_dir())
        for path in folder.iterdir()
    }
    rebuilt = {path.relative_to(tmp_path): path for path in written}
    assert rebuilt.keys() == committed.keys()
    changed = [
        str(name)
        for name, path in rebuilt.items()
        if content_of(path) != content_of(committed[name])
    ]
    assert not changed, f"committed samples are stale, run `make samples`: {changed}"


def test_a_changed_word_changes_the_content(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    shutil.copytree(SOURCES_DIR, sources)
    jordan = sources / "jordan-voluntary-review-2024-en.txt"
    jordan.write_text(
        jordan.read_text(encoding="utf-8").replace("shelter", "refuge", 1), encoding="utf-8"
    )
    rebuilt = {path.name: path for path in build_corpus(tmp_path / "corpus", sources_dir=sources)}
    different = {
        name
        for name, path in rebuilt.items()
        if content_of(path) != content_of(sample_corpus_dir() / name)
    }
    assert different == {"jordan-voluntary-review-2024-en.pdf"}


def test_repacked_zip_has_the_same_content(tmp_path: Path) -> None:
    committed = _file("morocco", ".docx")
    repacked = tmp_path / committed.name
    with zipfile.ZipFile(committed) as source, zipfile.ZipFile(repacked, "w") as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info), compress_type=zipfile.ZIP_STORED)
    assert repacked.read_bytes() != committed.read_bytes()
    assert content_of(repacked) == content_of(committed)
