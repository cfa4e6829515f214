"""The outcome document's own parts: introduction and organisation of work, and the sessions
(opening, plenaries speaker by speaker, roundtables, closing), from each conference record.

Every sentence is the record's or a template filled from it, and ends with a link to its
paragraph; facts from the conference file say so. Body paragraphs are numbered (`NUMBERED`):
a Word numbering definition, a CSS counter in HTML.
"""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup, plural
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.conference import ConferenceInfo
from gcm_review.synthesis.outline_records import (
    ConferenceOutline,
    Line,
    SessionSummary,
)
from gcm_review.synthesis.reported_speech import named

NUMBERED = "Numbered Paragraph"  # the Word style of numbered body paragraphs
# What the organisation of work calls each kind of session: (one, several).
SESSION_WORDS = {
    "opening": ("an opening session", "opening sessions"),
    "plenary": ("a plenary session", "plenary sessions"),
    "roundtable": ("a roundtable", "roundtables"),
    "closing": ("a closing session", "closing sessions"),
}


def numbered(runs: Sequence[d.Inline]) -> d.Paragraph:
    """A numbered body paragraph, right to left when its text is Arabic."""
    text = "".join(run.text for run in runs if isinstance(run, d.Span))
    lang, direction = direction_of(text)
    return d.Paragraph(tuple(runs), css="numbered", lang=lang, dir=direction, style=NUMBERED)


def directed(value: str) -> d.Span:
    """Text from the documents, marked right to left when it is Arabic."""
    lang, direction = direction_of(value)
    return d.Span(value, lang=lang, dir="rtl") if direction == "rtl" else d.Span(value)


def linked(look: Lookup, lines: Sequence[Line]) -> list[d.Inline]:
    """Each line followed by the link to its paragraph."""
    runs: list[d.Inline] = []
    for index, line in enumerate(lines):
        runs += [d.Span(" ")] if index else []
        runs += [directed(line.text), d.Span(" "), look.refs((line.paragraph_id,))]
    return runs


def session_anchor(outline_index: int, session_index: int) -> str:
    """The HTML id (Word bookmark) of a session's part."""
    return f"session-{outline_index + 1}-{session_index + 1}"


def introduction(look: Lookup) -> d.Section | None:
    """Introduction and organisation of work: the conference file, then each record's own."""
    synthesis = look.synthesis
    if not synthesis.outlines and synthesis.conference is None:
        return None
    blocks: list[d.Block] = []
    if synthesis.conference is not None:
        blocks += _conference(synthesis.conference)
    for index, outline in enumerate(synthesis.outlines):
        blocks += _record_introduction(look, index, outline)
    return d.Section("introduction", "Introduction and organisation of work", tuple(blocks))


def _conference(info: ConferenceInfo) -> list[d.Block]:
    sentences = []
    name = info.name or "The conference"
    held = " ".join(
        part
        for part in (
            f"in {info.venue}" if info.venue else "",
            f"on {info.dates}" if info.dates else "",
            f"in a {info.format} format" if info.format else "",
        )
        if part
    )
    if held:
        sentences.append(f"{_the(name)} was held {held}.")
    if info.organisers:
        sentences.append(f"It was organized by {_and([named(o) for o in info.organisers])}.")
    if info.attendance:
        sentences.append(f"It brought together {info.attendance}.")
    if info.chair:
        sentences.append(f"It was chaired by {info.chair}.")
    if not sentences:
        return []
    source = d.Span(f" (from the conference file {info.source})", css="muted")
    return [numbered((d.Span(" ".join(sentences)), source))]


def _the(name: str) -> str:
    return name if name.split()[0] in ("The", "the") else f"The {name}"


def _and(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _record_introduction(look: Lookup, index: int, outline: ConferenceOutline) -> list[d.Block]:
    blocks: list[d.Block] = []
    by_paragraph: dict[int, list[Line]] = {}
    for line in outline.introduction:
        by_paragraph.setdefault(line.paragraph_id, []).append(line)
    blocks += [numbered(linked(look, lines)) for lines in by_paragraph.values()]
    sessions = outline.sessions
    if sessions:
        kinds = [s.kind for s in sessions]
        counts = {kind: kinds.count(kind) for kind in dict.fromkeys(kinds)}
        listing = _and(
            [
                f"{n} {SESSION_WORDS[k][1]}" if n > 1 else SESSION_WORDS[k][0]
                for k, n in counts.items()
            ]
        )
        lead = d.Span(
            f"The record {outline.document} reports {plural(len(sessions), 'session')}: "
            f"{listing}. They are summarised below in the record's order: "
        )
        links: list[d.Inline] = []
        for position, session in enumerate(sessions):
            links += [d.Span("; ")] if position else []
            links.append(d.Link(session.title, session_anchor(index, position)))
        blocks.append(numbered((lead, *links, d.Span("."))))
    return blocks


def sessions(look: Lookup) -> d.Section | None:
    """Each conference record's sessions in order, speaker by speaker."""
    outlines = look.synthesis.outlines
    if not any(outline.sessions for outline in outlines):
        return None
    blocks: list[d.Block] = []
    entries: list[d.Link] = []
    for index, outline in enumerate(outlines):
        if len(outlines) > 1:
            blocks.append(d.Heading(outline.title or outline.document, 2))
        for position, session in enumerate(outline.sessions):
            anchor = session_anchor(index, position)
            blocks.append(_session(look, session, anchor, level=3 if len(outlines) > 1 else 2))
            entries.append(d.Link(session.title, anchor))
    return d.Section("sessions", "Conference sessions", tuple(blocks), entries=tuple(entries))


def _session(look: Lookup, s: SessionSummary, anchor: str, *, level: int) -> d.Part:
    lang, direction = direction_of(s.title)
    blocks: list[d.Block] = [d.Heading(s.title, level, anchor, dir=direction, lang=lang)]
    if s.chair is not None:
        blocks.append(numbered(linked(look, (s.chair,))))
    if s.objectives:
        named = _and([look.words.numbered(n) for n in s.objectives])
        runs: list[d.Inline] = [d.Span(f"The session reviewed {named}.")]
        other = [n for n in s.addressed if n not in s.objectives]
        if other:
            also = _and([look.words.numbered(n) for n in other])
            runs.append(d.Span(f" The discussion also touched on {also}."))
        runs += [d.Span(" "), look.refs(s.paragraph_ids)]
        blocks.append(numbered(runs))
    said = [(speaker.paragraph_ids[0], speaker.lines) for speaker in s.speakers]
    said += [(point.paragraph_id, (point,)) for point in s.points]
    said.sort(key=lambda item: item[0])  # the record's order (stable: speakers first)
    blocks += [numbered(linked(look, lines)) for _, lines in said]
    return d.Part(tuple(blocks), css="session", tag="article")
