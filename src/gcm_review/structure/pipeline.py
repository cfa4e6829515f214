"""The structure stage: repaired blocks in, title, sections and attributed paragraphs out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from gcm_review.frameworks import Framework, load_framework
from gcm_review.languages import clean_text, detect_language, majority_language
from gcm_review.model import (
    Attribution,
    Block,
    Paragraph,
    RepairedDocument,
    Section,
    StructuredDocument,
)
from gcm_review.structure.attribution import AttributionContext, attribute, unplaced
from gcm_review.structure.contents import contents_lines
from gcm_review.structure.headings import HeadingMatch, classify_heading
from gcm_review.structure.non_substantive import NON_SUBSTANTIVE, is_non_substantive
from gcm_review.structure.numbering import MarkedText, split_marker
from gcm_review.structure.objective_refs import find_objective_refs
from gcm_review.structure.outline import Outline
from gcm_review.structure.placement_problems import (
    missing_headings,
    outside_problem,
    unplaced_problem,
)
from gcm_review.structure.reporting_country import (
    OPENING_PARAGRAPHS,
    reporting_country,
    speak_as,
    speak_for,
    submitter,
)
from gcm_review.structure.title import TitleLine, find_title

_DASHES = "-–—"


@dataclass(frozen=True)
class _Previous:
    """What the next paragraph needs to know about the one before it."""

    kind: str
    text: str
    attribution: Attribution
    serial: int


def structure(doc: RepairedDocument, *, framework: Framework | None = None) -> StructuredDocument:
    """Find the title, the sections and the paragraphs of a repaired document.

    Explicit references are to the objectives of `framework` (the GCM unless another is given).
    What it cannot place (a continuation whose speaker cannot be told, a paragraph about the
    whole meeting under a roundtable, a missing roundtable heading) is added, one line each,
    to the problems of the returned document's source.
    """
    framework = framework or load_framework()
    blocks = [block for block in doc.blocks if block.text.strip()]
    contents = contents_lines([block.text for block in blocks])
    headings = _headings(blocks, contents, framework)
    title = find_title(
        [
            TitleLine(block.text, _stops_title(index, contents, headings), block.kind == "heading")
            for index, block in enumerate(blocks[:3])
        ],
        metadata_title=doc.source.metadata_title,
    )
    walk = _walk(blocks, set(title.blocks), contents, headings, framework)
    paragraphs = walk.paragraphs
    language = majority_language((p.language, len(p.text)) for p in paragraphs)
    filled = tuple(
        _typed(p if p.language else replace(p, language=language), title.title) for p in paragraphs
    )
    filled = _speaking_for(filled, title.title)
    problems = (*walk.problems, *missing_headings(walk.outline.missing))
    if problems:  # reported with the reader's and repairs' problems
        source = replace(doc.source, problems=(*doc.source.problems, *problems))
        doc = replace(doc, source=source)
    return StructuredDocument(doc, title.title, language, tuple(walk.sections), filled)


@dataclass
class _Walk:
    """What one pass over the blocks found."""

    outline: Outline = field(default_factory=Outline)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _walk(
    blocks: list[Block],
    skipped: set[int],
    contents: frozenset[int],
    headings: dict[int, HeadingMatch],
    framework: Framework,
) -> _Walk:
    walk = _Walk()
    outline = walk.outline
    previous: _Previous | None = None
    for index, block in enumerate(blocks):
        if index in skipped:
            continue
        heading = headings.get(index)
        if heading is not None:
            section = _section(heading, block)
            outline.enter(section)
            walk.sections.append(section)
            continue
        paragraph = _paragraph(
            block,
            len(walk.paragraphs),
            index in contents,
            outline,
            previous,
            walk.problems,
            framework=framework,
        )
        if paragraph is None:
            continue
        walk.paragraphs.append(paragraph)
        previous = _Previous(paragraph.kind, paragraph.text, paragraph.attribution, outline.serial)
    return walk


def _speaking_for(paragraphs: tuple[Paragraph, ...], title: str | None) -> tuple[Paragraph, ...]:
    """A national review's paragraphs speak for its state, a submission's for its author."""
    opening = [p.text for p in paragraphs[:OPENING_PARAGRAPHS]]
    country = reporting_country(title, opening)
    if country is not None:
        return speak_for(paragraphs, country)
    author = submitter(title, [p for p in paragraphs[:OPENING_PARAGRAPHS] if not p.number])
    return speak_as(paragraphs, author) if author is not None else paragraphs


def _typed(paragraph: Paragraph, title: str | None) -> Paragraph:
    """The paragraph, of kind NON_SUBSTANTIVE when it is a dateline, disclaimer or the like."""
    if paragraph.kind != "contents" and is_non_substantive(paragraph.text, title=title):
        return replace(paragraph, kind=NON_SUBSTANTIVE)
    return paragraph


def _stops_title(index: int, contents: frozenset[int], headings: dict[int, HeadingMatch]) -> bool:
    """The contents or a structural heading ends the title; a short title-like line does not."""
    heading = headings.get(index)
    return index in contents or (heading is not None and heading.kind != "heading")


def _headings(
    blocks: list[Block], contents: frozenset[int], framework: Framework
) -> dict[int, HeadingMatch]:
    found: dict[int, HeadingMatch] = {}
    previous: str | None = None
    for index, block in enumerate(blocks):
        if index not in contents:
            format_level = (block.level or 1) if block.kind == "heading" else None
            heading = classify_heading(
                block.text, format_level=format_level, previous=previous, framework=framework
            )
            if heading is not None:
                found[index] = heading
        previous = block.text
    return found


def _section(heading: HeadingMatch, block: Block) -> Section:
    return Section(
        title=heading.title,
        level=heading.level,
        kind=heading.kind,
        page=block.page,
        objective_refs=heading.objective_refs,
        country=heading.country,
    )


def _paragraph(
    block: Block,
    index: int,
    in_contents: bool,
    outline: Outline,
    previous: _Previous | None,
    problems: list[str],
    *,
    framework: Framework,
) -> Paragraph | None:
    """The paragraph of one block; what cannot be placed is said in `problems`."""
    if in_contents:
        text = clean_text(block.text)
        return Paragraph(index, text, kind="contents", section=outline.titles, page=block.page)
    marked = split_marker(block.text, label=block.label if block.kind == "list_item" else None)
    if not marked.text:
        return None  # a number or bullet alone on its line
    kind = _kind(marked, previous)
    same_section = previous is not None and previous.serial == outline.serial
    context = AttributionContext(
        section_country=outline.country,
        previous=previous.attribution if same_section and previous is not None else None,
        unnumbered=marked.marker != "number",
        fragment=kind == "fragment",
    )
    if unplaced(marked.text, context):
        problems.append(unplaced_problem(marked.text, block.page, context))
    outside = outline.outside_roundtable(marked.text)  # filed under no section, and said so
    if outside:
        problems.append(outside_problem(marked.text, marked.number, outline.titles[-1]))
    return Paragraph(
        index=index,
        text=marked.text,
        number=marked.number,
        kind=kind,
        section=() if outside else outline.titles,
        page=block.page,
        language=detect_language(marked.text),
        attribution=attribute(marked.text, context),
        objective_refs=find_objective_refs(marked.text, framework=framework),
        section_objective_refs=() if outside else outline.objective_refs,
    )


def _kind(marked: MarkedText, previous: _Previous | None) -> str:
    """The paragraph kind: "paragraph", "bullet" or "fragment" (unnumbered, lower case)."""
    starts_lower = marked.text[:1].islower()
    if marked.marker == "number":
        return "paragraph"
    if marked.marker == "subitem":
        return "bullet"
    if marked.marker == "bullet":
        in_list = previous is not None and (
            previous.kind == "bullet" or previous.text.rstrip().endswith(":")
        )
        stray_dash = marked.bullet in tuple(_DASHES) and starts_lower and not in_list
        return "fragment" if stray_dash else "bullet"
    return "fragment" if starts_lower else "paragraph"
