"""Keeping the report of a large review to a size that opens (issue 15.10). Past
`evidence.FULL_APPENDIX` paragraphs: a list of evidence references shows its first REFS_SHOWN
and says how many more there are; a part of a section (a country, a roundtable), a list, and
each stretch of a section between two headings show their first PART_BLOCKS blocks or items
and say how many more there are; and the evidence appendix holds only the paragraphs the
report cites, without their tags, saying where every other paragraph is and how each was
tagged (paragraphs.jsonl and paragraphs.csv, and the web app's document pages). A smaller
review's report is unchanged.

`shrink` is the cut itself, also used by the web app's synthesis page with its own limits.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from typing import Any

from gcm_review.report import document as d
from gcm_review.report.sections.evidence import FULL_APPENDIX, evidence
from gcm_review.report.sections.lookup import Lookup

REFS_SHOWN = 5  # references shown of a longer list, past FULL_APPENDIX
PART_BLOCKS = 30  # blocks shown of a longer part or list, past FULL_APPENDIX
_FIELDS: dict[type, tuple[str, ...]] = {}
_FLAT = frozenset({"paragraph_ids", "hints", "header", "widths"})  # fields holding no blocks


@dataclass(frozen=True)
class Limits:
    """How much of a long list of references, and of a long part or list, is shown."""

    refs_shown: int
    part_blocks: int
    part_note: str = "{more} more items of this part are left out here: {where}"
    where: str = "every paragraph is in paragraphs.jsonl and paragraphs.csv."


def shrink(value: Any, limits: Limits) -> Any:
    """A block (or a tuple of them) with long reference lists, lists and parts cut, saying so."""
    if isinstance(value, tuple):
        if not value or isinstance(value[0], str | int | float):
            return value
        return tuple(item for each in value for item in _expanded(each, limits))
    names = _inner_fields(type(value))
    if not names:
        return value
    changes = {}
    for name in names:
        inner = getattr(value, name)
        if isinstance(inner, tuple) and inner:
            cut = shrink(inner, limits)
            if cut != inner:
                changes[name] = cut
    return replace(value, **changes) if changes else value


def _inner_fields(kind: type) -> tuple[str, ...]:
    """The fields of a document dataclass that may hold blocks or runs."""
    found = _FIELDS.get(kind)
    if found is None:
        names = fields(kind) if is_dataclass(kind) else ()
        found = _FIELDS[kind] = tuple(f.name for f in names if f.name not in _FLAT)
    return found


def _expanded(value: Any, limits: Limits) -> tuple[Any, ...]:
    if isinstance(value, d.Refs):
        if len(value.paragraph_ids) <= limits.refs_shown:
            return (value,)
        more = len(value.paragraph_ids) - limits.refs_shown
        shown = replace(
            value,
            paragraph_ids=value.paragraph_ids[: limits.refs_shown],
            hints=value.hints[: limits.refs_shown],
        )
        return (shown, d.Span(f" (and {more} more)", css="more-refs"))
    if isinstance(value, d.Part) and len(value.blocks) > limits.part_blocks:
        kept = shrink(value.blocks[: limits.part_blocks], limits)
        note = _note(len(value.blocks) - limits.part_blocks, limits)
        return (replace(value, blocks=kept + (note,)),)
    if isinstance(value, d.BulletList) and len(value.items) > limits.part_blocks:
        items = shrink(value.items[: limits.part_blocks], limits)
        return (replace(value, items=items), _note(len(value.items) - limits.part_blocks, limits))
    return (shrink(value, limits),)


def _note(more: int, limits: Limits) -> d.Paragraph:
    return d.text(limits.part_note.format(more=more, where=limits.where), css="muted more-items")


def cited_ids(value: Any, medium: d.Medium) -> Iterator[int]:
    """The paragraph ids the evidence references in the blocks (or sections) drawn for
    `medium` cite."""
    if isinstance(value, d.Refs):
        yield from value.paragraph_ids
    elif isinstance(value, tuple | list):
        for item in value:
            yield from cited_ids(item, medium)
    elif getattr(value, "only", None) in (None, medium):
        for name in _inner_fields(type(value)):
            inner = getattr(value, name)
            if isinstance(inner, tuple):
                yield from cited_ids(inner, medium)


def fitted(look: Lookup, sections: Sequence[d.Section], medium: d.Medium) -> list[d.Section]:
    """The report's sections as built, for a review up to FULL_APPENDIX paragraphs; past it,
    cut to a size that opens, with the evidence appendix holding the paragraphs cited in
    `medium` ("html" or "docx")."""
    if len(look.synthesis.paragraphs) <= FULL_APPENDIX:
        return list(sections)
    limits = Limits(REFS_SHOWN, PART_BLOCKS)
    cut = [
        s if s.anchor == "evidence" else replace(s, blocks=_cut_section(s, medium, limits))
        for s in sections
        if s.only in (None, medium)
    ]
    cited = set(cited_ids([s.blocks for s in cut if s.anchor != "evidence"], medium))
    return [evidence(look, only=cited) if s.anchor == "evidence" else s for s in cut]


def _cut_section(section: d.Section, medium: d.Medium, limits: Limits) -> tuple[d.Block, ...]:
    """The section's blocks for `medium`, cut: in each stretch between two headings, at most
    `part_blocks` blocks (then a note)."""
    drawn = tuple(b for b in section.blocks if b.only in (None, medium))
    kept: list[d.Block] = []
    run = left_out = 0
    for block in shrink(drawn, limits):
        if isinstance(block, d.Heading | d.Part):
            if left_out:
                kept.append(_note(left_out, limits))
            run = left_out = 0
            kept.append(block)
        elif run < limits.part_blocks:
            run += 1
            kept.append(block)
        else:
            left_out += 1
    if left_out:
        kept.append(_note(left_out, limits))
    return tuple(kept)
