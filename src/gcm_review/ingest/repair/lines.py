"""Line and Draft: the repair stage's working records, before they become output Blocks."""

from __future__ import annotations

from dataclasses import dataclass

from gcm_review.model import BlockKind


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line on its way to a paragraph.

    `block` is the index of the input block it came from; `gap` the blank space above it (PDF:
    in line heights, text files: blank lines; None at the top of a page). `glued` says that the
    line must join the previous one (a hyphenated word was split across them).
    """

    text: str
    block: int
    page: int | None
    gap: float | None
    glued: bool = False


@dataclass(frozen=True, slots=True)
class Draft:
    """One output block in the making: a paragraph of joined lines or a passed-through block.

    `starts` maps offsets in `text` to the input block and page each joined piece came from, in
    order, so a later repair can say on which page its offset lies.
    """

    text: str
    starts: tuple[tuple[int, int, int | None], ...]  # (offset, input block, page)
    kind: BlockKind = "text"
    level: int | None = None
    label: str | None = None
    from_lines: bool = True  # False for DOCX/HTML blocks, which are never joined

    @property
    def block(self) -> int:
        """Index of the first input block."""
        return self.starts[0][1]

    @property
    def page(self) -> int | None:
        """Page where the draft starts."""
        return self.starts[0][2]

    def page_at(self, offset: int) -> int | None:
        """Page of the piece that holds `offset`."""
        page = self.starts[0][2]
        for start, _block, piece_page in self.starts:
            if start > offset:
                break
            page = piece_page
        return page
