"""HTML reader: headings, paragraphs, list labels, cells, loose div text; charset detection."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from gcm_review.errors import NestingTooDeep, TooManyParagraphs
from gcm_review.ingest.html_reader import read_html
from gcm_review.ingest.result import ReadLimits
from gcm_review.model import Block

HTML = Path("page.html")


def _blocks(markup: str) -> list[tuple[str, int | None, str | None, str]]:
    result = read_html(markup.encode("utf-8"), path=HTML)
    return [_shape(block) for block in result.blocks]


def _shape(block: Block) -> tuple[str, int | None, str | None, str]:
    return block.kind, block.level, block.label, block.text


def test_headings_paragraphs_and_whitespace() -> None:
    markup = """<html><body><h1>Outcome</h1><h3>Plenary <em>session</em> 1</h3>
    <p>First   paragraph,
       wrapped in the source.</p><p>Line one<br>line two<br/>line three</p></body></html>"""
    assert _blocks(markup) == [
        ("heading", 1, None, "Outcome"),
        ("heading", 3, None, "Plenary session 1"),
        ("text", None, None, "First paragraph, wrapped in the source."),
        ("text", None, None, "Line one\nline two\nline three"),
    ]


def test_ordered_and_unordered_lists() -> None:
    markup = """<ol start="23"><li>Iraq<li>Kuwait<ol type="a"><li>labour</li><li value="4">x</li>
    </ol></li></ol><ol type="I"><li>Key messages</li></ol>
    <ul><li><p>bullet paragraph</p><p>its second paragraph</p></li><li>plain</li></ul>"""
    assert _blocks(markup) == [
        ("list_item", None, "23.", "Iraq"),
        ("list_item", None, "24.", "Kuwait"),
        ("list_item", None, "a.", "labour"),
        ("list_item", None, "d.", "x"),
        ("list_item", None, "I.", "Key messages"),
        ("list_item", None, "•", "bullet paragraph"),
        ("text", None, None, "its second paragraph"),
        ("list_item", None, "•", "plain"),
    ]


def test_table_cells_and_loose_div_text() -> None:
    markup = """<div>Intro <b>text</b><p>Inner paragraph</p>tail text</div>
    <table><tr><th>Country</th><th>Code</th></tr><tr><td>Jordan<td>JOR</tr></table>"""
    assert [text for *_, text in _blocks(markup)] == [
        "Intro text",
        "Inner paragraph",
        "tail text",
        "Country",
        "Code",
        "Jordan",
        "JOR",
    ]


def test_head_script_and_style_skipped_title_kept_entities_decoded() -> None:
    markup = """<!DOCTYPE html><html><head><title>Rapport &amp; revue</title>
    <style>p { color: red }</style><script>document.write("<p>hidden</p>")</script></head>
    <body><p>Caf&eacute; &laquo;GCM&raquo; &#8211; &#x645;</p><script>var x = 1;</script>
    <noscript><p>enable scripts</p></noscript><pre>  keep   spaces
 here</pre></body></html>"""
    result = read_html(markup.encode("utf-8"), path=HTML)
    assert [_shape(block) for block in result.blocks] == [
        ("text", None, None, "Café «GCM» – م"),
        ("text", None, None, "  keep   spaces\n here"),
    ]
    assert result.metadata_title == "Rapport & revue"


def test_head_without_its_end_tag() -> None:
    markup = "<html><head><title>T</title><meta charset='utf-8'><p>Body starts</p>"
    assert [text for *_, text in _blocks(markup)] == ["Body starts"]


def test_meta_charset_cp1256() -> None:
    markup = '<html><head><meta charset="windows-1256"></head><body><p>ليبيا</p></body></html>'
    result = read_html(markup.encode("cp1256"), path=HTML)
    assert [block.text for block in result.blocks] == ["ليبيا"]
    assert result.encoding == "cp1256"
    assert result.problems == ()


def test_http_equiv_latin1_is_read_as_cp1252() -> None:
    markup = (
        '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<p>L’État – été</p>"
    )
    result = read_html(markup.encode("cp1252"), path=HTML)
    assert [block.text for block in result.blocks] == ["L’État – été"]
    assert result.encoding == "cp1252"


def test_bom_wins_over_meta() -> None:
    markup = '<meta charset="iso-8859-1"><p>العراق</p>'
    result = read_html(codecs.BOM_UTF16_LE + markup.encode("utf-16-le"), path=HTML)
    assert [block.text for block in result.blocks] == ["العراق"]
    assert result.encoding == "utf-16-le"


def test_false_charset_is_recorded_and_content_decides() -> None:
    markup = '<meta charset="utf-8"><p>Égypte et Maroc</p>'
    result = read_html(markup.encode("cp1252"), path=HTML)
    assert [block.text for block in result.blocks] == ["Égypte et Maroc"]
    assert result.encoding == "cp1252"
    assert len(result.problems) == 1 and "utf-8" in result.problems[0]


def test_no_charset_uses_decode_text() -> None:
    result = read_html("<p>الأردن</p>".encode(), path=HTML)
    assert result.encoding == "utf-8"
    assert [block.text for block in result.blocks] == ["الأردن"]


def test_unknown_or_non_text_charset_falls_back_to_detection() -> None:
    for name in ("undefined", "no-such-charset", "unicode_escape", "base64"):
        markup = f'<meta charset="{name}"><p>Le ministère a ouvert un centre</p>'
        result = read_html(markup.encode("utf-8"), path=HTML)
        assert [block.text for block in result.blocks] == ["Le ministère a ouvert un centre"]
        assert result.encoding == "utf-8"
        assert result.problems == (f"declared charset {name!r} is unknown; read as utf-8",)


def test_nesting_past_the_limit_is_refused_in_one_line() -> None:
    page = b"<html><body>" + b"<div>" * 30 + b"text" + b"</div>" * 30
    limits = ReadLimits(max_depth=20)
    with pytest.raises(NestingTooDeep) as caught:
        read_html(page, path=Path("deep.html"), limits=limits)
    assert caught.value.one_line() == (
        "deep.html: HTML elements nest deeper than 20 levels (max_nesting_depth); raise it with "
        "GCM_REVIEW_MAX_NESTING_DEPTH if the file is genuine"
    )
    assert [b.text for b in read_html(page, path=Path("deep.html")).blocks] == ["text"]


def test_deeply_nested_lists_keep_their_labels() -> None:
    page = b"<ol>" + b"<li>item<ol>" * 300 + b"</ol></li>" * 300 + b"</ol><ul><li>last</li></ul>"
    blocks = read_html(page, path=Path("lists.html"), limits=ReadLimits(max_depth=10_000)).blocks
    assert [(b.label, b.text) for b in blocks[:2]] == [("1.", "item"), ("1.", "item")]
    assert (blocks[-1].label, blocks[-1].text) == ("•", "last")
    assert len(blocks) == 301


def test_paragraphs_past_the_limit_are_refused() -> None:
    page = b"<p>one</p><p>two</p><p>three</p>"
    with pytest.raises(TooManyParagraphs, match=r"more than 2 paragraphs or lines"):
        read_html(page, path=Path("p.html"), limits=ReadLimits(max_blocks=2))
