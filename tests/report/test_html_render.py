"""Each block type of the report's document model drawn as HTML: markup, escaping, direction."""

from __future__ import annotations

import pytest

from gcm_review.report import document as d
from gcm_review.report.chart_model import Bar, BarChart
from gcm_review.report.html_render import render_blocks, render_section

ARABIC = "أطلقت مصر استراتيجية وطنية"
CHART = BarChart("shares", "Shares", (Bar("Yes", 75.0),), unit="%", max_value=100.0)


def html(*blocks: d.Block, charts: dict[str, str] | None = None) -> str:
    """The blocks' markup, without the line break that follows each block."""
    return str(render_blocks(blocks, charts=charts)).replace("\n", "")


def test_blocks_are_separated_by_a_line_break() -> None:
    # so that an inline part (a bold name with no element of its own) and a list stay apart
    runs = d.Paragraph((d.Span("Bahrain", strong=True),), tag="")
    out = str(render_blocks([runs, d.bullets(["Obj. 5"])]))
    assert out == "<strong>Bahrain</strong>\n<ul>\n<li>Obj. 5</li>\n</ul>\n"


def test_heading_is_one_level_below_the_section() -> None:
    assert html(d.Heading("Results", 2, "results")) == '<h3 id="results">Results</h3>'
    assert html(d.Heading("نتائج", 3, dir="auto")) == '<h4 dir="auto">نتائج</h4>'


def test_paragraph_runs() -> None:
    runs = (
        d.Span("Lead", strong=True),
        d.Span(" then "),
        d.Span("muted", css="muted", title="a <hint>"),
        d.Link("Objective 6", "objective-6", "Fees", "chip objective"),
        d.Group((d.Span("quoted"),), tag="q", dir="auto"),
        d.Refs((12, 15), ("paragraph 12", "paragraph 15")),
    )
    out = html(d.Paragraph(runs, css="figures", anchor="x"))
    assert out == (
        '<p id="x" class="figures"><strong>Lead</strong> then '
        '<span class="muted" title="a &lt;hint&gt;">muted</span>'
        '<a href="#objective-6" class="chip objective" title="Fees">Objective 6</a>'
        '<q dir="auto">quoted</q>'
        '<sup class="refs" dir="ltr"><a href="#p12" title="paragraph 12">[12]</a>'
        '<a href="#p15" title="paragraph 15">[15]</a></sup></p>'
    )


def test_no_references_draw_nothing() -> None:
    assert html(d.Paragraph((d.Span("a"), d.Refs(())))) == "<p>a</p>"


def test_every_text_is_escaped() -> None:
    evil = "<script>alert('x')</script>"
    out = html(
        d.Heading(evil, 2),
        d.text(evil),
        d.Note(evil),
        d.bullets([evil]),
        d.Table((evil,), ((evil,),)),
        d.Details(evil, (d.text(evil),)),
    )
    assert "<script>" not in out
    assert out.count("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") == 8


def test_right_to_left_text_carries_its_direction() -> None:
    out = html(d.Paragraph((d.Span(ARABIC),), lang="ar", dir="rtl"))
    assert out == f'<p lang="ar" dir="rtl">{ARABIC}</p>'
    span = html(d.Paragraph((d.Span(ARABIC, lang="ar", dir="rtl"),)))
    assert f'<span lang="ar" dir="rtl">{ARABIC}</span>' in span


def test_note_and_lists() -> None:
    assert html(d.Note("n = 4")) == '<p class="note">n = 4</p>'
    listed = d.BulletList((d.text("a", dir="auto"), d.text("b")), css="cells")
    assert html(listed) == '<ul class="cells"><li dir="auto">a</li><li>b</li></ul>'
    ordered = d.BulletList((d.Item((d.text("a"), d.text("b")), anchor="i1"),), ordered=True)
    assert html(ordered) == '<ol><li id="i1"><p>a</p><p>b</p></li></ol>'


def test_table_plain_and_rich_cells() -> None:
    plain = d.Table(("Answer", "n"), (("Yes", "3"),))
    assert html(plain) == (
        '<table><thead><tr><th scope="col">Answer</th><th scope="col">n</th></tr></thead>'
        '<tbody><tr><td dir="auto">Yes</td><td class="num">3</td></tr></tbody></table>'
    )
    rich = d.Table(
        ("Country", d.cell("6", css="num")),
        (d.Row((d.cell("Jordan", row_header=True), d.cell("1", css="n1")), anchor="jor"),),
        css="matrix",
        caption="By country",
        scroll=True,
    )
    assert html(rich) == (
        '<div class="table-scroll"><table class="matrix"><caption>By country</caption>'
        '<thead><tr><th scope="col">Country</th><th scope="col" class="num">6</th></tr>'
        '</thead><tbody><tr id="jor"><th scope="row">Jordan</th><td class="n1">1</td></tr>'
        "</tbody></table></div>"
    )


def test_figures_use_the_given_svg_else_draw_their_chart() -> None:
    given = html(d.Figure("shares", "caption"), charts={"shares": '<svg id="given"/>'})
    assert given == '<figure class="chart"><svg id="given"/></figure>'
    drawn = html(d.Figure("shares", "caption", CHART))
    assert drawn.startswith('<figure class="chart"><svg') and "caption" not in drawn
    assert html(d.Figure("missing", "caption")) == ""


def test_blocks_for_word_only_are_left_out() -> None:
    out = html(d.Note("both"), d.Note("html", only="html"), d.Note("word", only="docx"))
    assert "both" in out and "html" in out and "word" not in out


def test_details() -> None:
    out = html(d.Details("By group", (d.text("a"),)))
    assert out == "<details><summary>By group</summary><p>a</p></details>"


@pytest.mark.parametrize("heading", [(), (d.Span("Key messages "), d.Span("DRAFT", css="b"))])
def test_section_has_its_id_heading_and_a_way_back(heading: tuple[d.Inline, ...]) -> None:
    section = d.Section("annex", "Annex <1>", (d.text("body"),), css="draft", heading=heading)
    out = str(render_section(section))
    assert '<section id="annex" class="draft">' in out
    title = 'Key messages <span class="b">DRAFT</span>' if heading else "Annex &lt;1&gt;"
    assert f"<h2>{title}</h2>" in out
    assert '<a href="#top">Back to top</a>' in out
