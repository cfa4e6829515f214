"""What kind of statement a sentence makes: achievement, challenge, commitment, recommendation,
description or procedural, from cue words in English, French and Arabic.

The cue lists live in `statement_cues`. They are matched on a matching form of the sentence:
casefolded, Arabic letters folded (one alef, ta marbuta as ha, no diacritics), Latin accents
removed (so French is matched with or without accents). Each cue found adds its weight to its
type; the heaviest type wins; ties go to recommendation, commitment, challenge, achievement,
procedural, in that order; no cue at all means description. A sentence opening with a bare verb
("Strengthen ...", "Renforcer ...", "تعزيز ...") is an imperative bullet, counted as a
recommendation cue. Inside a recommendations section, descriptions and commitments are read as
recommendations.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from gcm_review.frameworks.loader import load_framework
from gcm_review.frameworks.references import References
from gcm_review.languages import (
    clean_text,
    detect_language,
    has_arabic_script,
    known_languages,
    normalise_for_matching,
    proclitic_pattern,
    split_sentences,
)
from gcm_review.synthesis.records import ReviewParagraph, Statement, StatementType
from gcm_review.synthesis.statement_cues import (
    CUES,
    IMPERATIVES,
    NOT_IMPERATIVE_NEXT,
    OPENING_CONDITIONS,
    TENSE_CUES,
)

LANGUAGES = ("en", "fr", "ar")
TIE_ORDER: tuple[StatementType, ...] = (
    "recommendation",
    "commitment",
    "challenge",
    "achievement",
    "procedural",
)
SUBSTANTIVE_ORDER: tuple[StatementType, ...] = (
    "recommendation",
    "challenge",
    "commitment",
    "achievement",
)
IMPERATIVE_WEIGHT = 1.5
RECOMMENDATION_HEADINGS = ("recommendation", "recommandation", "توصي")

LABEL_WORDS = 30
# Finite verbs that show an opening -ing word is a subject ("Improving data remains a priority")
_FINITE_VERB = frozenset(
    {"is", "are", "was", "were", "remains", "remain", "remained", "has", "have", "had"}
    | {"will", "would", "can", "could"}
)
# A unit's own list marker and number: "- 8.", "23.", "•", "b)"
_UNIT_MARKER = re.compile(r"^(?:[-–—•*·▪◦>]\s*)?(?:(?:\d{1,3}|[a-z])[.)]\s*)?\.?\s*")
_CLOSED = re.compile(r"[.!?;:؟…][\"'”’)\]]*\s*$")
_BULLET = re.compile(r"^(?:[-–—•*·▪◦>]+|\(?(?:[a-z]|[0-9]{1,3}|[ivx]{1,4})[.)])\s*")
_WORD = re.compile(r"[\w']+")
_BLOCKERS = r"political will|good ?will"
_ARABIC = known_languages().require("ar")
_ARABIC_CLITICS = proclitic_pattern(_ARABIC)  # a conjunction, a preposition, the article
_ARABIC_VERB_CLITICS = proclitic_pattern(_ARABIC, prepositions=False)  # a conjunction


@dataclass(frozen=True)
class _Cue:
    """One compiled cue; `anchor` is a piece of text every match contains (a fast pre-check)."""

    kind: StatementType
    pattern: re.Pattern[str]
    weight: float
    anchor: str


@dataclass(frozen=True)
class _CueSet:
    """The compiled cues of one language and the verbs that open an imperative bullet."""

    cues: tuple[_Cue, ...]
    imperatives: frozenset[str]


def matching_form(text: str) -> str:
    """Casefolded, Arabic-folded text without Latin accents, for cue matching."""
    text = normalise_for_matching(text).replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not "\u0300" <= ch <= "\u036f")
    return unicodedata.normalize("NFC", stripped)


def _compile_cue(kind: StatementType, cue: str, weight: float) -> _Cue:
    if cue.startswith("re:"):
        return _Cue(kind, re.compile(cue[3:]), weight, "")
    literal = matching_form(cue.removeprefix("-")).split()
    anchor = max((word.split("*")[0] for word in literal), key=len)
    return _Cue(kind, _cue_pattern(cue), weight, anchor)


def _cue_pattern(cue: str) -> re.Pattern[str]:
    verb = cue.startswith("-")  # an Arabic verb takes the conjunctions و ف only
    form = matching_form(cue.removeprefix("-"))
    words = [re.escape(word).replace(r"\*", r"\w*") for word in form.split()]
    body = r"\s+".join(words)
    prefix = (_ARABIC_VERB_CLITICS if verb else _ARABIC_CLITICS) if has_arabic_script(cue) else ""
    return re.compile(rf"(?<!\w){prefix}{body}(?!\w)")


def _parse_cues(spec: str) -> Iterable[tuple[str, float]]:
    for entry in spec.split(";"):
        entry = " ".join(entry.split())
        if not entry:
            continue
        cue, _, weight = (
            entry.rpartition("=") if re.search(r"=[0-9.]+$", entry) else (entry, "", "")
        )
        yield cue, float(weight) if weight else 1.0


@cache
def _cue_set(language: str) -> _CueSet:
    cues: list[_Cue] = []
    for kind, spec in CUES[language].items():
        for cue, weight in _parse_cues(spec):
            cues.append(_compile_cue(_statement_type(kind), cue, weight))
    for kind, pattern, weight in TENSE_CUES[language]:
        cues.append(_Cue(kind, re.compile(pattern), weight, ""))
    imperatives = frozenset(matching_form(IMPERATIVES[language]).split())
    return _CueSet(tuple(cues), imperatives)


def _statement_type(kind: str) -> StatementType:
    for known in (*TIE_ORDER, "description"):
        if known == kind:
            return known
    raise ValueError(f"unknown statement type {kind!r}")


def _languages(sentence: str, language: str | None) -> tuple[str, ...]:
    chosen = [language] if language in LANGUAGES else []
    detected = detect_language(sentence)
    if detected in LANGUAGES and detected not in chosen:
        chosen.append(detected)
    if has_arabic_script(sentence) and "ar" not in chosen:
        chosen.append("ar")
    return tuple(chosen) if chosen else LANGUAGES


def _opens_with_imperative(form: str, cue_set: _CueSet, language: str) -> bool:
    """A bare verb opens the sentence, or (English) its gerund in a sentence without a finite
    verb ("Developing protection policies ...", not "Improving data remains a priority") or the
    verb after an opening condition ("Where detention is still used, facilitate access ...")."""
    words = _WORD.findall(_BULLET.sub("", form, count=1))
    if _is_imperative(words, cue_set, language):
        return True
    if language != "en" or not words or words[0] not in OPENING_CONDITIONS or "," not in form:
        return False
    return _is_imperative(_WORD.findall(form.split(",", 1)[1]), cue_set, language)


def _is_imperative(words: list[str], cue_set: _CueSet, language: str) -> bool:
    if not words:
        return False
    first = words[0]
    if first not in cue_set.imperatives and not (
        language == "en"
        and _gerund_stem(first, cue_set)
        and not _FINITE_VERB.intersection(words)
        and words[1:2] != ["countries"]  # "developing countries"
    ):
        return False
    return language != "en" or len(words) < 2 or words[1] not in NOT_IMPERATIVE_NEXT


def _gerund_stem(word: str, cue_set: _CueSet) -> bool:
    """Whether `word` is the -ing form of an imperative verb ("developing", "ensuring")."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    return stem in cue_set.imperatives or f"{stem}e" in cue_set.imperatives


@cache
def _blockers(references: References) -> re.Pattern[str]:
    """Phrases whose cue words say nothing of the speaker: "political will", "X calls for"."""
    words, names = references.in_language("en")  # "objective 3 calls for", "the Compact calls for"
    quoted = "|".join([*(rf"(?:{word})\s+\d+" for word in words), *(f"(?:{n})" for n in names)])
    calls_for = rf"|(?:{quoted})\s+calls\s+for" if quoted else ""
    return re.compile(rf"\b(?:{_BLOCKERS}{calls_for})\b", re.IGNORECASE)


def cue_scores(
    sentence: str, language: str | None = None, *, references: References | None = None
) -> dict[StatementType, float]:
    """The summed cue weight of each statement type found in the sentence; `references` (the
    default framework's unless given) say how the framework is quoted ("objective 3 calls for")."""
    blockers = _blockers(references or load_framework().references)
    form = blockers.sub(" ", matching_form(sentence))
    scores: dict[StatementType, float] = {}
    for lang in _languages(sentence, language):
        cue_set = _cue_set(lang)
        for cue in cue_set.cues:
            if cue.anchor not in form:
                continue
            hits = len(set(cue.pattern.findall(form)))
            if hits:
                scores[cue.kind] = scores.get(cue.kind, 0.0) + cue.weight * hits
        if _opens_with_imperative(form, cue_set, lang):
            scores["recommendation"] = scores.get("recommendation", 0.0) + IMPERATIVE_WEIGHT
    return scores


def classify_sentence(
    sentence: str,
    language: str | None = None,
    *,
    in_recommendation_section: bool = False,
    references: References | None = None,
) -> StatementType:
    """The kind of statement the sentence makes (see the module docstring for the rule)."""
    scores = cue_scores(sentence, language, references=references)
    kind: StatementType = "description"
    best: float = 0.0
    for candidate in TIE_ORDER:  # strictly heavier wins, so earlier types win ties
        if scores.get(candidate, 0.0) > best:
            kind, best = candidate, scores[candidate]
    if in_recommendation_section and kind in ("description", "commitment"):
        return "recommendation"
    return kind


def in_recommendation_section(paragraph: ReviewParagraph) -> bool:
    """Whether any heading above the paragraph names recommendations."""
    return any(
        marker in matching_form(heading)
        for heading in paragraph.section
        for marker in RECOMMENDATION_HEADINGS
    )


# Country profiles and recommendations both read every paragraph's statements, and the web app
# recomputes the synthesis after each review decision: remember the (pure) result per paragraph.
@lru_cache(maxsize=50_000)
def paragraph_statements(
    paragraph: ReviewParagraph, *, references: References | None = None
) -> tuple[Statement, ...]:
    """One Statement per sentence of the paragraph, with the objectives its evidence points at.

    An objective tag whose evidence sentence is this sentence gives it that objective. When no
    objective tag points at any sentence of the paragraph, every non-procedural sentence gets all
    the paragraph's objectives. `references`: see cue_scores.
    """
    sentences = split_sentences(paragraph.text)
    section = in_recommendation_section(paragraph)
    kinds = [
        classify_sentence(
            s, paragraph.language, in_recommendation_section=section, references=references
        )
        for s in sentences
    ]
    pointed = _objectives_by_sentence(paragraph, sentences)
    statements: list[Statement] = []
    for sentence, kind in zip(sentences, kinds, strict=True):
        if pointed:
            objectives = tuple(sorted(pointed.get(clean_text(sentence), ())))
        else:
            objectives = () if kind == "procedural" else paragraph.objectives
        statements.append(Statement(paragraph.id, sentence, kind, objectives))
    return tuple(statements)


def _objectives_by_sentence(
    paragraph: ReviewParagraph, sentences: list[str]
) -> dict[str, set[int]]:
    """Objectives per sentence of the paragraph, from the tags' evidence sentences."""
    known = {clean_text(sentence) for sentence in sentences}
    pointed: dict[str, set[int]] = {}
    for tag in paragraph.tags:
        if not tag.label.startswith("objective:") or tag.sentence is None:
            continue
        evidence = clean_text(tag.sentence)
        if evidence in known:
            pointed.setdefault(evidence, set()).add(int(tag.label.split(":")[1]))
    return pointed


def paragraph_type(text: str, language: str | None = None) -> StatementType:
    """The main kind of statement of a whole paragraph (its list marker or number aside).

    A label (a heading, a contents entry, a title or a line cut short: no closing punctuation,
    at most `LABEL_WORDS` words, not opening in lower case) that makes no recommendation is
    procedural. Procedural too when the first sentence is procedural and procedural sentences
    are at least as many as substantive ones (achievement, challenge, commitment,
    recommendation) and none is a recommendation: a session's chair and agenda, with a line on
    what was discussed. Otherwise
    the most frequent substantive type, ties broken recommendation > challenge > commitment >
    achievement; with no substantive sentence, procedural when procedural sentences outnumber
    descriptive ones, else description.
    """
    body = _UNIT_MARKER.sub("", text.strip(), count=1)
    sentences = [s for s in split_sentences(body) if any(ch.isalpha() for ch in s)]
    kinds = [classify_sentence(sentence, language) for sentence in sentences]
    counts = Counter(kinds)
    if _is_label(body) and not counts["recommendation"]:
        return "procedural"
    substantive = [kind for kind in SUBSTANTIVE_ORDER if counts[kind]]
    procedure_first = bool(kinds) and kinds[0] == "procedural" and not counts["recommendation"]
    if procedure_first and counts["procedural"] >= sum(counts[kind] for kind in substantive):
        return "procedural"
    if substantive:
        return max(substantive, key=lambda kind: counts[kind])  # max keeps the first of a tie
    if kinds and (kinds[0] == "procedural" or counts["procedural"] > counts["description"]):
        return "procedural"
    return "description"


def _is_label(text: str) -> bool:
    """A heading, contents entry, title or cut line rather than a sentence."""
    words = text.split()
    if not words or len(words) > LABEL_WORDS or _CLOSED.search(text):
        return False
    return not text[:1].islower()
