"""A speaker's statement in reported speech: a templated subject, the record's own words after it.

Conference records already report speech ("Mr. X, Director of ..., said that his country had
..."). The draft keeps the record's words from the reporting verb on and puts a subject that
says whom the speaker represents in front ("The representative of Jordan, Mr. X, said that his
country had ..."). A sentence that continues a statement ("He added that ...") gets the same
subject; any other sentence, and any sentence not in English, is quoted after the subject
("... stated: “...”"). Nothing is paraphrased: every word after the subject is the record's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcm_review.structure.speakers import parse_person, split_introduction
from gcm_review.synthesis.quotes import quote

_PRONOUN = re.compile(
    r"^(?:He|She|They|Il|Elle|Ils|Elles)\s+(?=(?:also\s+|further\s+|then\s+)?[a-zé]+\b)"
)
STATEMENT_CHARS = 480
# Groups a speaker may speak for, as the subject names them ("a representative of civil society").
_GROUP_WORDS = {
    "un-entity": "the United Nations system",
    "nhri": "national human rights institutions",
}


@dataclass(frozen=True)
class Voice:
    """Who speaks, as the subject of a reported sentence needs it."""

    name: str | None = None  # honorific and name
    country: str | None = None  # the country's name, when the speaker speaks for a member State
    organisation: str | None = None
    stakeholder_group: str | None = None
    written: bool = False  # a written submission, not a statement made at a meeting


def subject(voice: Voice) -> str:
    """ "The representative of Jordan, Mr. X," or "Mr. X" or "A representative of civil society"."""
    represents = voice.country or (named(voice.organisation) if voice.organisation else None)
    if voice.written and represents:
        return f"The submission of {represents}"
    if represents:
        lead = f"The representative of {represents}"
    elif voice.stakeholder_group and voice.stakeholder_group != "member-state":
        group = _GROUP_WORDS.get(voice.stakeholder_group, voice.stakeholder_group.replace("-", " "))
        lead = f"A representative of {group}"
    else:
        return voice.name or "A participant"
    return f"{lead}, {voice.name}," if voice.name else lead


def named(organisation: str) -> str:
    """An organisation as a sentence names it: "the League of Arab States", "UNICEF",
    "a regional network of journalists"."""
    first = organisation.split()[0]
    if first in ("The", "the"):
        return f"the {organisation[len(first) :].strip()}"
    if first[:1].islower():
        return f"{'an' if first[0] in 'aeiou' else 'a'} {organisation}"
    if first.isupper() or " " not in organisation:
        return organisation  # an acronym ("UN Women", "ESCWA") or a one-word name
    return f"the {organisation}"


def reported(
    sentence: str, voice: Voice, *, paragraph: str | None = None, language: str | None = None
) -> str:
    """The sentence in reported speech with the voice as its subject, cut as a quotation is
    (at `STATEMENT_CHARS`: a statement's opening sentence is often long). A sentence in another
    language than English is quoted whole after the subject: the frame is English."""
    text = quote(sentence, paragraph=paragraph, limit=STATEMENT_CHARS)
    if language not in (None, "en"):
        return f"{subject(voice)} {'states' if voice.written else 'stated'}: “{text}”"
    person = parse_person(text)
    if person is not None and person.speaker and person.represents:
        return text  # "The representative of X, Mr. Y, said ...": the record's subject is better
    if person is not None and person.speaker:
        rest = text[text.find(person.speaker) + len(person.speaker) :]
        _, statement = split_introduction(rest)
        if statement and (voice.country or voice.organisation):
            return f"{subject(voice)} {statement}"
        return text  # the record names and introduces the speaker better than a template would
    pronoun = _PRONOUN.match(text)
    if pronoun:
        return f"{subject(voice)} {text[pronoun.end() :]}"
    verb = "states" if voice.written else "stated"
    return f"{subject(voice)} {verb}: “{text}”"
