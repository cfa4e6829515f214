"""The report of a large review cut to a size that opens (issue 15.10), and a smaller review's
report left as it is; Word runs written directly, the same XML as python-docx writes."""

from __future__ import annotations

import importlib

import docx
import pytest
from lxml import etree

from gcm_review.frameworks import load_framework
from gcm_review.report import document as d
from gcm_review.report.docx_blocks import NOTE_COLOUR, NOTE_SIZE, bold_properties
from gcm_review.report.docx_blocks import _run_properties as run_properties
from gcm_review.report.docx_links import append_run
from gcm_review.report.html_report import render_html
from gcm_review.report.sections import Lookup, evidence_size, report_sections
from gcm_review.report.sections.evidence_size import Limits, cited_ids, fitted, shrink
from gcm_review.synthesis.records import Synthesis

# The module, not the function `report.sections` exports under the same name.
evidence_module = importlib.import_module("gcm_review.report.sections.evidence")


def test_a_small_review_keeps_its_whole_report(small_synthesis: Synthesis) -> None:
    look = Lookup(small_synthesis, load_framework())
    sections = report_sections(look)
    assert fitted(look, sections, "html") == sections
    appendix = next(s for s in sections if s.anchor == "evidence")
    assert {b.anchor for b in appendix.blocks if isinstance(b, d.Part)} == {"p1", "p2", "p3"}


@pytest.fixture
def large(monkeypatch: pytest.MonkeyPatch) -> None:
    """The small synthesis counts as a large review; reference lists cut after one."""
    monkeypatch.setattr(evidence_module, "FULL_APPENDIX", 1)
    monkeypatch.setattr(evidence_size, "FULL_APPENDIX", 1)
    monkeypatch.setattr(evidence_size, "REFS_SHOWN", 1)


@pytest.mark.usefixtures("large")
def test_a_large_review_lists_the_paragraphs_it_cites(small_synthesis: Synthesis) -> None:
    look = Lookup(small_synthesis, load_framework())
    built = report_sections(look)
    assert next(s for s in built if s.anchor == "evidence").blocks == ()  # drawn by `fitted`
    sections = fitted(look, built, "html")
    assert all(s.only in (None, "html") for s in sections)
    cited = set(cited_ids([s.blocks for s in sections if s.anchor != "evidence"], "html"))
    appendix = next(s for s in sections if s.anchor == "evidence")
    listed = {b.anchor for b in appendix.blocks if isinstance(b, d.Part)}
    assert listed == {f"p{pid}" for pid in cited}
    html = render_html(small_synthesis, framework=load_framework())
    assert f"This appendix lists the {len(cited)} paragraphs this report cites, of 3" in html
    assert "paragraphs.jsonl" in html
    assert 'class="tags"' not in html  # tags are in paragraphs.jsonl


def test_shrink_cuts_long_lists_parts_and_references_and_says_so() -> None:
    limits = Limits(refs_shown=2, part_blocks=2, where="see the files.")
    part = d.Part(tuple(d.text(f"line {n}") for n in range(5)), anchor="country-JOR")
    listed = d.BulletList(tuple(d.text(f"item {n}") for n in range(4)))
    refs = d.Paragraph((d.Span("Said by "), d.Refs((1, 2, 3, 4), ("a", "b", "c", "d"))))
    cut = shrink((part, listed, refs), limits)
    assert len(cut) == 4  # the list's note follows it
    kept_part, kept_list, note, kept_refs = cut
    assert [b.runs[0].text for b in kept_part.blocks] == [
        "line 0",
        "line 1",
        "3 more items of this part are left out here: see the files.",
    ]
    assert len(kept_list.items) == 2 and note.runs[0].text.startswith("2 more items")
    assert kept_refs.runs[1] == d.Refs((1, 2), ("a", "b"))
    assert kept_refs.runs[2].text == " (and 2 more)"
    assert shrink((refs,), Limits(refs_shown=9, part_blocks=9)) == (refs,)  # short: unchanged


@pytest.mark.parametrize("text", ["plain", " leading", "trailing ", "tab\there", "line\nbreak"])
@pytest.mark.parametrize("kind", [None, "note", "bold"])
def test_runs_written_directly_are_what_python_docx_writes(text: str, kind: str | None) -> None:
    made = docx.Document().add_paragraph()
    run = made.add_run(text)
    if kind == "note":
        run.italic = True
        run.font.size = NOTE_SIZE
        run.font.color.rgb = NOTE_COLOUR
    elif kind == "bold":
        run.bold = True
    direct = docx.Document().add_paragraph()
    properties = bold_properties() if kind == "bold" else run_properties(kind) if kind else None
    append_run(direct, text, properties=properties)
    assert etree.tostring(direct._p) == etree.tostring(made._p)
