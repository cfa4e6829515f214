"""Stakeholder inputs: paragraphs by group, then each group other than member States summarised
speaker by speaker, in reported speech, every sentence linked (HTML and Word)."""

from __future__ import annotations

from gcm_review.report import document as d
from gcm_review.report.sections.lookup import Lookup, group_title, plural
from gcm_review.report.sections.outline import linked, numbered
from gcm_review.synthesis.outline_records import StakeholderGroup


def stakeholders(look: Lookup) -> d.Section:
    """The count of paragraphs per group, then what each stakeholder group said."""
    groups = sorted(look.synthesis.stakeholder_groups.items(), key=lambda item: -item[1])
    if not groups:
        blocks: list[d.Block] = [d.text("No stakeholder group was recognised.", css="muted")]
    else:
        rows = tuple(
            (d.cell(group_title(key) or "", row_header=True), d.cell(str(n), css="num"))
            for key, n in groups
        )
        header = ("Stakeholder group", d.cell("Paragraphs", css="num"))
        blocks = [d.Table(header, rows, css="groups", widths=(10.0, 4.0))]
    for group in look.synthesis.stakeholder_inputs:
        blocks += _group(look, group)
    entries = tuple(
        d.Link(group_title(g.group) or g.group, _anchor(g))
        for g in look.synthesis.stakeholder_inputs
    )
    return d.Section("stakeholders", "Stakeholder inputs", tuple(blocks), entries=entries)


def _anchor(group: StakeholderGroup) -> str:
    return f"stakeholders-{d.safe_id(group.group)}"


def _group(look: Lookup, group: StakeholderGroup) -> list[d.Block]:
    paragraphs = plural(len(group.paragraph_ids), "paragraph")
    documents = plural(len(group.documents), "document")
    speakers = plural(len(group.speakers), "speaker or organisation", "speakers or organisations")
    lead = d.Span(f"{paragraphs} from {documents}, by {speakers}: ")
    blocks: list[d.Block] = [
        d.Heading(group_title(group.group) or group.group, 2, _anchor(group)),
        d.Paragraph((lead, look.refs(group.paragraph_ids)), css="muted"),
    ]
    blocks += [numbered(linked(look, speaker.lines)) for speaker in group.speakers]
    return blocks
