"""Lines that say nothing about migration: datelines, disclaimers, repeated titles, and
sentences about the meeting's own papers ("documents are available on the website").

Such a paragraph keeps its text and place but gets the kind `NON_SUBSTANTIVE`; the synthesis
never counts it (see `model.stored.COUNTED_KINDS`).
"""

from __future__ import annotations

import re

from gcm_review.languages import clean_text, split_sentences
from gcm_review.model.stored import NON_SUBSTANTIVE

__all__ = ["NON_SUBSTANTIVE", "is_non_substantive"]

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    "|novembre|décembre|decembre"
    "|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر"
    "|ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني"
    "|كانون الأول"
)
_DAYS = r"\d{1,2}(?:\s*(?:-|–|and|et|و)\s*\d{1,2})?"
_DATE = rf"(?:{_DAYS}\s+)?(?:{_MONTHS})(?:\s+{_DAYS})?,?\s+\d{{4}}"
# "Amman, November 2024", "Tunis, 4 and 5 March 2025", "القاهرة، أكتوبر 2024", "15 February 2021"
_DATELINE = re.compile(
    rf"^(?:[^\W\d][\w'’ -]{{0,40}}[,،]\s*)?{_DATE}\.?$", re.IGNORECASE | re.UNICODE
)
_DISCLAIMER = re.compile(
    r"fictional sample|not an official document|for demonstration only|exemple fictif"
    r"|échantillon fictif|document non officiel|ne constitue pas un document officiel"
    r"|views expressed (?:herein |in this \w+ )?(?:are those of|do not necessarily)"
    r"|does not necessarily reflect|without formal editing|has not been formally edited"
    r"|عينة خيالية|ليست وثيقة رسمية|لا تعكس بالضرورة",
    re.IGNORECASE,
)
# A sentence about where the meeting's own papers can be found.
_PAPERS_ONLINE = re.compile(
    r"\b(?:documents?|presentations?|reports?|agenda|programme|program|papers|statements"
    r"|list of participants)\b.{0,200}\b(?:available|posted|published|found|accessible"
    r"|uploaded)\b.{0,200}\b(?:website|web ?page|web ?site|online|portal|page)\b"
    r"|\b(?:documents|présentations|rapport)\b.{0,200}\b(?:disponibles?|publiée?s?|consultables?)"
    r"\b.{0,200}\b(?:site|page|en ligne)\b"
    r"|(?:الوثائق|وثائق|العروض)[^.]{0,200}(?:متاح|متوفر|منشور)[^.]{0,200}(?:الموقع|الإنترنت|الصفح[ةه])",
    re.IGNORECASE,
)
_MAX_DATELINE_WORDS = 10
_MAX_PAPERS_SENTENCES = 2


def is_non_substantive(text: str, *, title: str | None = None) -> bool:
    """Whether the paragraph is a dateline, a disclaimer, the document's title again, or
    only says where the meeting's papers are (at most two sentences)."""
    line = clean_text(text).strip()
    if not line:
        return False
    if len(line.split()) <= _MAX_DATELINE_WORDS and _DATELINE.match(line):
        return True
    if _DISCLAIMER.search(line) and len(line.split()) <= 40:
        return True
    if title and line.casefold().rstrip(". ") == clean_text(title).casefold().rstrip(". "):
        return True
    sentences = split_sentences(line)
    return len(sentences) <= _MAX_PAPERS_SENTENCES and all(
        _PAPERS_ONLINE.search(sentence) for sentence in sentences
    )
