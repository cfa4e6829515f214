"""The kinds of session of a conference record, told by their headings in English, French, Arabic.

A conference record (the report of a regional review conference) is organised by sessions:
introduction and organisation of work, key messages, an opening session, plenaries (statements
of member States and of stakeholders), roundtables, a closing session and annexes. A heading's
kind is found by the words it starts with or holds; a paragraph belongs to the session of the
deepest heading above it that has a kind. A document is a conference record when its headings
name at least two of opening, plenary, roundtable and closing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from gcm_review.languages import fold_arabic

SessionKind = Literal[
    "introduction", "key-messages", "opening", "plenary", "roundtable", "closing", "annex"
]
SESSION_KINDS: tuple[SessionKind, ...] = (
    "introduction",
    "key-messages",
    "opening",
    "plenary",
    "roundtable",
    "closing",
    "annex",
)
MEETING_KINDS: frozenset[SessionKind] = frozenset({"opening", "plenary", "roundtable", "closing"})
_MIN_MEETING_KINDS = 2
_MARKER = re.compile(r"^\s*(?:[-–•]\s*)?(?:[IVXLC]+|[A-Z]|\d{1,2})\s*[.):\-–]\s+")

# Checked in this order: the first kind whose pattern matches the folded heading wins. Arabic
# words are written as `fold_arabic` leaves them (ta marbuta as ha, alef forms as bare alef).
_PATTERNS: tuple[tuple[SessionKind, str], ...] = (
    ("annex", r"^(?:annexe?|appendix|appendice)\b|^(?:ال)?(?:ملحق|مرفق)"),
    (
        "roundtable",
        r"\bround[\s-]?tables?\b|\btables?[\s-]rondes?\b|\bpanel\b|مائده\s+(?:ال)?مستديره",
    ),
    (
        "opening",
        r"\bopening\b|\bouverture\b|\binaugural|افتتاح",
    ),
    (
        "closing",
        r"\bclosing\b|\bcl[oô]ture\b|\bconclusion of the (?:meeting|conference)|اختتام|ختامي",
    ),
    (
        "plenary",
        r"\bplenary\b|\bpl[ée]ni[èe]re\b|\bstatements?\b|\bd[ée]clarations?\b"
        r"|\bvoluntary (?:national |gcm )?review|\brevues? nationales?|الجلسه\s+العامه|بيانات",
    ),
    (
        "key-messages",
        r"\bkey messages\b|\bmessages? cl[ée]s\b|\bprincipaux messages\b|الرسائل\s+الرئيسيه",
    ),
    (
        "introduction",
        r"^introduction\b|\borgani[sz]ation (?:of|des) (?:work|travaux)\b|^background\b"
        r"|^contexte\b|^(?:ال)?مقدمه|تنظيم\s+(?:ال)?(?:عمل|اعمال)",
    ),
)
_COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _PATTERNS)


def session_kind(heading: str) -> SessionKind | None:
    """The kind of session a heading introduces, or None for other headings."""
    folded = fold_arabic(_MARKER.sub("", heading)).strip()
    for kind, pattern in _COMPILED:
        if pattern.search(folded):
            return kind
    return None


def paragraph_session(path: Sequence[str]) -> tuple[int, SessionKind] | None:
    """(depth, kind) of the deepest heading of a paragraph's section path that has a kind; an
    annex holds everything under it (a report annexed may have its own introduction)."""
    kinds = [session_kind(heading) for heading in path]
    if "annex" in kinds:
        return kinds.index("annex"), "annex"
    for depth in range(len(path) - 1, -1, -1):
        kind = kinds[depth]
        if kind is not None:
            return depth, kind
    return None


def is_conference_record(headings: Iterable[str]) -> bool:
    """Whether headings name two kinds of meeting or more (opening, plenary, roundtable,
    closing)."""
    kinds = {session_kind(heading) for heading in headings}
    return len(kinds & MEETING_KINDS) >= _MIN_MEETING_KINDS
