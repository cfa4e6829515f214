"""DOCX reader (docx.v1) on python-docx: one block per paragraph, in body order.

Table cells and content controls are walked in place. Headings are found by style name
("Title", "Heading N") or, for localised or custom styles, by outline level. Numbered paragraphs
become "list_item" blocks whose label is the number Word would print, computed from numbering.xml
(see docx_numbering). Text in text boxes, headers, footers and footnotes is not read.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml.ns import qn

from gcm_review.errors import CorruptDocument, EncryptedDocument
from gcm_review.ingest.detect import OLE_MAGIC
from gcm_review.ingest.docx_numbering import ListCounters
from gcm_review.ingest.docx_package import check_package
from gcm_review.ingest.result import DEFAULT_LIMITS, ReadLimits, ReadResult, one_line
from gcm_review.model import Block

_PARAGRAPH = qn("w:p")
_RUN = qn("w:r")
_CONTAINERS = frozenset(
    qn(tag) for tag in ("w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:customXml")
)
_INLINE_CONTAINERS = frozenset(
    qn(tag)
    for tag in (
        "w:hyperlink", "w:ins", "w:moveTo", "w:fldSimple", "w:smartTag",
        "w:sdt", "w:sdtContent", "w:customXml", "w:dir", "w:bdo",
    )
)  # fmt: skip
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_BODY_TEXT_OUTLINE = 9  # outline level 9 means "body text", not a heading


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    outline_level: int | None
    numbering: tuple[str, int | None] | None  # (numId, ilvl) the style applies


def read_docx(data: bytes, *, path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> ReadResult:
    """Read a .docx; raise EncryptedDocument (password), CorruptDocument (damaged), or
    DecompressedTooLarge / TooManyParagraphs past `limits` (checked before parsing)."""
    where = str(path)
    if data.startswith(OLE_MAGIC):
        raise EncryptedDocument(where, "the DOCX is password-protected")
    check_package(data, path=path, limits=limits)
    try:  # python-docx opening and parsing the parts: any failure here means a damaged file
        document = docx.Document(io.BytesIO(data))
        styles_root = document.styles.element
        numbering_root = _part_element(document, "NUMBERING")
        title = one_line(document.core_properties.title or "") or None
    except Exception as exc:
        reason = one_line(f"{type(exc).__name__}: {exc}")
        raise CorruptDocument(where, f"the DOCX cannot be parsed ({reason})") from exc
    # Our own walk of the parsed parts: a failure here is a bug, left to `read` to report.
    styles = _paragraph_styles(styles_root)
    counters = ListCounters.from_numbering_xml(numbering_root)
    blocks = tuple(_blocks(document.element.body, styles=styles, counters=counters))
    return ReadResult(blocks=blocks, metadata_title=title)


def _part_element(document: Any, relationship: str) -> Any | None:
    try:
        part = document.part.part_related_by(getattr(RELATIONSHIP_TYPE, relationship))
    except (KeyError, ValueError):
        return None
    return getattr(part, "element", None)


def _paragraph_styles(root: Any) -> dict[str, _Style]:
    """Paragraph styles by id; the default paragraph style is also stored under ""."""
    styles: dict[str, _Style] = {}
    for element in root.iterchildren(qn("w:style")):
        if element.get(qn("w:type")) != "paragraph":
            continue
        properties = element.find(qn("w:pPr"))
        style = _Style(
            name=_value(element, "w:name") or "",
            based_on=_value(element, "w:basedOn"),
            outline_level=_outline_level(properties),
            numbering=_numbering(properties),
        )
        styles[element.get(qn("w:styleId"), "")] = style
        if element.get(qn("w:default")) in ("1", "true"):
            styles.setdefault("", style)
    return styles


def _blocks(body: Any, *, styles: dict[str, _Style], counters: ListCounters) -> list[Block]:
    blocks: list[Block] = []
    for paragraph in _paragraphs(body):
        block = _paragraph_block(paragraph, styles=styles, counters=counters)
        if block is not None:
            blocks.append(block)
    return blocks


def _paragraphs(element: Any) -> list[Any]:
    """Every w:p in reading order, descending into tables, rows, cells and content controls."""
    found: list[Any] = []
    for child in element.iterchildren():
        if child.tag == _PARAGRAPH:
            found.append(child)
        elif child.tag in _CONTAINERS:
            found.extend(_paragraphs(child))
    return found


def _paragraph_block(
    paragraph: Any, *, styles: dict[str, _Style], counters: ListCounters
) -> Block | None:
    properties = paragraph.find(qn("w:pPr"))
    chain = _style_chain(_value(properties, "w:pStyle") or "", styles)
    numbering = _numbering(properties) or next(
        (style.numbering for style in chain if style.numbering is not None), None
    )
    label = None
    if numbering is not None and numbering[0] != "0":
        label = counters.next_label(numbering[0], numbering[1] or 0)
    text = _text(paragraph).strip()
    if not text:
        return None  # an empty paragraph still advanced its list counter above, as in Word
    level = _heading_level(properties, chain)
    if level is not None:
        return Block(text=text, kind="heading", level=level, label=label)
    if label is not None:
        return Block(text=text, kind="list_item", label=label)
    return Block(text=text, kind="text")


def _style_chain(style_id: str, styles: dict[str, _Style]) -> list[_Style]:
    """The paragraph's style followed by the styles it is based on (cycles cut)."""
    chain: list[_Style] = []
    seen: set[str] = set()
    current: str | None = style_id if style_id in styles else ""
    while current is not None and current not in seen and current in styles:
        seen.add(current)
        style = styles[current]
        chain.append(style)
        current = style.based_on
    return chain


def _heading_level(properties: Any | None, chain: list[_Style]) -> int | None:
    own = _outline_level(properties)
    if own is not None:
        return own + 1 if own < _BODY_TEXT_OUTLINE else None
    for style in chain:
        if style.name.strip().lower() == "title":
            return 1
        named = _HEADING_NAME.match(style.name.strip())
        if named is not None:
            return int(named.group(1))
        if style.outline_level is not None:
            level = style.outline_level
            return level + 1 if level < _BODY_TEXT_OUTLINE else None
    return None


def _outline_level(properties: Any | None) -> int | None:
    value = _value(properties, "w:outlineLvl")
    return int(value) if value is not None and value.isdigit() else None


def _numbering(properties: Any | None) -> tuple[str, int | None] | None:
    numbering = None if properties is None else properties.find(qn("w:numPr"))
    if numbering is None:
        return None
    num_id = _value(numbering, "w:numId")
    level = _value(numbering, "w:ilvl")
    if num_id is None:
        return None
    return num_id, int(level) if level is not None and level.isdigit() else None


def _value(element: Any | None, tag: str) -> str | None:
    child = None if element is None else element.find(qn(tag))
    return None if child is None else child.get(qn("w:val"))


def _text(element: Any) -> str:
    """Text of runs, also inside hyperlinks, insertions, fields and inline content controls."""
    parts: list[str] = []
    for child in element.iterchildren():
        if child.tag == _RUN:
            parts.append(child.text or "")
        elif child.tag in _INLINE_CONTAINERS:
            parts.append(_text(child))
    return "".join(parts)
