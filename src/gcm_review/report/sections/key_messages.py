"""Key messages: the draft sentences an analyst checks first, each citing its evidence.

A message written in an input carries a RECORD badge and says where; one the evidence partly
contradicts carries a CHECK badge and says why; the others are drafts from the evidence.
"""

from __future__ import annotations

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup
from gcm_review.report.text_direction import direction_of
from gcm_review.synthesis.records import KeyMessage

DRAFT = d.Span("DRAFT", css="badge draft-badge")
BADGES = {"input": "RECORD", "uncertain": "CHECK", "draft": "DRAFT"}
INTRO = (
    " proposed by gcm-review from the evidence below. Not agreed text: an analyst"
    " must check, rewrite or drop each message."
)
BADGE_NOTE = (
    " RECORD marks a key message written in an input. CHECK marks a message that part of the"
    " evidence contradicts."
)


def key_messages(look: Lookup) -> d.Section:
    """The numbered draft messages, or a line saying none could be drafted."""
    messages = look.synthesis.key_messages
    draft_note = d.Paragraph(
        (d.Span("DRAFT:", strong=True), d.Span(INTRO), d.Span(BADGE_NOTE)),
        css="draft-note",
        only="html",
    )
    blocks: list[d.Block] = [draft_note]
    if messages:
        items = []
        for m in messages:
            lang, direction = direction_of(m.text)
            runs = (
                d.Span(badge(m), css="badge draft-badge", dir="ltr"),
                d.Span(f" {m.text} "),
                look.refs(m.paragraph_ids),
                *_note(m),
            )
            items.append(d.Paragraph(runs, lang=lang, dir=direction))
        blocks.append(d.BulletList(tuple(items), ordered=True, css="messages", only="html"))
    else:
        none = "No key message could be drafted from the evidence."
        blocks.append(d.text(none, css="muted", only="html"))
        blocks.append(d.Note("No key messages were drafted.", only="docx"))
    for index, m in enumerate(messages, start=1):
        label = "" if badge(m) == BADGES["draft"] else f"[{badge(m)}] "
        runs = (
            d.Span(f"{index}. ", strong=True),
            d.Span(label + m.text),
            look.cited(m.paragraph_ids),
        )
        blocks.append(d.Paragraph(runs, only="docx"))
        if m.note:
            blocks.append(d.Note(m.note, only="docx"))
    return d.Section(
        "key-messages",
        "Key messages (draft)",
        tuple(blocks),
        css="draft",
        heading=(d.Span("Key messages "), DRAFT),
    )


def badge(message: KeyMessage) -> str:
    """RECORD for a message written in an input, CHECK for an uncertain one, else DRAFT."""
    if message.basis == "input":
        return BADGES["input"]
    return BADGES["uncertain"] if message.uncertain else BADGES["draft"]


def _note(message: KeyMessage) -> tuple[d.Inline, ...]:
    if not message.note:
        return ()
    return (d.Span(" "), d.Span(message.note, css="muted"))
