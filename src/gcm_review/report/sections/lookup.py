"""What the section builders look up in a synthesis: evidence paragraphs and their places."""

from __future__ import annotations

from collections.abc import Iterable

from gcm_review.report.document import Refs
from gcm_review.synthesis.records import ReviewParagraph, Synthesis


class Lookup:
    """The synthesis's paragraphs by id, for references to the evidence."""

    def __init__(self, synthesis: Synthesis) -> None:
        self.synthesis = synthesis
        self.paragraphs = {p.id: p for p in synthesis.paragraphs}

    def refs(self, ids: Iterable[int]) -> Refs:
        """Links to the paragraphs of the evidence appendix (ids not in it are left out)."""
        found = [self.paragraphs.get(i) for i in dict.fromkeys(ids)]
        cited = [p for p in found if p is not None]
        return Refs(tuple(p.id for p in cited), tuple(place(p) for p in cited))

    def cited(self, ids: Iterable[int]) -> Refs:
        """Links to each paragraph (Word): one missing from the Evidence stays plain text."""
        return Refs(tuple(dict.fromkeys(ids)))


def place(p: ReviewParagraph) -> str:
    """Where a paragraph is: "paragraph 12: file.pdf, no. 3, page 4"."""
    where = [f"paragraph {p.id}: {p.document}"]
    if p.number:
        where.append(f"no. {p.number}")
    if p.page is not None:
        where.append(f"page {p.page}")
    return ", ".join(where)
