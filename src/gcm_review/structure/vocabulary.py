"""Word lists shared by the heading and attribution rules (English, French, Arabic): honorifics
and imperative verbs are structure vocabulary and live here; function words come from the
language files."""

from __future__ import annotations

import re

from gcm_review.languages import known_languages
from gcm_review.structure.word_lists import words

# Honorifics that open a speaker's name. Order matters: longer forms first.
_HONORIFICS_EN = (
    r"(?:Her|His|Their)\s+Excellency|H\.\s?E\.?|Ambassador|Professor|Prof\.|Dr\.?|Mrs\.?|Ms\.?"
    r"|Mr\.?|Miss|Sir|Dame|Sheikha?|Judge|Hon\.|Honourable|Senator|Eng\."
)
_HONORIFICS_FR = (
    r"Son\s+Excellence|S\.\s?E\.?|(?:l['’])?Ambassad(?:eur|rice)|Professeure?|Pr\.?|Mmes?|Mlle|MM\."
    r"|M\.|Me"
)
_HONORIFICS_AR = (
    r"السيدة|السيد|الدكتورة|الدكتور|د\.|سعادة|معالي|سمو|الأستاذة|الأستاذ|البروفيسورة|البروفيسور"
    r"|السفيرة|السفير|الشيخة|الشيخ"
)
HONORIFIC = rf"(?:{_HONORIFICS_EN}|{_HONORIFICS_FR}|{_HONORIFICS_AR})"
HONORIFIC_AT_START = re.compile(rf"^(?:{HONORIFIC})(?=\s)")

_FEMININE = re.compile(
    r"\b(?:Her|Mrs|Ms|Miss|Dame|Sheikha|Mme|Mmes|Mlle|Ambassadrice|Professeure)\b"
    r"|السيدة|الدكتورة|الأستاذة|السفيرة|الشيخة|البروفيسورة"
)
_MASCULINE = re.compile(r"\b(?:His|Mr|Sir|Sheikh|M|MM)\b\.?|السيد\b|الدكتور\b|الأستاذ\b|السفير\b")

# Articles, prepositions, conjunctions and determiners of every language file.
FUNCTION_WORDS = known_languages().function_words()

# Verbs that open a recommendation or an instruction: such lines are list items, not titles.
IMPERATIVE_VERBS = frozenset(
    words(
        "ensure enhance provide establish strengthen promote support develop adopt improve "
        "increase reduce facilitate encourage include introduce undertake eliminate dismantle "
        "generate reform prohibit shape consider review implement create build address invest "
        "protect guarantee expand integrate recognize recognise allow make take use engage collect "
        "share end combat assurer renforcer promouvoir garantir élaborer adopter améliorer "
        "faciliter encourager mettre veiller"
    )
)


def speaker_gender(speaker: str | None) -> str | None:
    """Gender ("f" or "m") from the honorific of a speaker's name; None when it does not say."""
    if not speaker:
        return None
    if _FEMININE.search(speaker):
        return "f"
    if _MASCULINE.search(speaker):
        return "m"
    return None
