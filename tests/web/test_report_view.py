"""The web renderer of the report's sections: references lead to document pages, the parts
shown elsewhere are left out, key messages say what they were drafted from, text is escaped."""

from __future__ import annotations

import re

from fastapi import FastAPI

from gcm_review.report import document as d
from gcm_review.report.html_render import render_section
from gcm_review.synthesis.records import KeyMessage
from gcm_review.web.report_view import synthesis_view, web_sections, with_basis
from gcm_review.web.synthesis_cache import SynthesisCache
from web.conftest import Seed

HOSTILE = "<script>alert('x')</script>"


def test_references_lead_where_the_caller_says_and_stay_escaped() -> None:
    section = d.Section(
        "part",
        "Part",
        (
            d.Paragraph(
                (d.Span(f"Said {HOSTILE} "), d.Refs((5,), (f'hint "{HOSTILE}"',))), dir="auto"
            ),
        ),
    )
    web = render_section(section, paragraph_href=lambda i: f'/documents/1?page=2&x="#p-{i}')
    assert "<script>" not in web
    assert "Said &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in web
    assert 'href="/documents/1?page=2&amp;x=&#34;#p-5"' in web
    assert 'title="hint &#34;&lt;script&gt;' in web
    report = render_section(section)  # the report keeps its own appendix's anchors
    assert '<a href="#p5" title="hint &#34;&lt;script&gt;' in report


def test_the_page_holds_the_reports_sections_but_the_appendix_and_the_matrix(
    app: FastAPI, seed: Seed
) -> None:
    cache: SynthesisCache = app.state.synthesis
    entry = cache.get(None)
    anchors = [s.anchor for s in web_sections(entry, cache.framework)]
    assert anchors[:3] == ["key-messages", "regional-synthesis", "matrix"]
    assert anchors[-1] == "evidence"
    view = synthesis_view(entry, cache.framework)
    hrefs = [href for href, _ in view.contents]
    assert "/matrix" in hrefs and "#matrix" not in hrefs
    assert not any(href.endswith("evidence") for href in hrefs)
    assert [h for h in hrefs if h.startswith("#")] == [
        f"#{a}" for a in anchors if a not in ("matrix", "evidence")
    ]
    assert 'id="evidence"' not in view.body
    assert not re.search(r'id="p\d', view.body)  # no paragraph of the appendix
    assert not re.search(r'href="#p\d', view.body)
    first = seed.jordan_paragraphs[0]
    assert f'href="{entry.link(first).href}"' in view.body


def test_each_key_message_says_what_it_was_drafted_from() -> None:
    messages = (
        KeyMessage("Most reported on remittances.", "attention", (1,)),
        KeyMessage("Called for by 2 sources: end detention.", "recommendation", (2,)),
        KeyMessage("Something else.", "a new basis", (3,)),
    )
    listed = d.BulletList(
        tuple(d.Paragraph((d.Span(m.text),)) for m in messages), ordered=True, css="messages"
    )
    section = d.Section("key-messages", "Key messages", (d.text("Draft."), listed))
    html = render_section(with_basis(section, messages))
    assert 'Based on <a href="#regional-synthesis">the attention figures</a>.' in html
    assert 'Based on <a href="#recommendations">the recommendations</a>.' in html
    assert "Based on a new basis." in html
    assert html.count('<p class="basis" dir="ltr">') == 3
