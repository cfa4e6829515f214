"""Who speaks in a paragraph: honorific + name, the introduction that follows, who chaired.

"The session was facilitated by Ms. X, ... Mr. Y, Director ..., stressed ..." gives Y, with
Ms. X as chair; a paragraph only about who chaired gives the chair. A chair's role is what the
text calls it: "moderator" (moderated, animée, أدار), "facilitator" (facilitated, يسر) or
"chair" (chaired, presided, présidée, ترأس, برئاسة); `find_chair` gives the paragraph's chair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcm_review.languages import is_arabic_char, known_languages, proclitic_pattern
from gcm_review.languages.script import (
    ARABIC_BASE_LETTERS,
    ARABIC_BLOCKS,
    ARABIC_HARAKAT,
    ARABIC_TATWEEL,
)
from gcm_review.languages.sentences import abbreviation_words, full_stops
from gcm_review.structure.vocabulary import HONORIFIC
from gcm_review.structure.word_lists import words

_ARABIC = known_languages().require("ar")
_AR_CONJUNCTION = proclitic_pattern(_ARABIC, prepositions=False)  # و or ف, attached
_AR_CONJUNCTIONS = "".join(_ARABIC.clitics.conjunctions)
_AR_WORD = f"[{ARABIC_BASE_LETTERS}{ARABIC_HARAKAT}{ARABIC_TATWEEL}]+"
_PARTICLES = r"(?:al|el|de|da|di|du|van|von|der|bin|ben|ibn|abu|bint|ould|le|la|del|dos|das)"
_LATIN_NAME = (
    rf"[A-Z][\w'’\-]*\.?(?:\s+(?:{_PARTICLES}[\s\-]+)?(?:[A-Z][\w'’\-]*\.?|{_PARTICLES}-[A-Z][\w'’]*))"
    r"{0,5}"
)
_REPRESENTATIVE = (
    r"(?:The|La|Le|L['’])\s+(?:\w+\s+){0,2}?(?:representatives?|delegates?|représentante?s?"
    r"|délégués?|déléguées?)\s+(?:of|de|du|des|for)\s+(?P<represents>[^,،]{2,120}?)\s*[,،]\s+"
)
_AR_REPRESENTATIVE = (
    rf"(?:{_AR_CONJUNCTION}ممثل[ةه]?\s+(?P<represents_ar>[^,،]{{2,120}}?)\s*[,،]\s*)"
)
_PERSON_LATIN = re.compile(
    rf"^(?:{_REPRESENTATIVE})?(?P<honorific>(?:{HONORIFIC}\s+)+)(?P<name>{_LATIN_NAME})"
)
_PERSON_ARABIC = re.compile(
    rf"^(?P<verb>{_AR_CONJUNCTION}{_AR_WORD}\s+)??{_AR_REPRESENTATIVE}?"
    rf"(?P<honorific>(?:{HONORIFIC}\s+)+)(?P<name>{_AR_WORD}(?:\s+{_AR_WORD}){{0,4}}?)"
    r"(?=\s*[,،]|\s*$|\s+(?:إن|ان|أن|على|إلى|الى)\s)"
)
_SENTENCE_END = re.compile(f"[{re.escape(full_stops())}]\\s+")
_NEXT_SENTENCE_START = re.compile(f'[A-Z{ARABIC_BLOCKS}"“(]')
# Abbreviations whose dot does not end a sentence, from the language files (initials such as
# "H.E." are handled apart).
_ABBREVIATIONS = abbreviation_words()
_CHAIRED_BY = re.compile(
    r"\b(?:was|were|is)\s+(?:co-)?(?:chaired|moderated|facilitated|presided(?:\s+over)?|led)\s+by\s+"
    r"|\b(?:présidée?s?|animée?s?|modérée?s?)\s+par\s+|(?:برئاس[ةه]|أدارها|أدارتها|ادارها)\s+",
)
_CHAIR_STATEMENT = re.compile(
    r"^(?:also\s+|who\s+)?(?:co-)?(?:moderated|chaired|facilitated|presided)\b"
    rf"|^(?:a\s+)?(?:présidé|animé|modéré)\b|^(?:{_AR_CONJUNCTION}(?:أدار|أدارت|ترأس|ترأست|يسر|يسرت))\s",
)
_ROLES = (
    ("moderator", re.compile(r"moderat|modér|anim|أدار|ادار", re.IGNORECASE)),
    ("facilitator", re.compile(r"facilitat|يسر", re.IGNORECASE)),
)
_LATIN_VERBS = frozenset(
    words(
        "said says gave spoke made took began led saw held shared drew put set told underlines "
        "notes says stresses highlights explains emphasizes recalls souligne déclare indique note "
        "rappelle présente explique affirme estime ajoute qui who whose which"
    )
)
_FRENCH_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "est", "sont", "s'est", "s’est"})
_ARABIC_VERBS = frozenset(
    words(
        "قال قالت أكد أكدت اكد اكدت أشار أشارت اشار اشارت شدد شددت أوضح أوضحت اوضح اوضحت استعرض "
        "استعرضت تحدث تحدثت ذكر ذكرت دعا دعت لفت لفتت أضاف أضافت اضاف اضافت عرض عرضت أعرب أعربت "
        "قدم قدمت نوه نوهت تناول تناولت أن إن ان إلى الى على"
    )
)
_PROCEDURAL_WORDS = re.compile(
    r"\b(?:session|discussion|interventions?|followed|floor|panel|debate|séance|débat)\b"
    r"|الجلس[ةه]|النقاش|المداخلات",
    re.IGNORECASE,
)
_MAX_PROCEDURAL_WORDS = 15
_SENTENCES_LOOKED_AT = 4
_HEAD_CHARS = 1500


@dataclass(frozen=True)
class SpeakerIntro:
    """A person introduced in a paragraph."""

    speaker: str | None  # honorific + name, e.g. "Ms. Ghadeer Attia"
    introduction: str = ""  # what follows the name: title, organisation, country
    represents: str | None = None  # X in "The representative of X, Mr. Y"
    chairs: bool = False  # this person chaired, moderated or facilitated
    role: str | None = None  # "moderator", "facilitator" or "chair" when this person chairs


def find_speaker(text: str) -> SpeakerIntro | None:
    """The first person who makes a statement in the paragraph's opening, else the chair."""
    chair: SpeakerIntro | None = None
    for sentence in split_sentences(text[:_HEAD_CHARS], limit=_SENTENCES_LOOKED_AT):
        person = parse_person(sentence)
        if person is not None and not person.chairs:
            return person
        chaired_by = _CHAIRED_BY.search(sentence)
        if person is None and chaired_by:
            person = parse_person(sentence[chaired_by.end() :])
            role = chair_role(chaired_by.group())
            person = (
                SpeakerIntro(person.speaker, person.introduction, chairs=True, role=role)
                if person
                else None
            )
        if person is not None:
            chair = chair or person
            continue
        if not _is_procedural(sentence):
            break
    return chair


def split_sentences(text: str, *, limit: int | None = None) -> list[str]:
    """Sentences of a paragraph (the first `limit` ones); "Mr." or "H.E." do not end one."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if limit is not None and len(sentences) >= limit:
            return sentences
        if not _ends_sentence(text, match.start(), match.end()):
            continue
        sentences.append(text[start : match.start() + 1].strip())
        start = match.end()
    tail = text[start:].strip()
    return [*sentences, tail] if tail and (limit is None or len(sentences) < limit) else sentences


def _ends_sentence(text: str, mark: int, after: int) -> bool:
    if text[mark] != ".":
        return True
    if not _NEXT_SENTENCE_START.match(text, after):
        return False
    word_start = mark
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:mark]
    if not word:
        return text[mark - 1 : mark] not in (" ", ".") and mark > 0
    return not (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper()))


def parse_person(sentence: str) -> SpeakerIntro | None:
    """The person a sentence opens with (after an optional Arabic verb or "The representative
    of X,"), with the introduction that follows the name."""
    sentence = sentence.strip()
    match = _PERSON_LATIN.match(sentence) or _PERSON_ARABIC.match(sentence)
    if match is None:
        return None
    groups = match.groupdict()
    speaker = f"{match['honorific'].strip()} {match['name'].strip()}".strip()
    represents = groups.get("represents") or groups.get("represents_ar")
    introduction, statement = split_introduction(sentence[match.end() :])
    lead_verb = (groups.get("verb") or "").strip()
    chair_verb = _CHAIR_STATEMENT.match(statement) or _CHAIR_STATEMENT.match(lead_verb + " ")
    role = chair_role(chair_verb.group()) if chair_verb else None
    return SpeakerIntro(speaker, introduction, represents, chair_verb is not None, role)


def find_chair(text: str) -> SpeakerIntro | None:
    """The person the paragraph's opening says chaired, moderated or facilitated, if any."""
    for sentence in split_sentences(text[:_HEAD_CHARS], limit=_SENTENCES_LOOKED_AT):
        person = parse_person(sentence)
        if person is not None and person.chairs:
            return person
        chaired_by = _CHAIRED_BY.search(sentence)
        if person is None and chaired_by:
            chair = parse_person(sentence[chaired_by.end() :])
            if chair is not None:
                role = chair_role(chaired_by.group())
                return SpeakerIntro(chair.speaker, chair.introduction, chairs=True, role=role)
    return None


def chair_role(verb: str) -> str:
    """ "moderator", "facilitator" or "chair", from the words that say someone chaired."""
    for role, pattern in _ROLES:
        if pattern.search(verb):
            return role
    return "chair"


def split_introduction(rest: str) -> tuple[str, str]:
    """(introduction, statement) for the text after a name: comma-separated title and
    organisation chunks up to the first chunk that opens with a verb."""
    rest = rest.strip()
    if not rest.startswith((",", "،")):
        return "", rest
    chunks = re.split(r"\s*[,،]\s*", rest[1:])
    for position, chunk in enumerate(chunks):
        if _opens_with_verb(chunk):
            return ", ".join(chunks[:position]).strip(" ."), ", ".join(chunks[position:])
    return ", ".join(chunks).strip(" ."), ""


def _opens_with_verb(chunk: str) -> bool:
    words = chunk.split()
    if not words:
        return False
    first = words[0]
    if is_arabic_char(first[0]):
        bare = first[1:] if first[0] in _AR_CONJUNCTIONS and len(first) > 3 else first
        return first in _ARABIC_VERBS or bare in _ARABIC_VERBS
    if not first[0].islower():
        return False
    if first in _FRENCH_AUXILIARIES:
        return len(words) > 1
    if first in ("also", "then", "further") and len(words) > 1:
        first = words[1]
    return first in _LATIN_VERBS or (len(first) > 4 and first.endswith("ed"))


def _is_procedural(sentence: str) -> bool:
    short = len(sentence.split()) <= _MAX_PROCEDURAL_WORDS
    return short and _PROCEDURAL_WORDS.search(sentence) is not None
