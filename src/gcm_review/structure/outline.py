"""The open headings at a point of the document: a stack that a new heading cuts back."""

from __future__ import annotations

from gcm_review.model import Section


class Outline:
    """Headings from the top down to the current one.

    A new heading closes every open heading of the same or a deeper level, so an annex (level 1)
    resets everything and a country heading replaces the previous country heading.
    """

    def __init__(self) -> None:
        self._open: list[Section] = []
        self.serial = 0  # changes with every heading: paragraphs with equal serials share a section

    def enter(self, section: Section) -> None:
        """Open a heading, closing those it ends."""
        while self._open and self._open[-1].level >= section.level:
            self._open.pop()
        self._open.append(section)
        self.serial += 1

    @property
    def titles(self) -> tuple[str, ...]:
        """Titles of the open headings, from the top."""
        return tuple(section.title for section in self._open)

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
