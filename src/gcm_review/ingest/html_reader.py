"""HTML reader (html.v1) on the standard library's html.parser.

Blocks: h1-h6 (heading with level), p, li (list_item labelled "3." in an <ol>, "•" in a <ul>),
td/th, and text standing directly in a div or another container between its child blocks.
<br> is a newline inside a block. script, style and <head> are skipped; <title> becomes the
metadata title. The charset comes from a BOM, then <meta charset>, then `decode_text`.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from gcm_review.errors import CorruptDocument, NestingTooDeep
from gcm_review.ingest.docx_numbering import BULLET, format_number
from gcm_review.ingest.encoding import decode_text
from gcm_review.ingest.result import DEFAULT_LIMITS, ReadLimits, ReadResult, one_line
from gcm_review.model import Block, BlockKind

_NOT_CHARSETS = frozenset(
    {"undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "mbcs", "oem"}
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252"}
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_LEAF_BLOCKS = frozenset({"p", "li", "td", "th", "caption", "dt", "dd", "figcaption", "pre"})
_CONTAINERS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "header", "footer", "nav", "aside",
        "blockquote", "address", "center", "form", "fieldset", "details", "summary", "figure",
        "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "hr",
    }
)  # fmt: skip
_BLOCKS = _LEAF_BLOCKS | _CONTAINERS | frozenset(_HEADINGS)
_SKIPPED = frozenset({"script", "style", "head", "template", "noscript", "svg", "object"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr"})
_CLOSED_BY = {  # an opening tag implicitly closes these open elements (HTML's optional end tags)
    "li": frozenset({"li", "p"}),
    "td": frozenset({"td", "th", "p"}),
    "th": frozenset({"td", "th", "p"}),
    "tr": frozenset({"tr", "td", "th", "p"}),
    "dt": frozenset({"dt", "dd", "p"}),
    "dd": frozenset({"dt", "dd", "p"}),
}
_LINE_BREAK = "\x00"  # stands for <br> until whitespace is collapsed
_FEED_CHARS = 1 << 20
# Runs of white space that are not already a single space: ordinary text has few of them, so
# collapsing makes few pieces (a paragraph may be megabytes long; a piece per word is gigabytes).
_SPACES = re.compile(r"\s{2,}|[^\S ]")
_CLOSES_PARAGRAPH = frozenset({"p"})  # any other block start ends an open <p>
_LIST_ELEMENTS = frozenset({"li", "ol", "ul"})
_LIST_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter"}
_LIST_TYPES.update({"i": "lowerRoman", "I": "upperRoman"})


@dataclass
class _Open:
    """An open block element; list items carry the label their first block will take."""

    tag: str
    label: str | None = None
    next_number: int = 1  # for <ol>: the number of its next <li>
    number_format: str = "decimal"


def read_html(data: bytes, *, path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read an HTML page into heading, text and list_item blocks.

    Raises NestingTooDeep or TooManyParagraphs past `limits`; time is linear in the input.
    """
    text, encoding, problem = _decode_html(data)
    collector = _BlockCollector(limits=limits, path=path)
    try:
        for start in range(0, len(text), _FEED_CHARS):  # html.parser then never copies it whole
            collector.feed(text[start : start + _FEED_CHARS])
        collector.close()
    except (AssertionError, ValueError) as exc:  # html.parser gives up on some broken markup
        reason = one_line(str(exc))
        raise CorruptDocument(str(path), f"the HTML cannot be parsed ({reason})") from exc
    title = one_line("".join(collector.title_parts)) or None
    return ReadResult(
        blocks=tuple(collector.blocks),
        encoding=encoding,
        metadata_title=title,
        problems=() if problem is None else (problem,),
    )


def _decode_html(data: bytes) -> tuple[str, str, str | None]:
    """Decode by BOM, then the declared <meta> charset, then by content; note a false charset."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = decode_text(data)
        return text, encoding, None
    declared = _META_CHARSET.search(data[:4096])
    if declared is None:
        text, encoding = decode_text(data)
        return text, encoding, None
    name = declared.group(1).decode("ascii").lower()
    name = _WHATWG_ALIASES.get(name, name)
    codec = _charset_codec(name)
    if codec is None:
        text, encoding = decode_text(data)
        return text, encoding, f"declared charset {name!r} is unknown; read as {encoding}"
    try:
        return data.decode(codec), codec, None
    except UnicodeError:
        text, encoding = decode_text(data)
        problem = f"declared charset {name!r} does not fit the bytes; read as {encoding}"
        return text, encoding, problem


def _charset_codec(name: str) -> str | None:
    """Python's codec for a declared charset; None for unknown names and for Python's own
    codecs that are no charset ("undefined", "unicode_escape", "base64", ...)."""
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


class _BlockCollector(HTMLParser):
    """Turns the tag stream into blocks; text is flushed at every block boundary.

    Besides the stack of open block elements it keeps a count of open elements per tag, the
    stack of open li/ol/ul and that of open ol/ul, so no tag ever scans the whole stack.
    """

    def __init__(self, *, limits: ReadLimits, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.title_parts: list[str] = []
        self._limits = limits
        self._path = path
        self._open: list[_Open] = []
        self._open_count: Counter[str] = Counter()
        self._items: list[_Open] = []  # open li, ol and ul, innermost last
        self._lists: list[_Open] = []  # open ol and ul, innermost last
        self._parts: list[str] = []
        self._skipping: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
            return
        if self._skipping:
            if self._skipping == ["head"] and tag in _BLOCKS and tag != "html":
                self._skipping.clear()  # a page that forgot </head>: its body has started
            else:
                if tag == self._skipping[-1]:
                    self._skipping.append(tag)  # the same element nested in itself
                return
        if tag in _SKIPPED:
            self._skipping.append(tag)
        elif tag == "br":
            self._parts.append(_LINE_BREAK)
        elif tag in _BLOCKS:
            self._start_block(tag, dict(attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag in _BLOCKS and self._open_count[tag]:
            self._flush()
            while self._open and self._pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._skipping:
            self._parts.append(data.replace(_LINE_BREAK, ""))

    def close(self) -> None:
        super().close()
        self._flush()

    def _start_block(self, tag: str, attrs: dict[str, str | None]) -> None:
        self._flush()
        closes = _CLOSED_BY.get(tag, _CLOSES_PARAGRAPH)
        while self._open and self._open[-1].tag in closes:
            self._pop()
        self._push(self._opened(tag, attrs))

    def _take_text(self) -> str:
        """The text gathered since the last block boundary; the parts are let go at once."""
        text = "".join(self._parts)
        self._parts.clear()
        return text

    def _push(self, element: _Open) -> None:
        if len(self._open) >= self._limits.max_depth:
            where = f"HTML elements nest deeper than {self._limits.max_depth} levels"
            raise NestingTooDeep.past(str(self._path), where)
        self._open.append(element)
        self._open_count[element.tag] += 1
        if element.tag in _LIST_ELEMENTS:
            self._items.append(element)
            if element.tag != "li":
                self._lists.append(element)

    def _pop(self) -> _Open:
        element = self._open.pop()
        self._open_count[element.tag] -= 1
        if element.tag in _LIST_ELEMENTS:
            self._items.pop()
            if element.tag != "li":
                self._lists.pop()
        return element

    def _opened(self, tag: str, attrs: dict[str, str | None]) -> _Open:
        if tag == "ol":
            start = _integer(attrs.get("start"), default=1)
            number_format = _LIST_TYPES.get(attrs.get("type") or "1", "decimal")
            return _Open(tag, next_number=start, number_format=number_format)
        if tag != "li":
            return _Open(tag)
        parent = self._lists[-1] if self._lists else None
        if parent is None or parent.tag == "ul":
            return _Open(tag, label=BULLET)
        number = _integer(attrs.get("value"), default=parent.next_number)
        parent.next_number = number + 1
        return _Open(tag, label=format_number(number, parent.number_format) + ".")

    def _flush(self) -> None:
        text = _collapse(self._take_text(), keep_spaces=self._open_count["pre"] > 0)
        if not text:
            return
        kind: BlockKind = "text"
        level = label = None
        innermost = self._open[-1].tag if self._open else ""
        item = self._items[-1] if self._items else None
        if innermost in _HEADINGS:
            kind, level = "heading", _HEADINGS[innermost]
        elif item is not None and item.tag == "li" and item.label is not None:
            kind, label, item.label = "list_item", item.label, None
        self.blocks.append(Block(text=text, kind=kind, level=level, label=label))
        self._limits.check_blocks(len(self.blocks), path=self._path)


def _collapse(text: str, *, keep_spaces: bool) -> str:
    """HTML whitespace rules: runs of white space become one space, <br> becomes a newline."""
    if keep_spaces:  # <pre>
        return text.replace("\r\n", "\n").replace(_LINE_BREAK, "\n").strip("\n")
    if _LINE_BREAK not in text:  # the usual case, without a copy per line
        return _SPACES.sub(" ", text).strip()
    lines = (_SPACES.sub(" ", line).strip() for line in text.split(_LINE_BREAK))
    return "\n".join(line for line in lines if line)


def _integer(value: str | None, *, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
