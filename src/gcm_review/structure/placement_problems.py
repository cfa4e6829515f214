"""The warnings the structure stage gives when it cannot place a paragraph: a continuation
whose speaker cannot be told, a paragraph about the whole meeting under a roundtable heading,
roundtable headings that are missing. Plain sentences for the document's problems list."""

from __future__ import annotations

from collections.abc import Sequence

from gcm_review.languages import clean_text
from gcm_review.structure.attribution import AttributionContext
from gcm_review.structure.outline import MissingHeadings

_OPENING_WORDS = 8


def opening(text: str) -> str:
    """The first words of a paragraph, to name it in a warning."""
    words = clean_text(text).split()
    more = " ..." if len(words) > _OPENING_WORDS else ""
    return " ".join(words[:_OPENING_WORDS]) + more


def unplaced_problem(text: str, page: int | None, context: AttributionContext) -> str:
    """Why a continuation was left unattributed."""
    speaker = context.previous.speaker if context.previous is not None else None
    where = f" on page {page}" if page is not None else ""
    return (
        f'The paragraph "{opening(text)}"{where} continues a statement, but its pronoun does '
        f"not fit the previous speaker ({speaker}): it is left unattributed for an analyst."
    )


def outside_problem(text: str, number: str | None, roundtable: str) -> str:
    """Why a paragraph about the whole meeting is not filed under the roundtable it follows."""
    name = f"Paragraph {number}" if number else f'The paragraph "{opening(text)}"'
    return (
        f'{name} speaks of the whole meeting but follows the heading "{roundtable}": '
        "it is filed under no section, for an analyst to place."
    )


def missing_headings(missing: Sequence[MissingHeadings]) -> list[str]:
    """One warning per gap in the roundtable numbers."""
    problems = []
    for gap in missing:
        numbers = ", ".join(str(number) for number in gap.numbers)
        label = "roundtable" if len(gap.numbers) == 1 else "roundtables"
        before = f'the paragraphs filed under "{gap.before}"' if gap.before else "the paragraphs"
        problems.append(
            f'No heading was found for {label} {numbers} before "{gap.next_title}": '
            f"{before} may belong to it."
        )
    return problems
