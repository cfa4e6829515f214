"""WordprocessingML that python-docx has no API for: bookmarks, internal links, right-to-left.

A report cites its evidence as "[¶12, ¶15]": each "¶12" is a `w:hyperlink` whose `w:anchor` names
the bookmark `p12` set around that paragraph in the Evidence section.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Collection, Iterable

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import RGBColor
from docx.table import _Row
from docx.text.paragraph import Paragraph

LINK_STYLE = "Hyperlink"
LINK_COLOUR = RGBColor(0x05, 0x63, 0xC1)
REFERENCE_MARK = "¶"
_LRM = "\u200e"  # left-to-right mark: keeps "[¶12, ¶15]" in order inside Arabic text
# Characters XML 1.0 cannot hold; lxml refuses them, and damaged documents do contain them.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_PRESERVE = qn("xml:space")
_TAB_OR_BREAK = re.compile("[\t\n\r]")
# Paragraph properties that must come after w:bidi (ECMA-376 CT_PPrBase order).
_AFTER_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def xml_text(text: str) -> str:
    """The text without the control characters an XML document cannot hold."""
    return _XML_ILLEGAL.sub("", text)


def append_run(
    paragraph: Paragraph, text: str, *, properties: BaseOxmlElement | None = None
) -> None:
    """Append a run holding the text, as `paragraph.add_run(text)` writes it, with a copy of
    `properties` (a w:rPr).

    python-docx reads the text character by character (tabs and line breaks become elements of
    their own) and finds the place of every element by scanning its siblings, which makes a
    report of thousands of paragraphs slow; text without tabs or breaks is written directly.
    """
    if _TAB_OR_BREAK.search(text):
        run = paragraph.add_run(text)._r
        if properties is not None:
            run.insert(0, copy.deepcopy(properties))
        return
    run = OxmlElement("w:r")
    if properties is not None:
        run.append(copy.deepcopy(properties))
    if text:
        element = OxmlElement("w:t")
        element.text = text
        if len(text.strip()) < len(text):
            element.set(_PRESERVE, "preserve")
        run.append(element)
    paragraph._p.append(run)


def add_link_style(document: Document) -> None:
    """Add the character style used by internal links (blue, underlined) when it is missing."""
    names = {style.name for style in document.styles}
    if LINK_STYLE in names:
        return
    style = document.styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = LINK_COLOUR
    style.font.underline = True


def add_bookmark(paragraph: Paragraph, name: str, bookmark_id: int) -> None:
    """Put a bookmark called `name` around everything the paragraph holds."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)})
    p = paragraph._p
    properties = p.pPr
    if properties is None:
        p.insert(0, start)
    else:
        properties.addnext(start)
    p.append(end)


def next_bookmark_id(document: Document) -> int:
    """An id above those of the bookmarks already in the document (w:id must be unique)."""
    ids = document.element.body.xpath("//w:bookmarkStart/@w:id")
    return max((int(value) for value in ids if str(value).isdigit()), default=-1) + 1


def add_internal_link(paragraph: Paragraph, text: str, anchor: str) -> None:
    """Append a link with this text that jumps to the bookmark named `anchor`."""
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): anchor, qn("w:history"): "1"})
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rStyle", {qn("w:val"): LINK_STYLE}))
    run.append(properties)
    text_element = OxmlElement("w:t")
    text_element.text = xml_text(text)
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def add_references(
    paragraph: Paragraph, paragraph_ids: Iterable[int], *, known: Collection[int]
) -> None:
    """Append " [¶12, ¶15]": each a link to its evidence paragraph (plain text when not known)."""
    ids = list(dict.fromkeys(paragraph_ids))
    if not ids:
        return
    rtl = is_right_to_left(paragraph)
    append_run(paragraph, (_LRM if rtl else "") + " [")
    for index, paragraph_id in enumerate(ids):
        if index:
            append_run(paragraph, ", ")
        label = f"{REFERENCE_MARK}{paragraph_id}"
        if paragraph_id in known:
            add_internal_link(paragraph, label, bookmark_name(paragraph_id))
        else:
            append_run(paragraph, label)
    append_run(paragraph, "]" + (_LRM if rtl else ""))


def bookmark_name(paragraph_id: int) -> str:
    """The bookmark of a paragraph in the Evidence section (the same as its HTML anchor)."""
    return f"p{paragraph_id}"


def set_right_to_left(paragraph: Paragraph) -> None:
    """Lay the paragraph out right to left (w:bidi) and mark its runs as right-to-left text.

    No w:jc is written: Word reads left/right alignment relative to the paragraph direction, so
    a bidi paragraph without one sits flush right in Word and LibreOffice alike.
    """
    properties = paragraph._p.get_or_add_pPr()
    if properties.find(qn("w:bidi")) is None:
        properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    justification = properties.find(qn("w:jc"))
    if justification is not None:
        properties.remove(justification)
    for run in paragraph.runs:
        run.font.rtl = True


def is_right_to_left(paragraph: Paragraph) -> bool:
    """Whether the paragraph is laid out right to left."""
    properties = paragraph._p.pPr
    return properties is not None and properties.find(qn("w:bidi")) is not None


def mark_repeating_header(row: _Row) -> None:
    """Repeat this table row (the header) at the top of every page the table runs onto."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
