"""Inline SVG charts: valid XML, escaped text, safe links, intervals, heatmap cells."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from gcm_review.report.chart_model import Bar, BarChart, Heatmap
from gcm_review.report.svg_charts import render_svg, safe_fragment
from gcm_review.report.synthesis_charts import synthesis_charts
from gcm_review.synthesis.records import Synthesis

NS = {"svg": "http://www.w3.org/2000/svg"}
SVG = "{http://www.w3.org/2000/svg}"
LONG_LABEL = (
    "6. Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work"
)
SCRIPT_LABEL = "10. منع الاتجار <script>alert(1)</script> & more"


def _attention() -> BarChart:
    return BarChart(
        name="attention",
        title="Share of states <by> objective",
        bars=(
            Bar(LONG_LABEL, 66.666, category="greatest", href="#objective-6"),
            Bar("7. Vulnerabilities", 40.0, category="some", href="http://x"),
            Bar(SCRIPT_LABEL, 0.0, category="not-reported", href="javascript:alert(1)"),
        ),
        unit="%",
        max_value=100.0,
        legend={"greatest": "Greatest attention", "some": "Some attention"},
    )


def _survey() -> BarChart:
    return BarChart(
        name="survey",
        title="Answers",
        bars=(Bar("Yes", 35.0, low=22.5, high=48.1), Bar("No", 50.0), Bar("Unsure", 15.0)),
        unit="%",
    )


def _heatmap() -> Heatmap:
    return Heatmap(
        name="heatmap",
        title="Paragraphs by state",
        rows=("JOR Jordan", "EGY مصر"),
        columns=("1", "6", "10"),
        values=((0, 3, 1), (2, 0, 0)),
        hrefs=((None, "#cell-JOR-6", "https://example.org"), ("#cell-EGY-1", None, "#unused")),
    )


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _all_text(root: ET.Element) -> str:
    return " ".join("".join(element.itertext()) for element in root.iter())


def test_svg_is_one_accessible_element_with_namespace_title_and_fonts() -> None:
    svg = render_svg(_attention())
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert "<?xml" not in svg
    root = _parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == "Share of states <by> objective"
    assert root[0].tag == f"{SVG}title"
    assert root[0].text == "Share of states <by> objective"
    assert root.get("width") == "720"
    assert root.get("viewBox") == f"0 0 720 {root.get('height')}"
    fonts = root.get("font-family", "")
    for family in ("DejaVu Sans", "Noto Naskh Arabic", "Arial", "sans-serif"):
        assert family in fonts


def test_svg_has_no_scripts_images_or_external_references() -> None:
    for chart in (_attention(), _survey(), _heatmap()):
        svg = render_svg(chart)
        root = _parse(svg)
        tags = {element.tag.removeprefix(SVG) for element in root.iter()}
        assert tags <= {"svg", "title", "rect", "text", "g", "a", "path", "line"}
        assert "<script" not in svg
        assert "xlink" not in svg
        hrefs = [a.get("href", "") for a in root.iter(f"{SVG}a")]
        assert all(href.startswith("#") for href in hrefs)
        assert svg.count("http") == 1  # the namespace only


def test_every_label_is_present_in_full_and_escaped() -> None:
    svg = render_svg(_attention())
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in svg
    text = _all_text(_parse(svg))
    for label in (LONG_LABEL, "7. Vulnerabilities", SCRIPT_LABEL):
        assert label in text
    assert "Greatest attention" in text and "Some attention" in text


def test_long_labels_are_cut_on_screen_and_kept_in_the_bar_title() -> None:
    root = _parse(render_svg(_attention()))
    bar = root.find(".//svg:a/svg:g", NS)
    assert bar is not None
    title = bar.find("svg:title", NS)
    label = bar.find("svg:text", NS)
    assert title is not None and label is not None
    assert title.text == f"{LONG_LABEL}: 67%"
    assert label.text is not None and label.text.endswith("…")
    assert len(label.text) < len(LONG_LABEL)


def test_values_are_printed_with_their_unit() -> None:
    root = _parse(render_svg(_attention()))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "67%" in texts and "40%" in texts and "0%" in texts
    counts = BarChart(name="c", title="Counts", bars=(Bar("a", 3.0), Bar("b", 12.0)))
    texts = [t.text for t in _parse(render_svg(counts)).iter(f"{SVG}text")]
    assert "3" in texts and "12" in texts


def test_only_fragment_hrefs_become_links() -> None:
    root = _parse(render_svg(_attention()))
    links = root.findall(".//svg:a", NS)
    assert [a.get("href") for a in links] == ["#objective-6"]
    titles = [t.text for t in links[0].iter(f"{SVG}title")]
    assert titles[0] == f"{LONG_LABEL}: 67%"


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("#objective-6", "#objective-6"),
        ("http://x", None),
        ("javascript:alert(1)", None),
        ("#", None),
        ("# x", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_fragment(href: str | None, expected: str | None) -> None:
    assert safe_fragment(href) == expected


def test_bars_take_their_category_colour() -> None:
    root = _parse(render_svg(_attention()))
    bars = root.findall(".//svg:g[@class='bar']/svg:rect", NS)
    assert [rect.get("fill") for rect in bars] == ["#0072B2", "#56B4E9", "#999999"]


def test_intervals_are_drawn_only_where_given() -> None:
    root = _parse(render_svg(_survey()))
    intervals = root.findall(".//svg:path[@class='interval']", NS)
    assert len(intervals) == 1
    path = intervals[0].get("d", "")
    assert path.count("M") == 3  # the line and two end caps
    titles = [t.text for t in root.findall(".//svg:g[@class='bar']/svg:title", NS)]
    assert titles[0] == "Yes: 35% (interval 23% to 48%)"
    assert not _parse(render_svg(_attention())).findall(".//svg:path", NS)


def test_heatmap_has_a_cell_per_value_with_titles_numbers_and_links() -> None:
    root = _parse(render_svg(_heatmap()))
    cells = root.findall(".//svg:rect[@class='cell']", NS)
    assert len(cells) == 6
    titles = [t.text for t in root.findall(".//svg:g[@class='cells']//svg:title", NS)]
    assert titles == [
        "JOR Jordan × 1: 0 paragraphs",
        "JOR Jordan × 6: 3 paragraphs",
        "JOR Jordan × 10: 1 paragraph",
        "EGY مصر × 1: 2 paragraphs",
        "EGY مصر × 6: 0 paragraphs",
        "EGY مصر × 10: 0 paragraphs",
    ]
    # Links for non-empty cells with fragment hrefs only: not http, not the empty cell's "#unused".
    assert [a.get("href") for a in root.iter(f"{SVG}a")] == ["#cell-JOR-6", "#cell-EGY-1"]
    numbers = [t.text for t in root.findall(".//svg:g[@class='cells']//svg:text", NS)]
    assert numbers == ["3", "1", "2"]
    assert cells[0].get("fill") == "#FFFFFF"
    assert cells[1].get("fill") != "#FFFFFF"


def test_heatmap_height_follows_the_rows() -> None:
    small = _parse(render_svg(_heatmap()))
    bigger = Heatmap(
        name="h",
        title="t",
        rows=tuple(f"R{i}" for i in range(10)),
        columns=("1",),
        values=tuple((i,) for i in range(10)),
    )
    large = _parse(render_svg(bigger))
    assert int(large.get("height", "0")) > int(small.get("height", "0"))


@pytest.mark.parametrize(
    "chart",
    [
        BarChart(name="empty", title="Nothing yet", bars=()),
        Heatmap(name="empty", title="Nothing yet", rows=(), columns=(), values=()),
        Heatmap(name="empty", title="Nothing yet", rows=("JOR",), columns=(), values=((),)),
    ],
)
def test_empty_charts_say_no_data(chart: BarChart | Heatmap) -> None:
    root = _parse(render_svg(chart))
    assert "No data" in _all_text(root)
    assert root.get("aria-label") == "Nothing yet: no data"


def test_characters_not_allowed_in_xml_are_dropped() -> None:
    chart = BarChart(name="c", title="Bad\x00title\x1b", bars=(Bar("la\x08bel", 1.0),))
    root = _parse(render_svg(chart))
    assert root.get("aria-label") == "Badtitle"
    assert "label" in _all_text(root)


def test_charts_of_the_small_synthesis_render(small_synthesis: Synthesis) -> None:
    for chart in synthesis_charts(small_synthesis):
        svg = render_svg(chart)
        root = _parse(svg)
        assert "<script>" not in svg
        assert root.get("aria-label") == chart.title
