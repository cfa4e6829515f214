"""The open headings at a point of the document: a stack that a new heading cuts back.

It also notes what the headings say about the meeting's sessions: roundtables whose headings
are missing (Roundtable 2 followed by Roundtable 4), and paragraphs about the whole meeting (a
closing statement) that sit under a roundtable they do not belong to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcm_review.model import Section

_NUMBER = re.compile(r"\d+")
# A statement about the meeting as a whole: its opening or closing, thanks to its participants.
_WHOLE_MEETING = re.compile(
    r"closing (?:session|remarks|statement)|opening (?:session|remarks|statement)"
    r"|closed the (?:conference|meeting|session|consultation)"
    r"|in (?:his|her|their) closing|(?:importance|success|outcomes?) of the (?:conference|meeting"
    r"|consultation)|thanked (?:all )?(?:the )?participants"
    r"|séance de clôture|allocution de clôture|a clôturé"
    r"|الجلس[ةه] الختامي[ةه]|اختتام (?:المؤتمر|الاجتماع)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MissingHeadings:
    """Roundtable numbers with no heading, found when a later roundtable heading opens."""

    numbers: tuple[int, ...]
    before: str | None  # the heading the paragraphs of the missing ones were filed under
    next_title: str  # the roundtable heading that showed the gap


class Outline:
    """Headings from the top down to the current one.

    A new heading closes every open heading of the same or a deeper level, so an annex (level 1)
    resets everything and a country heading replaces the previous country heading.
    """

    def __init__(self) -> None:
        self._open: list[Section] = []
        self.serial = 0  # changes with every heading: paragraphs with equal serials share a section
        self._roundtable = 0  # the number of the last numbered roundtable heading
        self.missing: list[MissingHeadings] = []

    def enter(self, section: Section) -> None:
        """Open a heading, closing those it ends."""
        if section.kind == "roundtable":
            self._note_gap(section)
        while self._open and self._open[-1].level >= section.level:
            self._open.pop()
        self._open.append(section)
        self.serial += 1

    def _note_gap(self, section: Section) -> None:
        number = _NUMBER.search(section.title)
        if number is None:
            return
        value = int(number.group())
        if value > self._roundtable + 1:
            before = self._open[-1].title if self._open else None
            gap = tuple(range(self._roundtable + 1, value))
            self.missing.append(MissingHeadings(gap, before, section.title))
        self._roundtable = max(self._roundtable, value)

    @property
    def titles(self) -> tuple[str, ...]:
        """Titles of the open headings, from the top."""
        return tuple(section.title for section in self._open)

    def outside_roundtable(self, text: str) -> bool:
        """Whether the text speaks of the whole meeting while the innermost heading is a
        roundtable: it belongs to a session whose heading is missing, not to the roundtable."""
        if not self._open or self._open[-1].kind != "roundtable":
            return False
        return _WHOLE_MEETING.search(text) is not None

    @property
    def objective_refs(self) -> tuple[int, ...]:
        """Objectives the open headings name."""
        return tuple(sorted({ref for section in self._open for ref in section.objective_refs}))

    @property
    def country(self) -> str | None:
        """The country of the innermost open heading that names one."""
        for section in reversed(self._open):
            if section.country is not None:
                return section.country
        return None
