"""Draft key messages: each states a finding with its numbers and links to the paragraphs behind it.

They are a starting point for the analyst, never the final wording. In order:

1. The key messages written in an input: the paragraphs and list items under a heading "Key
   messages" ("Messages clés", "الرسائل الرئيسية") of a conference record, each with its link
   (`input_messages`).
2. Attention: the objectives that received the greatest attention, with how many reporting
   countries addressed each; then those most reviews did not report on. A "not reported" claim
   is withheld for an objective with strong evidence anywhere in member-state text (a tag of
   probability STRONG_PROBABILITY or more, an explicit reference, or a statement holding
   MIN_STRONG_TERMS of its strong terms): such an objective gets its own message, marked
   uncertain, saying where the evidence is.
3. The guiding principle invoked most often.
4. Calls made by several distinct sources (one recommendation group), naming them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gcm_review.frameworks.loader import Framework
from gcm_review.structure.countries import country_name
from gcm_review.structure.objective_refs import find_objective_refs
from gcm_review.synthesis.recommendation_sentences import full_sentences
from gcm_review.synthesis.records import (
    KeyMessage,
    ObjectiveAttention,
    PrincipleCoverage,
    Recommendation,
    ReviewParagraph,
)
from gcm_review.synthesis.statements import matching_form

MAX_RECOMMENDATION_MESSAGES = 5
MIN_SOURCES = 2  # a call becomes a key message when this many distinct sources made it
STRONG_PROBABILITY = 0.8  # a tag at least this probable is strong evidence
MIN_STRONG_TERMS = 3  # distinct strong terms of an objective in one country's statement
MAX_NAMED_SOURCES = 4
KEY_MESSAGE_HEADINGS = tuple(
    matching_form(h) for h in ("key messages", "messages clés", "الرسائل الرئيسية")
)
_ANNOUNCES = re.compile(r"\bfollowing\b.*\b(?:messages|recommendations)\b|\bsuivants?\b")
_MARKER = re.compile(r"^\s*(?:[-–—•*·▪◦]+|\(?(?:[0-9]{1,3}|[a-z]|[ivx]{1,4})[.)])\s*")


def key_messages(
    attention: Sequence[ObjectiveAttention],
    recommendations: Sequence[Recommendation],
    principles: Sequence[PrincipleCoverage],
    framework: Framework,
    *,
    paragraphs: Sequence[ReviewParagraph] = (),
) -> tuple[KeyMessage, ...]:
    """The input's own messages first, then attention, the principle, shared calls."""
    messages = [*input_messages(paragraphs)]
    messages += _attention_messages(attention, framework, paragraphs)
    most_invoked = max(principles, key=lambda p: len(p.all_paragraph_ids), default=None)
    if most_invoked is not None and most_invoked.all_paragraph_ids:
        messages.append(
            KeyMessage(
                f"The {framework.principle_word()} invoked most often was "
                f"{most_invoked.title.lower()} "
                f"({len(most_invoked.all_paragraph_ids)} paragraphs).",
                "principles",
                most_invoked.all_paragraph_ids,
            )
        )
    shared = [r for r in recommendations if r.supporting_sources >= MIN_SOURCES]
    for recommendation in shared[:MAX_RECOMMENDATION_MESSAGES]:
        messages.append(
            KeyMessage(
                f"Called for by {_supporters(recommendation)}: {recommendation.text}",
                "recommendation",
                recommendation.paragraph_ids,
            )
        )
    return tuple(messages)


# --- messages written in the inputs -------------------------------------------------------------


def is_key_messages_heading(heading: str) -> bool:
    """Whether a heading names a conference's key messages, in English, French or Arabic."""
    form = matching_form(heading)
    return any(words in form for words in KEY_MESSAGE_HEADINGS)


def input_messages(paragraphs: Sequence[ReviewParagraph]) -> list[KeyMessage]:
    """The paragraphs and list items right under a key-messages heading, as messages.

    Left out: statements of a named speaker, lines that announce the messages ("The following
    messages emerged:"), and pieces that are not whole (a continuation opening in lower case).
    A gap in the paragraph numbers (10, then 17) means pages are missing there, so the section
    may have ended: nothing after the gap is taken.
    """
    messages = []
    previous: dict[tuple[int, str], int] = {}  # the last paragraph number under each heading
    stopped: set[tuple[int, str]] = set()
    for paragraph in sorted(paragraphs, key=lambda p: (p.document_id, p.seq)):
        if not paragraph.section or not is_key_messages_heading(paragraph.section[-1]):
            continue
        key = (paragraph.document_id, paragraph.section[-1])
        number = _number(paragraph)
        if number is not None:
            if key in previous and number != previous[key] + 1:
                stopped.add(key)
            previous[key] = number
        if key in stopped:
            continue
        text = _message_text(paragraph)
        if text is not None:
            where = f"paragraph {paragraph.number}" if paragraph.number else "a list item"
            note = f"Written in {paragraph.document} ({where} under “{paragraph.section[-1]}”)."
            messages.append(KeyMessage(text, "input", (paragraph.id,), note=note))
    return messages


def _number(paragraph: ReviewParagraph) -> int | None:
    number = (paragraph.number or "").strip(" .")
    return int(number) if number.isdigit() else None


def _message_text(paragraph: ReviewParagraph) -> str | None:
    if paragraph.speaker:
        return None
    text = " ".join(paragraph.text.split())
    listed = paragraph.kind == "bullet" or _MARKER.match(text) is not None
    text = _MARKER.sub("", text, count=1).strip()
    sentences = full_sentences(text)
    if not sentences or text.rstrip().endswith(":"):
        return None
    if _ANNOUNCES.search(matching_form(sentences[0])):
        return None
    first = next((ch for ch in text if ch.isalpha()), "")
    if first.islower() and not listed:
        return None  # a continuation from a page that is not here
    text = text.rstrip(" ;,؛،")
    if text[-1] not in ".!?؟":
        text += "."
    return text[:1].upper() + text[1:]


# --- attention --------------------------------------------------------------------------------


def _attention_messages(
    attention: Sequence[ObjectiveAttention],
    framework: Framework,
    paragraphs: Sequence[ReviewParagraph],
) -> list[KeyMessage]:
    messages = []
    greatest = [a for a in attention if a.category == "greatest"]
    if greatest:
        names = "; ".join(_counted(a, framework) for a in greatest)
        messages.append(
            KeyMessage(
                f"National reporting gave the greatest attention to {names}.",
                "attention",
                tuple(i for a in greatest for i in a.paragraph_ids),
            )
        )
    missing = [a for a in attention if a.category == "not-reported"]
    if not (missing and attention and attention[0].reporting_countries):
        return messages
    forms: dict[int, str] = {}  # each paragraph's matching form, made once for every objective
    evidence = {
        a.objective: strong_evidence(a.objective, paragraphs, framework, forms=forms)
        for a in missing
    }
    confirmed = [a for a in missing if not evidence[a.objective]]
    if confirmed:
        names = "; ".join(_counted(a, framework) for a in confirmed)
        messages.append(
            KeyMessage(
                f"Most national reviews did not report on {names}.",
                "attention",
                tuple(i for a in confirmed for i in a.paragraph_ids),
            )
        )
    for item in missing:
        if evidence[item.objective]:
            messages.append(_uncertain(item, evidence[item.objective], framework))
    return messages


def _uncertain(
    item: ObjectiveAttention, evidence: dict[str, tuple[str, tuple[int, ...]]], framework: Framework
) -> KeyMessage:
    names = [country_name(code) or code for code in evidence]
    countries = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    reasons = "; ".join(
        f"{name}: {why}" for name, (why, _) in zip(names, evidence.values(), strict=True)
    )
    text = (
        f"Check before reporting {_name(item.objective, framework)} as not reported in most "
        f"reviews: it is counted for {len(item.countries)} of {item.reporting_countries} "
        f"reporting countries, but member-state text from {countries} gives strong evidence of it."
    )
    ids = tuple(dict.fromkeys(i for _, found in evidence.values() for i in found))
    return KeyMessage(text, "attention", ids, uncertain=True, note=f"Strong evidence: {reasons}.")


def strong_evidence(
    objective: int,
    paragraphs: Sequence[ReviewParagraph],
    framework: Framework,
    *,
    forms: dict[int, str] | None = None,
) -> dict[str, tuple[str, tuple[int, ...]]]:
    """Member states whose text gives strong evidence of the objective: country -> (why, ids).

    `forms` keeps each paragraph's matching form by id, to share between calls."""
    found: dict[str, tuple[str, tuple[int, ...]]] = {}
    statements: dict[str, list[ReviewParagraph]] = {}
    for para in paragraphs:
        if not (para.is_member_state and para.country):
            continue
        statements.setdefault(para.country, []).append(para)
        tag = para.tag(f"objective:{objective}")
        if para.country in found:
            continue
        if tag is not None and tag.probability >= STRONG_PROBABILITY:
            found[para.country] = (f"tagged with probability {tag.probability:.2f}", (para.id,))
        elif objective in find_objective_refs(para.text, framework=framework):
            found[para.country] = ("an explicit reference", (para.id,))
    patterns = _strong_term_patterns(objective, framework)
    for country, paras in statements.items():
        if country not in found:
            terms, ids = _strong_terms(paras, patterns, {} if forms is None else forms)
            if len(terms) >= MIN_STRONG_TERMS:
                found[country] = (f"a statement about it ({', '.join(terms)})", ids)
    return found


_TermPatterns = dict[str, tuple[tuple[str, str, re.Pattern[str]], ...]]


def _strong_term_patterns(objective: int, framework: Framework) -> _TermPatterns:
    """Per language, the objective's strong terms: (text, matching form, whole-word pattern)."""
    by_language: dict[str, list[tuple[str, str, re.Pattern[str]]]] = {}
    for term in framework.objective(objective).terms:
        if term.weight >= 1.0:
            form = matching_form(term.text)
            pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
            by_language.setdefault(term.lang, []).append((term.text, form, pattern))
    return {language: tuple(terms) for language, terms in by_language.items()}


def _strong_terms(
    paragraphs: Sequence[ReviewParagraph], patterns: _TermPatterns, forms: dict[int, str]
) -> tuple[list[str], tuple[int, ...]]:
    """The strong terms (`_strong_term_patterns`) found in the paragraphs, and the paragraphs
    holding them; `forms` memoises each paragraph's matching form by id."""
    found: dict[str, None] = {}
    ids: dict[int, None] = {}
    for para in paragraphs:
        terms = patterns.get(para.language or "en", ())
        if not terms:
            continue
        form = forms.get(para.id)
        if form is None:
            form = forms[para.id] = matching_form(para.text)
        for text, term_form, pattern in terms:
            if term_form in form and pattern.search(form):
                found[text] = None
                ids[para.id] = None
    return list(found), tuple(ids)


def _counted(item: ObjectiveAttention, framework: Framework) -> str:
    return (
        f"{_name(item.objective, framework)}, "
        f"{len(item.countries)} of {item.reporting_countries} reporting countries"
    )


def _name(number: int, framework: Framework) -> str:
    word = framework.label_word()
    return f"{word} {number} ({framework.objective(number).label.lower()})"


def _supporters(recommendation: Recommendation) -> str:
    sources = recommendation.supporting_sources
    text = f"{sources} source{'s' if sources != 1 else ''}"
    if recommendation.supporting_countries:
        countries = recommendation.supporting_countries
        text += f" in {countries} countr{'ies' if countries != 1 else 'y'}"
    names = recommendation.source_names
    shown = "; ".join(names[:MAX_NAMED_SOURCES]) + (
        "; ..." if len(names) > MAX_NAMED_SOURCES else ""
    )
    return f"{text} ({shown})"
