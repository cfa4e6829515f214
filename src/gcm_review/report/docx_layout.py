"""What a Word report needs to drop into a UN template: named styles, numbered paragraphs, a
table of contents field, page numbers and a landscape section for wide tables.

The report's own paragraph styles are custom styles based on built-in ones (`REPORT_STYLES`):
a template restyles them by name. Numbered paragraphs take their numbers from a numbering
definition of their style (Word counts them), never from typed digits. The table of contents is
a TOC field over the heading levels 1 to 3, which Word fills when the document is opened
(`w:updateFields`); the footer holds a PAGE field.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

NUMBERED_STYLE = "Numbered Paragraph"
NOTE_STYLE = "Report Note"
# name -> (the built-in style it is based on, italic, size in points, grey)
REPORT_STYLES: dict[str, tuple[str, bool, float | None, bool]] = {
    NUMBERED_STYLE: ("Normal", False, None, False),
    NOTE_STYLE: ("Normal", True, 9, True),
}
NOTE_COLOUR = RGBColor(0x59, 0x59, 0x59)
_NUMBER_INDENT_CM = 1.0
_ABSTRACT_ID = 90  # above the ids of python-docx's default template (0-8)
# The elements of w:settings that the schema puts after w:updateFields.
_AFTER_UPDATE_FIELDS = frozenset(
    qn(f"w:{name}")
    for name in [
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ]
) | {"{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr"}


def add_report_styles(doc: Document) -> None:
    """The custom styles of the report, and the numbering definition of numbered paragraphs."""
    for name, (base, italic, size, grey) in REPORT_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        style.quick_style = True
        font = style.font
        font.italic = italic or None
        if size is not None:
            font.size = Pt(size)
        if grey:
            font.color.rgb = NOTE_COLOUR
    numbered = doc.styles[NUMBERED_STYLE]
    num_id = _add_numbering(doc)
    p_pr = numbered.element.get_or_add_pPr()
    num_pr = OxmlElement("w:numPr")
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    num_pr.append(num)
    p_pr.insert(0, num_pr)


def _add_numbering(doc: Document) -> int:
    """A decimal numbering definition ("1.", "2.", ...) with a hanging indent; its w:numId."""
    numbering = doc.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), str(_ABSTRACT_ID))
    level = OxmlElement("w:lvl")
    level.set(qn("w:ilvl"), "0")
    for tag, value in (("w:start", "1"), ("w:numFmt", "decimal"), ("w:lvlText", "%1.")):
        child = OxmlElement(tag)
        child.set(qn("w:val"), value)
        level.append(child)
    p_pr = OxmlElement("w:pPr")
    indent = OxmlElement("w:ind")
    twips = str(int(Cm(_NUMBER_INDENT_CM).twips))
    indent.set(qn("w:left"), twips)
    indent.set(qn("w:hanging"), twips)
    p_pr.append(indent)
    level.append(p_pr)
    abstract.append(level)
    numbers = numbering.xpath("./w:num")
    ids = [int(n.get(qn("w:numId"))) for n in numbers]
    num_id = max(ids, default=0) + 1
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(_ABSTRACT_ID))
    num.append(ref)
    first_num = numbers[0] if numbers else None
    if first_num is not None:
        first_num.addprevious(abstract)  # abstract definitions come before the w:num elements
    else:
        numbering.append(abstract)
    numbering.append(num)
    return num_id


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A field (TOC, PAGE) in the paragraph, with the text shown until Word updates it."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None)):
        run = paragraph.add_run()
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
    paragraph.add_run(placeholder)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    paragraph.add_run()._r.append(end)


def add_contents(doc: Document, paragraph: Paragraph) -> None:
    """A table of contents field over heading levels 1-3, updated when Word opens the file."""
    add_field(
        paragraph,
        r'TOC \o "1-3" \h \z \u',
        "Right-click here and choose Update Field to show the table of contents.",
    )
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    after = next((child for child in settings if child.tag in _AFTER_UPDATE_FIELDS), None)
    if after is not None:
        after.addprevious(update)  # the schema's order: Word refuses settings out of it
    else:
        settings.append(update)


def add_page_numbers(doc: Document) -> None:
    """A centred page number in the footer of the document's first section; the sections after
    it inherit it while they are linked to the previous footer (call it once they exist)."""
    footer = doc.sections[0].footer
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = 1  # centre
    add_field(paragraph, "PAGE", "1")


def start_section(doc: Document, *, landscape: bool) -> None:
    """A new section on a new page, landscape or portrait, with the same margins."""
    previous = doc.sections[-1]
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = previous.page_width, previous.page_height
    if width is None or height is None:
        return
    short, long = min(width, height), max(width, height)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
