"""Key messages: the draft sentences an analyst checks first, each citing its evidence."""

from __future__ import annotations

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup
from gcm_review.report.text_direction import direction_of

DRAFT = d.Span("DRAFT", css="badge draft-badge")


def key_messages(look: Lookup) -> d.Section:
    """The numbered draft messages, or a line saying none could be drafted."""
    messages = look.synthesis.key_messages
    draft_note = d.Paragraph(
        (
            d.Span("DRAFT:", strong=True),
            d.Span(
                " proposed by gcm-review from the evidence below. Not agreed text: an analyst"
                " must check, rewrite or drop each message."
            ),
        ),
        css="draft-note",
        only="html",
    )
    blocks: list[d.Block] = [draft_note]
    if messages:
        items = []
        for m in messages:
            lang, direction = direction_of(m.text)
            runs = (
                d.Span("DRAFT", css="badge draft-badge", dir="ltr"),
                d.Span(f" {m.text} "),
                look.refs(m.paragraph_ids),
            )
            items.append(d.Paragraph(runs, lang=lang, dir=direction))
        blocks.append(d.BulletList(tuple(items), ordered=True, css="messages", only="html"))
    else:
        none = "No key message could be drafted from the evidence."
        blocks.append(d.text(none, css="muted", only="html"))
        blocks.append(d.Note("No key messages were drafted.", only="docx"))
    for index, m in enumerate(messages, start=1):
        runs = (d.Span(f"{index}. ", strong=True), d.Span(m.text), look.cited(m.paragraph_ids))
        blocks.append(d.Paragraph(runs, only="docx"))
    return d.Section(
        "key-messages",
        "Key messages (draft)",
        tuple(blocks),
        css="draft",
        heading=(d.Span("Key messages "), DRAFT),
    )
