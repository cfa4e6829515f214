"""Who a paragraph speaks for: its own speaker, else what its place in the document implies.

Country precedence: the speaker's own introduction > for an unnumbered fragment, the one
other country it names as an actor (other than its section's or the previous paragraph's) >
the enclosing country heading. A paragraph without a speaker inherits the previous paragraph's
speaker only when it continues it (same section, a fragment or a pronoun opening, and no he/she
mismatch); a fragment whose pronoun contradicts the previous speaker cannot be placed and is
left unattributed (`unplaced`), never given to the section's country. A chair, moderator or
facilitator the paragraph names is recorded with their role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from gcm_review.languages import is_arabic_char, known_languages, proclitic_pattern
from gcm_review.languages.script import ARABIC_BASE_LETTERS
from gcm_review.model import Attribution
from gcm_review.structure.affiliation import read_affiliation
from gcm_review.structure.countries import CountryMention, find_countries
from gcm_review.structure.speakers import SpeakerIntro, find_chair, find_speaker
from gcm_review.structure.stakeholders import stakeholder_group
from gcm_review.structure.vocabulary import speaker_gender

_AR_CONJUNCTION = proclitic_pattern(known_languages().require("ar"), prepositions=False)  # و ف
_PRONOUN = re.compile(
    r"\b(?:(?P<m>[Hh]e|[Hh]is|[Hh]im|Il)|(?P<f>[Ss]he|[Hh]er|[Hh]ers|Elle))\b"
    rf"|(?<![{ARABIC_BASE_LETTERS}]){_AR_CONJUNCTION}(?:(?P<af>(?:أضاف|أشار|أكد|قال|شدد|أوضح|دع|لفت|ذكر|استعرض|تحدث|اختتم)ت)"
    rf"|(?P<am>أضاف|أشار|أكد|قال|شدد|أوضح|دعا|لفت|ذكر|استعرض|تحدث|اختتم))(?![{ARABIC_BASE_LETTERS}])"
)
_OPENS_WITH_PRONOUN = re.compile(
    rf"^(?:He|She|His|Her|Il|Elle|It|They)\b|^{_AR_CONJUNCTION}(?:أضاف|أشار|أكد)"
)
_ACTOR_AFTER_NAME = re.compile(
    r"^\s+(?:also\s+|had\s+|has\s+|have\s+|was\s+|is\s+|were\s+|would\s+|will\s+|could\s+"
    r"|\w+ed\b|a\s|avait\s|est\s|s['’]est\s|also\b)"
)
_ACTOR_AFTER_ADJECTIVE = re.compile(
    r"^\s+(?:Government|government|authorities|Ministry|State|gouvernement|autorités)\b"
)
_REPRESENTATIVE_ONLY = re.compile(
    r"^(?:The|La|Le|L['’])\s+(?:representatives?|delegates?|delegation|représentante?s?|délégation)"
    r"\s+(?:of|de|du|des)\s+(?P<represents>[^,.;]{2,80}?)\s+(?:said|stated|noted|stressed|\w+ed)\b"
)


@dataclass(frozen=True)
class AttributionContext:
    """Where a paragraph sits, as far as attribution needs to know."""

    section_country: str | None = None  # the enclosing country heading, if any
    previous: Attribution | None = None  # the previous paragraph's, when in the same section
    unnumbered: bool = False  # the paragraph has no printed number
    fragment: bool = False  # an unnumbered continuation that starts in lower case


def attribute(text: str, context: AttributionContext) -> Attribution:
    """The speaker, title, organisation, country and stakeholder group of one paragraph."""
    found = _attribute(text, context)
    chair = find_chair(text)
    if chair is None or not chair.speaker:
        return found
    return replace(found, chair=chair.speaker, chair_role=chair.role)


def _attribute(text: str, context: AttributionContext) -> Attribution:
    intro = find_speaker(text)
    if intro is not None and intro.speaker:
        return _from_speaker(intro, context)
    represented = _REPRESENTATIVE_ONLY.match(text)
    if represented:
        return _from_speaker(SpeakerIntro(None, represents=represented["represents"]), context)
    actor = _other_actor_country(text, context)
    if actor is not None:
        return Attribution(country=actor, stakeholder_group="member-state")
    if _continues_previous(text, context) and context.previous is not None:
        return _without_chair(context.previous)
    if unplaced(text, context):
        return Attribution()
    # Text under a country heading with no speaker of its own is that country's reporting.
    section = context.section_country
    return Attribution(country=section, stakeholder_group="member-state" if section else None)


def unplaced(text: str, context: AttributionContext) -> bool:
    """A fragment that cannot be placed: it names no speaker or acting country of its own, and
    its pronoun ("She concluded ...") contradicts the previous paragraph's speaker."""
    previous = context.previous
    if not context.fragment or previous is None or previous.speaker is None:
        return False
    if find_speaker(text) is not None or _other_actor_country(text, context) is not None:
        return False
    expected = speaker_gender(previous.speaker)
    found = pronoun_gender(text)
    return expected is not None and found is not None and expected != found


def _without_chair(attribution: Attribution) -> Attribution:
    return replace(attribution, chair=None, chair_role=None)


def _from_speaker(intro: SpeakerIntro, context: AttributionContext) -> Attribution:
    affiliation = read_affiliation(intro.introduction, represents=intro.represents)
    group = stakeholder_group(intro.speaker, intro.introduction, intro.represents)
    country = affiliation.country
    if country is None and group != "un-entity":
        country = context.section_country
    return Attribution(
        speaker=intro.speaker,
        title=affiliation.title,
        organisation=affiliation.organisation,
        country=country,
        stakeholder_group=group,
        role=intro.role if intro.chairs else None,
    )


def _continues_previous(text: str, context: AttributionContext) -> bool:
    previous = context.previous
    if previous is None or previous.speaker is None:
        return False
    if not (context.fragment or _OPENS_WITH_PRONOUN.match(text)):
        return False
    expected = speaker_gender(previous.speaker)
    found = pronoun_gender(text)
    return expected is None or found is None or expected == found


def pronoun_gender(text: str) -> str | None:
    """Gender ("m" or "f") of the first personal pronoun or Arabic verb ending in the text."""
    match = _PRONOUN.search(text)
    if match is None:
        return None
    return "m" if match["m"] or match["am"] else "f"


def _other_actor_country(text: str, context: AttributionContext) -> str | None:
    """An unnumbered paragraph about exactly one country's action, when that country is not
    the one its section or the previous paragraph speaks for ("Tunisia had also worked ..."
    after Iraq's statement)."""
    previous = context.previous.country if context.previous is not None else None
    current = context.section_country or previous
    if current is None or not context.unnumbered:
        return None
    mentions = find_countries(text)
    named = {mention.code for mention in mentions}
    actors = {mention.code for mention in mentions if _is_actor(text, mention)}
    if current in named or len(actors) != 1:
        return None
    return actors.pop()


def _is_actor(text: str, mention: CountryMention) -> bool:
    after = text[mention.end : mention.end + 40]
    if is_arabic_char(mention.matched[0]):
        return True
    if mention.adjective:
        return _ACTOR_AFTER_ADJECTIVE.match(after) is not None
    return _ACTOR_AFTER_NAME.match(after) is not None
