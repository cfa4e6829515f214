"""The HTML report: well formed, self-contained, escaped, right-to-left aware, links resolve."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from gcm_review.languages import has_arabic_script
from gcm_review.report.document import Paragraph, Section, Span, safe_id
from gcm_review.report.html_report import render_html
from gcm_review.report.text_direction import text_of
from gcm_review.synthesis.records import KeyMessage, RoundtableSummary, Synthesis

VOID = {"meta", "link", "br", "hr", "img", "input", "wbr", "source", "col", "area", "base"}
CHARTS = {
    "attention": '<svg id="test-attention"><a href="#objective-6"><rect/></a></svg>',
    "heatmap": '<svg id="test-heatmap"><a href="#cell-JOR-6"><rect/></a></svg>',
    "principles": '<svg id="test-principles"><rect/></svg>',
}


class Page(HTMLParser):
    """Collects ids, links, and where Arabic text sits; fails on unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[tuple[str, str]] = []  # (attribute, value)
        self.within: dict[str, list[str]] = defaultdict(list)  # element id -> links inside it
        self.arabic_dirs: list[str | None] = []  # the nearest dir of each Arabic text
        self.title = ""
        self.stack: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, dict(attrs))
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "title":
            self.title += data
        if has_arabic_script(data):
            dirs = [attrs.get("dir") for _, attrs in self.stack if "dir" in attrs]
            self.arabic_dirs.append(dirs[-1] if dirs else None)

    def _element(self, tag: str, attrs: dict[str, str | None]) -> None:
        if attrs.get("id"):
            self.ids.append(str(attrs["id"]))
        for name in ("href", "src", "xlink:href", "action", "poster"):
            value = attrs.get(name)
            if value is not None:
                self.links.append((name, value))
                for _, outer in self.stack:
                    if outer.get("id"):
                        self.within[str(outer["id"])].append(value)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    assert page.stack == [], f"unclosed elements: {[tag for tag, _ in page.stack]}"
    return page


@pytest.fixture
def html(small_synthesis: Synthesis) -> str:
    return render_html(small_synthesis, charts=CHARTS)


@pytest.fixture
def page(html: str) -> Page:
    return parse(html)


def test_page_is_well_formed_with_unique_ids(html: str, page: Page) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert len(page.ids) == len(set(page.ids)), "duplicate element ids"


def test_every_fragment_link_resolves(page: Page) -> None:
    targets = [value[1:] for name, value in page.links if value.startswith("#")]
    assert targets, "the report should link to its evidence"
    assert set(targets) <= set(page.ids), set(targets) - set(page.ids)


def test_page_needs_no_network(html: str, page: Page) -> None:
    assert not [v for _, v in page.links if re.match(r"\s*(https?:)?//", v)]
    assert "http" not in page.title
    assert "<script" not in html
    assert "<link" not in html
    assert "@import" not in html
    assert "url(" not in html


def test_user_text_is_escaped(html: str) -> None:
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_arabic_text_sits_in_right_to_left_elements(html: str, page: Page) -> None:
    assert page.arabic_dirs, "the fixture holds Arabic text"
    assert set(page.arabic_dirs) == {"rtl"}
    assert re.search(r'<p class="text" lang="ar" dir="rtl">أطلقت مصر', html)
    assert re.search(r'<p class="text" lang="en" dir="auto">Jordan opened', html)


def test_stylesheet_is_inlined_with_target_highlight_and_arabic_fonts(html: str) -> None:
    style = html[html.index("<style>") : html.index("</style>")]
    assert ":target" in style
    assert '"Noto Naskh Arabic", "DejaVu Sans", "Arial", sans-serif' in style
    assert "@media print" in style


def test_header_names_documents_and_taggers(html: str) -> None:
    header = html[: html.index("</header>")]
    assert "Draft prepared by gcm-review for analysts to check" in header
    for name in ("jordan.pdf", "egypt.html", "ngo.docx", "gcm-tagger.v1", "مراجعة مصر"):
        assert name in header


def test_sections_come_in_order_with_contents_and_back_links(html: str, page: Page) -> None:
    order = [
        "contents",
        "key-messages",
        "regional-synthesis",
        "matrix",
        "countries",
        "roundtables",
        "principles",
        "stakeholders",
        "recommendations",
        "evidence",
    ]
    positions = [html.index(f'id="{anchor}"') for anchor in order]
    assert positions == sorted(positions)
    assert {f"#{anchor}" for anchor in order[1:]} <= set(page.within["contents"])
    assert all("#top" in page.within[anchor] for anchor in order[1:])


def test_key_messages_are_marked_draft_and_linked(html: str, page: Page) -> None:
    section = html[html.index('id="key-messages"') : html.index('id="regional-synthesis"')]
    assert section.count("DRAFT") >= 2  # the heading and the message
    assert "#p3" in page.within["key-messages"]


def test_attention_lists_objectives_with_titles_countries_and_evidence(page: Page) -> None:
    assert {f"objective-{n}" for n in range(1, 24)} <= set(page.ids)
    assert page.within["objective-6"] == ["#country-JOR", "#p1"]
    assert page.within["objective-10"] == ["#country-EGY", "#p2"]
    assert page.within["objective-13"] == ["#p3"]  # raised by civil society only


def test_attention_shows_rule_and_share(html: str) -> None:
    section = html[html.index('id="regional-synthesis"') : html.index('id="matrix"')]
    assert "at least 50% of reporting countries" in section
    assert "1 of 2 reporting countries (50%)" in section
    assert "Facilitate fair and ethical recruitment" in section  # title from the framework


def test_matrix_cells_link_to_their_paragraphs(html: str, page: Page) -> None:
    start = html.index('<table class="matrix">')
    table = html[start : html.index("</table>", start)]
    assert table.count('<a href="#cell-') == 3
    assert '<a href="#cell-JOR-6">1</a>' in table
    assert page.within["cell-JOR-6"] == ["#p1"]
    assert page.within["cell-JOR-7"] == ["#p1"]
    assert page.within["cell-EGY-10"] == ["#p2"]
    assert not any(i.startswith("cell-EGY-6") for i in page.ids)


def test_each_country_profile_links_its_evidence(html: str, page: Page) -> None:
    jordan = page.within["country-JOR"]
    assert "#p1" in jordan and "#objective-6" in jordan and "#objective-7" in jordan
    assert set(page.within["country-EGY"]) == {"#p2", "#objective-10"}
    profile = html[html.index('id="country-JOR"') : html.index('id="country-EGY"')]
    assert "Achievements" in profile and "Challenges and gaps" in profile
    assert "Recruitment fees charged to workers remain a challenge." in profile
    assert "Ms. Rana Haddad" in profile and "Ministry of Labour" in profile


def test_roundtable_shows_objectives_speakers_and_evidence(html: str, page: Page) -> None:
    section = html[html.index('id="roundtable-RT2"') : html.index('id="principles"')]
    assert "Use migration detention only as a measure of last resort" in section
    assert "Olive Network" in section and "Civil society" in section
    assert {"#objective-4", "#objective-21", "#p3"} <= set(page.within["roundtable-RT2"])


def test_principles_and_stakeholder_groups_are_counted(html: str, page: Page) -> None:
    principles = html[html.index('id="principles"') : html.index('id="stakeholders"')]
    assert "Gender-responsive" in principles and "Child-sensitive" in principles
    assert "#p1" in page.within["principles"]
    groups = html[html.index('id="stakeholders"') : html.index('id="recommendations"')]
    assert re.search(r"Member State</th><td class=\"num\">2<", groups)
    assert re.search(r"Civil society</th><td class=\"num\">1<", groups)


def test_recommendations_show_counts_and_sources(html: str, page: Page) -> None:
    section = html[html.index('id="recommendations"') : html.index('id="evidence"')]
    assert "Governments should end the detention of migrant children." in section
    assert "1 source, 0 countries" in section
    assert "Olive Network" in section
    assert page.within["recommendations"].count("#p3") == 2  # the text and its one source


def test_recommendations_are_ranked_by_support(small_synthesis: Synthesis) -> None:
    weak = replace(small_synthesis.recommendations[0], text="Weaker call.", supporting_sources=1)
    strong = replace(weak, text="Stronger call.", supporting_sources=3, supporting_countries=2)
    html = render_html(replace(small_synthesis, recommendations=(weak, strong)))
    assert html.index("Stronger call.") < html.index("Weaker call.")


def test_evidence_appendix_holds_every_paragraph_with_tags(html: str, page: Page) -> None:
    assert {"p1", "p2", "p3"} <= set(page.ids)
    appendix = html[html.index('id="evidence"') :]
    first = appendix[appendix.index('id="p1"') : appendix.index('id="p2"')]
    assert "jordan.pdf" in first and "page 2" in first and "Achievements" in first
    assert "Ms. Rana Haddad" in first and "Jordan" in first and "Member State" in first
    assert "0.91" in first and "Gender-responsive" in first
    assert 'class="badge analyst"' not in first
    second = appendix[appendix.index('id="p2"') : appendix.index('id="p3"')]
    assert 'class="badge analyst"' in second and "0.95" in second


def test_charts_are_inserted_in_their_sections(html: str) -> None:
    def section(start: str, end: str) -> str:
        return html[html.index(f'id="{start}"') : html.index(f'id="{end}"')]

    assert '<svg id="test-attention">' in section("regional-synthesis", "matrix")
    assert '<svg id="test-heatmap">' in section("matrix", "countries")
    assert '<svg id="test-principles">' in section("principles", "stakeholders")


@pytest.mark.parametrize("charts", [None, {}, {"heatmap": CHARTS["heatmap"]}])
def test_missing_charts_are_left_out(small_synthesis: Synthesis, charts: dict[str, str]) -> None:
    html = render_html(small_synthesis, charts=charts)
    parse(html)
    assert "test-attention" not in html and "test-principles" not in html
    assert html.count('<figure class="chart">') == len(charts or {})


def test_extra_sections_come_before_the_appendix(small_synthesis: Synthesis) -> None:
    body = Paragraph((Span("42", strong=True), Span(" responses")))
    annex = Section("survey-annex", "Survey <annex>", (body,))
    html = render_html(small_synthesis, annexes=[annex])
    page = parse(html)
    assert "#survey-annex" in page.within["contents"]
    assert "<h2>Survey &lt;annex&gt;</h2>" in html
    assert "<p><strong>42</strong> responses</p>" in html
    assert html.index('id="recommendations"') < html.index('id="survey-annex"')
    assert html.index('id="survey-annex"') < html.index('id="evidence"')


def test_links_to_unknown_paragraphs_are_dropped(small_synthesis: Synthesis) -> None:
    message = KeyMessage("A claim whose paragraph is gone.", "attention", (99, 3))
    html = render_html(replace(small_synthesis, key_messages=(message,)))
    assert "#p99" not in html
    assert "#p3" in parse(html).within["key-messages"]


def test_roundtable_keys_become_safe_ids(small_synthesis: Synthesis) -> None:
    roundtable: RoundtableSummary = replace(small_synthesis.roundtables[0], key="Panel <1> & 2")
    page = parse(render_html(replace(small_synthesis, roundtables=(roundtable,))))
    assert "roundtable-Panel-1-2" in page.ids
    assert safe_id("RT2") == "RT2"


def test_text_direction_follows_the_script() -> None:
    assert text_of("أطلقت مصر استراتيجية") == text_of("أطلقت مصر استراتيجية", "en")
    assert (text_of("أطلقت مصر").lang, text_of("أطلقت مصر").dir) == ("ar", "rtl")
    english_with_a_name = text_of("The Ministry of Labour of Egypt (مصر) opened a shelter.", "en")
    assert (english_with_a_name.lang, english_with_a_name.dir) == ("en", "auto")
    assert text_of("Rapport national", "fr").lang == "fr"


def test_links_resolve_without_attention_or_profiles(small_synthesis: Synthesis) -> None:
    bare = replace(small_synthesis, attention=(), countries=(), roundtables=())
    page = parse(render_html(bare, charts=None))
    targets = {value[1:] for _, value in page.links if value.startswith("#")}
    assert targets <= set(page.ids), targets - set(page.ids)
    assert "cell-JOR-6" in page.ids and "p1" in page.ids
