"""Which lines are headings, of what kind and level, and their cleaned titles.

Levels: annex 1 (resets everything), roman chapter 2, lettered section 3, numbered or keyword
sub-section (country, roundtable, session, numbered title) 4, decimal sub-headings ("2.1",
"2.1.3") 5 and 6, unnumbered title-like line 7.
Headings that a DOCX/HTML reader marked keep the level the format gave them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcm_review.frameworks import Framework
from gcm_review.languages import clean_text, fold_arabic_letters, known_languages, word_count
from gcm_review.languages.script import ARABIC_BASE_LETTERS, ARABIC_FATHATAN, is_arabic_char
from gcm_review.structure.contents import ends_with_paragraphs_and_page
from gcm_review.structure.countries import country_name, fuzzy_country, whole_country
from gcm_review.structure.numbering import split_marker
from gcm_review.structure.objective_refs import find_objective_refs
from gcm_review.structure.vocabulary import FUNCTION_WORDS, HONORIFIC_AT_START, IMPERATIVE_VERBS

LEVELS = {"annex": 1, "chapter": 2, "lettered": 3, "session": 4, "roundtable": 4, "country": 4}
NUMBERED_LEVEL = 4
TITLE_LEVEL = 7
_MAX_DECIMAL_DEPTH = 3

_ANNEX = re.compile(
    r"^(?P<word>annexe?|appendix|appendice|ملحق|الملحق|مرفق|المرفق)(?![\w])"
    rf"(?:\s+(?P<id>[IVXLC]+|\d+|[A-Z](?![\w])|[{ARABIC_BASE_LETTERS}]+))?\s*[:.\-–—]?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "أولاً ..." and "ألف." from the language files, folded as the lines they are matched on.
_ORDINAL_ADVERBS = (
    "|".join(
        re.escape(fold_arabic_letters(word))
        for language in known_languages()
        for word in language.ordinal_adverbs
    )
    or "(?!)"
)
_LETTER_NAMES = (
    "|".join(
        re.escape(fold_arabic_letters(word))
        for language in known_languages()
        for word in language.letter_names
    )
    or "(?!)"
)
_CHAPTER = re.compile(
    r"^(?:(?P<roman>[IVX]{2,6}|[IVX]*[LC][IVX]+|[IVX])\s*[.):\-–]"
    r"|(?:[Cc]hapter|CHAPTER|[Cc]hapitre|CHAPITRE|الفصل)\s+\S+\s*[.:\-–]?"
    rf"|(?:{_ORDINAL_ADVERBS})[{ARABIC_FATHATAN}]?\s*[.:\-–])"
    r"\s*(?P<rest>\S.*)$"
)
_LETTERED = re.compile(rf"^(?:[A-Z]\s*[.)]|(?:{_LETTER_NAMES})\s*[.:\-–])\s*(?P<rest>\S.*)$")
_ROUNDTABLE = re.compile(
    r"^(?:round[\s-]?table|table[\s-]ronde|(?:ال)?مائده\s+(?:ال)?مستديره|panel|working\s+group"
    r"|groupe\s+de\s+travail|thematic\s+discussion)(?![\w])",
    re.IGNORECASE,
)
_SESSION = re.compile(
    r"^(?:(?:plenary|opening|closing|high-level|thematic|parallel|special)\s+)?session(?![\w])"
    r"|^(?:séance|plénière)|^(?:ال)?جلسه(?![\w])",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\s*(?:[-–•]\s+)?\d{1,2}\s+(?P<rest>\S.*)$")
_FINAL_PUNCTUATION = re.compile(r"[.;,:!?\-–—،؛]\s*$")
_FOOTNOTE_MARKS = re.compile(r"[\s\u00b9\u00b2\u00b3\u2070-\u209f*†‡]+$")
_MAX_TITLE_WORDS = 12
_MAX_UNNUMBERED_WORDS = 10
_MAX_KEYWORD_WORDS = 30
_MAX_CHAPTER_WORDS = 20
_MAX_HEADING_NUMBER = 30
_WRAP_WORDS = 12


@dataclass(frozen=True)
class HeadingMatch:
    """A line recognised as a heading."""

    title: str
    kind: str
    level: int
    country: str | None = None
    objective_refs: tuple[int, ...] = ()


def classify_heading(
    text: str,
    *,
    format_level: int | None = None,
    previous: str | None = None,
    framework: Framework | None = None,
) -> HeadingMatch | None:
    """The heading a line is, or None for body text.

    format_level is the level a DOCX/HTML reader gave a heading block: such a block is always a
    heading. previous is the line before, to tell a wrapped line from a short title. The
    objectives a heading names are those of the framework (the GCM unless another is given).
    """
    line = clean_text(text)
    if not line or (format_level is None and word_count(line) > _MAX_KEYWORD_WORDS):
        return None  # no heading rule accepts more than this many words
    if format_level is None and ends_with_paragraphs_and_page(line):
        return None  # an entry of a table of contents, never a section
    found = _structural(line) or _numbered(text) or _keyword(line) or _country_line(line)
    if found is None and (format_level is not None or _is_title_line(line, previous)):
        found = _make(_clean_title(line), "heading", TITLE_LEVEL)
    if found is None:
        return None
    level = format_level if format_level is not None else found.level
    refs = find_objective_refs(found.title, framework=framework)
    return HeadingMatch(found.title, found.kind, level, found.country, refs)


def _structural(line: str) -> HeadingMatch | None:
    """Annex, roman chapter or lettered section."""
    match = _ANNEX.match(line)
    if match and _short_title(match["rest"], _MAX_TITLE_WORDS, allow_empty=True):
        label = " ".join(part for part in (match["word"].capitalize(), match["id"]) if part)
        rest = _clean_title(match["rest"])
        return _make(f"{label}: {rest}" if rest else label, "annex", LEVELS["annex"])
    folded = fold_arabic_letters(line)
    match = _CHAPTER.match(folded)
    if match and _short_title(match["rest"], _MAX_CHAPTER_WORDS):
        return _make(_clean_title(line[match.start("rest") :]), "chapter", LEVELS["chapter"])
    match = None if HONORIFIC_AT_START.match(line) else _LETTERED.match(folded)
    if match and _short_title(match["rest"], _MAX_CHAPTER_WORDS):
        return _make(_clean_title(line[match.start("rest") :]), "lettered", LEVELS["lettered"])
    return None


def _numbered(text: str) -> HeadingMatch | None:
    """Numbered sub-headings: "1. Iraq", "1<TAB>Libya", "- 2. Roundtable 2: ...", "3. Title"."""
    marked = split_marker(text)
    rest = marked.text
    if marked.marker != "number" or not rest:
        bare = _BARE_NUMBER.match(clean_text(text))
        country = _country_title(bare["rest"], fuzzy=False) if bare else None
        return _make(country[0], "country", LEVELS["country"], country[1]) if country else None
    country = _country_title(rest, fuzzy=True)
    if country:
        return _make(country[0], "country", LEVELS["country"], country[1])
    keyword = _keyword(rest)
    if keyword:
        return keyword
    number = marked.number or "0"
    if int(number.split(".")[0]) <= _MAX_HEADING_NUMBER and _looks_like_title(rest):
        depth = min(number.count(".") + 1, _MAX_DECIMAL_DEPTH)
        return _make(_clean_title(rest), "heading", NUMBERED_LEVEL + depth - 1)
    return None


def _keyword(line: str) -> HeadingMatch | None:
    """Roundtable and session headings, numbered or not."""
    folded = fold_arabic_letters(line)
    for kind, pattern in (("roundtable", _ROUNDTABLE), ("session", _SESSION)):
        if pattern.match(folded) and _short_title(line, _MAX_KEYWORD_WORDS):
            return _make(_clean_title(line), kind, LEVELS[kind])
    return None


def _country_line(line: str) -> HeadingMatch | None:
    """A line that is only a country name ("Iraq", "Libye")."""
    if word_count(line) > 4 or _FINAL_PUNCTUATION.search(line):
        return None
    code = whole_country(line)
    return _make(_clean_title(line), "country", LEVELS["country"], code) if code else None


def _country_title(rest: str, *, fuzzy: bool) -> tuple[str, str] | None:
    """(title, code) when the text after a number is a country name, typos forgiven if fuzzy."""
    title = _clean_title(rest)
    if not title or word_count(title) > 5 or _FINAL_PUNCTUATION.search(rest.strip()):
        return None
    code = whole_country(title)
    if code:
        return title, code
    plain_words = word_count(title) <= 3 and not any(char.isdigit() for char in title)
    code = fuzzy_country(title) if fuzzy and plain_words else None
    if code:
        return country_name(code) or title, code
    return None


def _is_title_line(line: str, previous: str | None) -> bool:
    """An unnumbered short title ("Migrant women workers", "The Way Ahead")."""
    if word_count(line) > _MAX_UNNUMBERED_WORDS or not _looks_like_title(line):
        return False
    if previous is None:
        return True
    before = clean_text(previous)
    if before.endswith((",", ";", "،", "؛")):
        return False  # inside a list whose items end with commas or semicolons
    wrapped = word_count(before) > _WRAP_WORDS and not re.search(r"[.:!?)\"”'’]\s*$", before)
    return not wrapped


def _looks_like_title(text: str) -> bool:
    """Short, capitalised, no final punctuation or dangling word, not a speaker or an order."""
    words = text.split()
    if not words or len(words) > _MAX_TITLE_WORDS or _FINAL_PUNCTUATION.search(text):
        return False
    first = text[0]
    if not (first.isupper() or is_arabic_char(first)):
        return False
    if "," in text or "،" in text or HONORIFIC_AT_START.match(text):
        return False
    if words[-1].casefold() in FUNCTION_WORDS or words[0].casefold() in IMPERATIVE_VERBS:
        return False
    return any(sum(char.isalpha() for char in word) >= 3 for word in words)


def _short_title(text: str, limit: int, *, allow_empty: bool = False) -> bool:
    stripped = text.strip()
    if not stripped:
        return allow_empty
    if word_count(stripped) > limit or stripped.endswith((".", ";", ",", "،", "؛")):
        return False
    return HONORIFIC_AT_START.match(stripped) is None


def _clean_title(text: str) -> str:
    return _FOOTNOTE_MARKS.sub("", clean_text(text)).rstrip(" :.-–—").strip()


def _make(title: str, kind: str, level: int, country: str | None = None) -> HeadingMatch:
    return HeadingMatch(title, kind, level, country)
