"""Finding paragraphs: full-text search (SQLite FTS5 or PostgreSQL) and cross-language search.

Full text: the user's words, all of them required; every character that could be an operator
(quotes, brackets, `*`, `-`, `:`, NEAR, OR, ...) is dropped or quoted, and the words travel as
bound parameters. Both sides are compared in one form, `searchable_text`: casefolded,
compatibility-decomposed (Arabic presentation forms and ligatures become letters), Arabic folded
(no harakat, shadda or tatweel; hamza seats, alef forms, ta marbuta and alef maqsura unified)
and every combining mark dropped (so Latin accents too), followed by the light stems of its words
(`word_forms`: Arabic clitics such as the article, conjunctions and prepositions, and pronoun and
plural endings taken off; English, French, Spanish and Portuguese plural endings taken off).
Each paragraph stores that form in `paragraphs.search_text`, which the index covers (an FTS5
table on SQLite, a GIN index on PostgreSQL), and each query word is looked for in any of its own
forms, so "العمال" finds "العُمّال", "مهاجرين" finds "المهاجرين", "الخارج" finds "بالخارج",
"remittance" finds "remittances" and "migracion" finds "migraciones", on both databases.
Snippets show the paragraph's own text.

Semantic search (workflows.search) ranks the paragraphs `paragraph_texts` gives by meaning and
marks them with `snippet`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select, text

from gcm_review.languages import known_languages, search_fold, stem
from gcm_review.languages.script import (
    ARABIC_HARAKAT,
    ARABIC_SIGNS,
    ARABIC_TATWEEL,
    COMBINING_ACCENTS,
)
from gcm_review.store.database import Database
from gcm_review.store.tables import DocumentRow, ParagraphRow

SKIPPED_KINDS = ("contents",)  # table-of-contents lines are not searched
SNIPPET_CHARS = 240  # longer paragraphs are cut to about this many characters around a match
MAX_QUERY_WORDS = 16
_QUERY_WORD = re.compile(r"[^\W_]+")
# A word of the text: letters and digits, with the accents and Arabic marks written on them.
_TEXT_WORD = re.compile(
    f"(?:[^\\W_]|[{COMBINING_ACCENTS}{ARABIC_SIGNS}{ARABIC_HARAKAT}{ARABIC_TATWEEL}])+"
)


@dataclass(frozen=True)
class SnippetPiece:
    """A stretch of a snippet: matched words are marked, nothing is HTML."""

    text: str
    match: bool


@dataclass(frozen=True)
class SearchHit:
    """A paragraph found, best first: `rank` is higher for better hits."""

    paragraph_id: int
    document_id: int
    document: str  # the document's source name
    snippet: tuple[SnippetPiece, ...]
    rank: float
    language: str | None = None  # the paragraph's language, when known


@dataclass(frozen=True)
class SearchedParagraph:
    """A paragraph semantic search may rank: its text, language and document."""

    paragraph_id: int
    document_id: int
    document: str  # the document's source name
    text: str
    language: str | None


def searchable_text(text: str) -> str:
    """Text in the form full-text search compares, stored in paragraphs.search_text and indexed:
    casefolded, Arabic folded, no accents or other marks, then (on a line of its own) the light
    stems of its words that are not words of the text already.

    Migration 0008 holds a copy of this function for its backfill: a change here (or in the
    affixes of the language files) needs a new migration that re-folds paragraphs.search_text.
    """
    folded = search_fold(text)
    words = _QUERY_WORD.findall(folded)
    seen = set(words)
    stems = []
    for word in dict.fromkeys(words):
        for form in word_forms(word)[1:]:
            if form not in seen:
                seen.add(form)
                stems.append(form)
    return f"{folded}\n{' '.join(stems)}" if stems else folded


@functools.lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[str, ...]:
    """A folded word, then its light stems in every language written in its script that has
    affixes (clitics, plural endings): the forms the index holds for the word, and those a
    query word is looked for in."""
    forms = dict.fromkeys([word])
    for code, letters in _stemming_languages():
        if letters.search(word):
            forms[stem(word, code)] = None
    return tuple(form for form in forms if form)


@functools.cache
def _stemming_languages() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(code, a pattern of its script's letters) of each known language that has affixes."""
    found = []
    for language in known_languages():
        clitics = language.clitics
        if language.stem_rules or clitics.suffixes or clitics.article or clitics.prepositions:
            found.append((language.code, re.compile(f"[{language.script.letters}]")))
    return tuple(found)


def query_words(query: str) -> list[str]:
    """The words of a query in searchable form: letters and digits only, duplicates dropped."""
    found = _QUERY_WORD.findall(search_fold(query))
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]


def fts5_expression(words: Sequence[str]) -> str:
    """A safe FTS5 MATCH expression: every word required, in any of its forms, each quoted."""
    # The forms hold letters and digits only.
    return " AND ".join(
        "(" + " OR ".join(f'"{form}"' for form in word_forms(word)) + ")" for word in words
    )


def full_text_search(
    db: Database,
    query: str,
    *,
    limit: int = 50,
    document_ids: Collection[int] | None = None,
) -> list[SearchHit]:
    """Paragraphs holding every word of the query, best first; [] for a query without words."""
    words = query_words(query)
    if not words or limit < 1 or (document_ids is not None and not document_ids):
        return []
    if db.engine.dialect.name == "postgresql":
        rows = _postgres_rows(db, words, limit, document_ids)
    else:
        rows = _sqlite_rows(db, words, limit, document_ids)
    return [
        SearchHit(pid, doc_id, name, snippet(body, words), float(rank))
        for pid, doc_id, name, body, rank in rows
    ]


def _filters(document_ids: Collection[int] | None) -> tuple[str, dict[str, Any]]:
    params: dict[str, Any] = {"skipped": list(SKIPPED_KINDS)}
    where = "p.kind NOT IN :skipped"
    if document_ids is not None:
        where += " AND p.document_id IN :documents"
        params["documents"] = sorted(document_ids)
    return where, params


def _sqlite_rows(
    db: Database, words: Sequence[str], limit: int, document_ids: Collection[int] | None
) -> list[Any]:
    where, params = _filters(document_ids)
    statement = text(
        "SELECT p.id, p.document_id, d.source_name, p.text, -bm25(paragraphs_fts) AS score "
        "FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid "
        "JOIN documents d ON d.id = p.document_id "
        f"WHERE paragraphs_fts MATCH :expression AND {where} "
        "ORDER BY score DESC, p.id LIMIT :limit"
    ).bindparams(*_expanding(params))
    with db.engine.connect() as connection:
        result = connection.execute(
            statement, {**params, "expression": fts5_expression(words), "limit": limit}
        )
        return list(result)


def _postgres_rows(
    db: Database, words: Sequence[str], limit: int, document_ids: Collection[int] | None
) -> list[Any]:
    where, params = _filters(document_ids)
    groups = []
    for index, word in enumerate(words):
        alternatives = []
        for number, form in enumerate(word_forms(word)):
            params[f"w{index}_{number}"] = form
            alternatives.append(f"plainto_tsquery('simple', :w{index}_{number})")
        groups.append(f"({' || '.join(alternatives)})")
    statement = text(
        "SELECT p.id, p.document_id, d.source_name, p.text, "
        "ts_rank(to_tsvector('simple', p.search_text), q.query) AS score "
        f"FROM paragraphs p JOIN documents d ON d.id = p.document_id, "
        f"(SELECT {' && '.join(groups)} AS query) AS q "
        f"WHERE to_tsvector('simple', p.search_text) @@ q.query AND {where} "
        "ORDER BY score DESC, p.id LIMIT :limit"
    ).bindparams(*_expanding(params))
    with db.engine.connect() as connection:
        return list(connection.execute(statement, {**params, "limit": limit}))


def _expanding(params: dict[str, Any]) -> list[Any]:
    return [
        bindparam(name, expanding=True) for name, value in params.items() if isinstance(value, list)
    ]


def paragraph_texts(db: Database, document_ids: Collection[int] | None) -> list[SearchedParagraph]:
    """Every searched paragraph (of the given documents, or all), by id."""
    query = (
        select(
            ParagraphRow.id,
            ParagraphRow.document_id,
            DocumentRow.source_name,
            ParagraphRow.text,
            ParagraphRow.language,
        )
        .join(DocumentRow)
        .where(ParagraphRow.kind.not_in(SKIPPED_KINDS))
        .order_by(ParagraphRow.id)
    )
    if document_ids is not None:
        query = query.where(ParagraphRow.document_id.in_(sorted(document_ids)))
    with db.sessions() as session:
        return [SearchedParagraph(*row) for row in session.execute(query)]


def snippet(body: str, words: Sequence[str]) -> tuple[SnippetPiece, ...]:
    """The paragraph (cut around the first match when long) with the words marked that share a
    form with a query word (so "المهاجرين" is marked for "مهاجرين", "remittances" for
    "remittance")."""
    wanted = {form for word in words for form in word_forms(search_fold(word))}
    matches = [
        (m.start(), m.end())
        for m in _TEXT_WORD.finditer(body)
        if not wanted.isdisjoint(word_forms(search_fold(m.group())))
    ]
    start, end = _window(body, matches[0][0] if matches else 0)
    pieces: list[SnippetPiece] = []
    if start > 0:
        pieces.append(SnippetPiece("… ", False))
    position = start
    for match_start, match_end in matches:
        if match_start < start or match_end > end:
            continue
        if match_start > position:
            pieces.append(SnippetPiece(body[position:match_start], False))
        pieces.append(SnippetPiece(body[match_start:match_end], True))
        position = match_end
    if end > position:
        pieces.append(SnippetPiece(body[position:end], False))
    if end < len(body):
        pieces.append(SnippetPiece(" …", False))
    return tuple(pieces)


def _window(body: str, focus: int) -> tuple[int, int]:
    """(start, end) of about SNIPPET_CHARS characters around `focus`, cut at spaces."""
    if len(body) <= SNIPPET_CHARS:
        return 0, len(body)
    start = max(0, focus - SNIPPET_CHARS // 3)
    end = min(len(body), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    if start > 0:
        space = body.find(" ", start, focus)
        start = space + 1 if space != -1 else start
    if end < len(body):
        space = body.rfind(" ", max(focus, start), end)
        end = space if space > focus else end
    return start, end
