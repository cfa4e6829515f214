"""repair(): undo extraction damage in a SourceDocument, recording every change.

Order: characters (unicode, then Arabic PDF faults) per input block; running headers, footers
and page numbers per page; hyphenation; reflow into paragraphs and duplicate-overlap joins;
letter splits and content-stream garbage on paragraph text.

Where a model.Repair's `block` and `offset` point:
- unicode-normalisation: the input block, offset of the first changed character in its raw text;
- arabic-lam-alef, arabic-bidi-run, arabic-stray-mark (PDF only, and only when the document
  shows pypdfium2's swapped ligatures): the input block, offset in its normalised text;
- running-header, running-footer, page-number: the removed line's input block, offset 0;
- hyphenation: the input block of the line that had the hyphen (or pypdfium2's U+FFFE mark),
  offset of the hyphen in that line's text at that step;
- page-join, duplicate-overlap, letter-split, content-stream-garbage: the first input block of
  the output paragraph, offset in the paragraph's text at that step (page: where that offset
  lies).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from gcm_review.ingest.repair.arabic import (
    drop_stray_marks,
    fix_bidi_runs,
    fix_lam_alef,
    has_lam_alef_fault,
    is_arabic_line,
)
from gcm_review.ingest.repair.edits import TextEdit
from gcm_review.ingest.repair.garbage import remove_garbage
from gcm_review.ingest.repair.hyphenation import join_hyphenated, open_pdfium_hyphens
from gcm_review.ingest.repair.letter_split import mend_letter_splits
from gcm_review.ingest.repair.lines import Draft, Line
from gcm_review.ingest.repair.overlap import join_overlaps
from gcm_review.ingest.repair.reflow import Layout, continues, measure_layout, reflow
from gcm_review.ingest.repair.running_headers import (
    PAGE_NUMBER,
    RUNNING_FOOTER,
    check_share,
    drop_lines,
    find_glued_footers,
    find_running_lines,
)
from gcm_review.ingest.repair.unicode_norm import normalise_characters
from gcm_review.ingest.repair.vocabulary import Vocabulary, document_vocabulary
from gcm_review.model import Block, Repair, RepairedDocument, SourceDocument

Segment = list[Line] | Draft
DEFAULT_MAX_REMOVED_SHARE = 0.1  # the repair_max_share setting's default


@dataclass
class _Log:
    """The repairs recorded so far, and the repairs refused (one line each)."""

    repairs: list[Repair] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def add(self, edit: TextEdit, *, block: int, page: int | None) -> None:
        self.repairs.append(
            Repair(
                kind=edit.kind,
                block=block,
                page=page,
                removed=edit.removed,
                inserted=edit.inserted,
                offset=edit.offset,
                count=edit.count,
            )
        )

    def add_in_draft(self, edit: TextEdit, draft: Draft) -> None:
        self.add(edit, block=draft.block, page=draft.page_at(edit.offset))


def _character_texts(doc: SourceDocument, log: _Log) -> list[str]:
    """Each block's text after unicode clean-up and, for Arabic PDF lines, fault repair."""
    texts: list[str] = []
    for index, block in enumerate(doc.blocks):
        text, edit = normalise_characters(block.text)
        if edit is not None:
            log.add(edit, block=index, page=block.page)
        texts.append(text)
    if doc.format != "pdf":
        return texts
    arabic = [index for index, text in enumerate(texts) if is_arabic_line(text)]
    if not has_lam_alef_fault(texts[index] for index in arabic):
        return texts
    for index in arabic:
        page = doc.blocks[index].page
        for fix in (fix_lam_alef, fix_bidi_runs, drop_stray_marks):
            texts[index], edit = fix(texts[index])
            if edit is not None:
                log.add(edit, block=index, page=page)
    return texts


def _segments(doc: SourceDocument, texts: list[str]) -> list[Segment]:
    """Runs of lines to reflow, and blocks that pass through whole, in document order."""
    segments: list[Segment] = []
    for index, (block, text) in enumerate(zip(doc.blocks, texts, strict=True)):
        lines: list[Line] = []
        if block.kind == "line":
            lines = [Line(text=text, block=index, page=block.page, gap=block.gap_before)]
        elif block.kind == "text" and doc.format == "text":
            gap = block.gap_before if block.gap_before is not None else 1.0
            lines = [
                Line(text=part, block=index, page=block.page, gap=gap if number == 0 else 0.0)
                for number, part in enumerate(text.split("\n"))
            ]
        if not lines:
            draft = Draft(
                text=text.strip(),
                starts=((0, index, block.page),),
                kind=block.kind,
                level=block.level,
                label=block.label,
                from_lines=False,
            )
            segments.append(draft)
        elif segments and isinstance(segments[-1], list):
            segments[-1].extend(lines)
        else:
            segments.append(lines)
    return segments


def _without_running_lines(
    segments: list[Segment], log: _Log, *, max_share: float
) -> list[Segment]:
    every_line = [line for segment in segments if isinstance(segment, list) for line in segment]
    found = find_running_lines(every_line)
    refusal = check_share(every_line, found, max_share=max_share)
    if refusal is not None:
        log.refused.append(refusal)
        numbers = [(kind, line) for kind, line in found if kind == PAGE_NUMBER]
        found = numbers if check_share(every_line, numbers, max_share=max_share) is None else []
    for kind, line in found:
        log.add(TextEdit(kind, 0, line.text), block=line.block, page=line.page)
    gone = {id(line) for _kind, line in found}
    trimmed: dict[int, Line] = {}
    if refusal is None:
        for line, offset in find_glued_footers(every_line):
            log.add(
                TextEdit(RUNNING_FOOTER, offset, line.text[offset:]),
                block=line.block,
                page=line.page,
            )
            trimmed[id(line)] = replace(line, text=line.text[:offset].rstrip())
    return [
        drop_lines([trimmed.get(id(line), line) for line in segment], gone)
        if isinstance(segment, list)
        else segment
        for segment in segments
    ]


def _reflowed(
    lines: list[Line], *, layout: Layout, vocabulary: Vocabulary, log: _Log
) -> list[Draft]:
    lines, marked = open_pdfium_hyphens(lines, vocabulary=vocabulary)
    lines, hyphen_edits = join_hyphenated(
        lines,
        vocabulary=vocabulary,
        continues=lambda previous, line: continues(previous, line, layout=layout),
    )
    for line, edit in (*marked, *hyphen_edits):
        log.add(edit, block=line.block, page=line.page)
    drafts, join_edits = reflow(lines, layout=layout)
    for index, edit in join_edits:
        log.add_in_draft(edit, drafts[index])
    return drafts


def _mended(draft: Draft, *, vocabulary: Vocabulary, log: _Log) -> Draft:
    text, edits = mend_letter_splits(draft.text, vocabulary=vocabulary)
    text, more = remove_garbage(text, vocabulary=vocabulary)
    for edit in (*edits, *more):
        log.add_in_draft(edit, draft)
    return Draft(
        text=text.strip(),
        starts=draft.starts,
        kind=draft.kind,
        level=draft.level,
        label=draft.label,
        from_lines=draft.from_lines,
    )


def repair(
    doc: SourceDocument,
    *,
    paragraph_gap: float | None = None,
    max_removed_share: float = DEFAULT_MAX_REMOVED_SHARE,
) -> RepairedDocument:
    """Repair `doc`: one output block per paragraph, heading, list item or bullet line.

    `paragraph_gap` overrides the gap (in line heights for PDFs, blank lines for text files)
    over which a line starts a new paragraph (default 0.5). Running headers and footers that
    would take more than `max_removed_share` of the words are kept, and a line in the returned
    source's `problems` says so.
    """
    log = _Log()
    texts = _character_texts(doc, log)
    vocabulary = document_vocabulary(texts)
    segments = _without_running_lines(_segments(doc, texts), log, max_share=max_removed_share)
    all_lines = [line for segment in segments if isinstance(segment, list) for line in segment]
    layout = measure_layout(all_lines, pdf=doc.format == "pdf", paragraph_gap=paragraph_gap)
    drafts: list[Draft] = []
    for segment in segments:
        if isinstance(segment, list):
            drafts.extend(_reflowed(segment, layout=layout, vocabulary=vocabulary, log=log))
        else:
            drafts.append(segment)
    drafts, overlap_edits = join_overlaps(drafts)
    for index, edit in overlap_edits:
        log.add_in_draft(edit, drafts[index])
    mended = [_mended(draft, vocabulary=vocabulary, log=log) for draft in drafts]
    blocks = tuple(
        Block(
            text=draft.text, page=draft.page, kind=draft.kind, level=draft.level, label=draft.label
        )
        for draft in mended
        if draft.text
    )
    if log.refused:
        doc = replace(doc, problems=(*doc.problems, *log.refused))
    return RepairedDocument(source=doc, blocks=blocks, repairs=tuple(log.repairs))
