"""Full-text search on SQLite and PostgreSQL, hostile input included."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError

from gcm_review.store.database import Database
from gcm_review.store.search import (
    SNIPPET_CHARS,
    fts5_expression,
    full_text_search,
    query_words,
    searchable_text,
    word_forms,
)
from gcm_review.store.tables import ParagraphRow
from search_corpus import (
    ARABIC,
    ENGLISH,
    FRENCH,
    LONG,
    MakeDocument,
    marked,
    store,
    store_corpus,
    texts,
)


@pytest.fixture
def corpus(db: Database, make_document: MakeDocument) -> dict[str, int]:
    return store_corpus(db, make_document)


def test_every_word_is_required_and_matches_are_marked(
    db: Database, corpus: dict[str, int]
) -> None:
    hits = full_text_search(db, "Migrant workers")
    assert texts(hits) == sorted(ENGLISH[:2], key=texts(hits).index)
    assert set(texts(hits)) == set(ENGLISH[:2])
    assert all(hit.document == "english.txt" and hit.document_id == corpus["en"] for hit in hits)
    assert marked(hits[0]) == ["migrant", "workers"]
    assert hits[0].rank >= hits[1].rank
    assert full_text_search(db, "migrant shelter pandemic") == []


def test_ranking_prefers_more_occurrences(db: Database, make_document: MakeDocument) -> None:
    store(db, make_document, "rank.txt", ["visa visa visa policy", "visa policy and other words"])
    hits = full_text_search(db, "visa")
    assert texts(hits)[0] == "visa visa visa policy"
    assert hits[0].rank > hits[1].rank


def test_filter_by_document_and_limit(db: Database, corpus: dict[str, int]) -> None:
    assert full_text_search(db, "workers", document_ids=[corpus["fr"]]) == []
    assert len(full_text_search(db, "workers", document_ids=[corpus["en"]])) == 3
    assert len(full_text_search(db, "workers", limit=1)) == 1
    assert full_text_search(db, "workers", document_ids=[]) == []


def test_accents_are_ignored(db: Database, corpus: dict[str, int]) -> None:
    hits = full_text_search(db, "migracion")
    assert texts(hits) == FRENCH
    assert marked(hits[0]) == ["migración"]
    assert texts(full_text_search(db, "MIGRACIÓN")) == FRENCH
    assert texts(full_text_search(db, "acces")) == FRENCH  # the text has l'accès


def test_arabic_hamza_and_ta_marbuta_spellings(db: Database, corpus: dict[str, int]) -> None:
    # Typed without hamza and with ha for ta marbuta; the text has للأسرة المهاجرة.
    assert texts(full_text_search(db, "المهاجره")) == [ARABIC[0]]
    assert texts(full_text_search(db, "اطلقت")) == [ARABIC[1]]  # text: أطلقت
    assert texts(full_text_search(db, "الْحُكُومَة")) == [ARABIC[0]]  # harakat typed are dropped
    assert marked(full_text_search(db, "المهاجره")[0]) == ["المهاجرة"]


# The same sentences written with marks and letter forms, and written plainly: a query in either
# spelling finds both. Pairs: harakat and shadda; tatweel; hamza on alef (أ إ آ) and ta marbuta
# as ha; shadda and hamza on ya; Arabic presentation forms, as some PDFs give them.
SPELLINGS = [
    ("يَدْعَمُ البَرْنامَجُ العُمّالَ المُهاجِرينَ في المَدينَةِ.", "يدعم البرنامج العمال المهاجرين في المدينه."),
    ("تقدم الحكومــــة الدعـــم للأسرة المهاجرة.", "تقدم الحكومة الدعم للاسره المهاجره."),
    ("إعلانُ الأُمَمِ المتحدة بِشأن الهجرة الآمنة.", "اعلان الامم المتحده بشان الهجره الامنه."),
    ("حماية حقوق اللّاجِئينَ.", "حماية حقوق اللاجئين."),
    ("ﺣﻘﻮﻕ ﺍﻹﻧﺴﺎﻥ ﻟﻠﻤﻬﺎﺟﺮﻳﻦ.", "حقوق الانسان للمهاجرين."),
]
SPELLING_QUERIES = [
    ("العمال", 0, "العُمّالَ"),
    ("العُمّالُ", 0, "العمال"),
    ("المهاجرين المدينة", 0, "المُهاجِرينَ"),
    ("الحكومة الدعم", 1, "الحكومــــة"),
    ("الحكومــة", 1, "الحكومة"),
    ("للأسرة", 1, "للأسرة"),
    ("الامم", 2, "الأُمَمِ"),
    ("إعلان الهجرة", 2, "إعلانُ"),
    ("الآمنة", 2, "الآمنة"),
    ("بشأن", 2, "بِشأن"),
    ("اللاجئين", 3, "اللّاجِئينَ"),
    ("الإنسان", 4, "ﺍﻹﻧﺴﺎﻥ"),
]


@pytest.fixture
def spellings(db: Database, make_document: MakeDocument) -> dict[str, int]:
    return {
        "marked": store(db, make_document, "marked.txt", [m for m, _ in SPELLINGS]),
        "plain": store(db, make_document, "plain.txt", [p for _, p in SPELLINGS]),
    }


@pytest.mark.parametrize(("query", "pair", "first_marked_word"), SPELLING_QUERIES)
def test_arabic_marks_and_letter_forms_are_ignored_both_ways(
    db: Database, spellings: dict[str, int], query: str, pair: int, first_marked_word: str
) -> None:
    hits = full_text_search(db, query)
    assert sorted(texts(hits)) == sorted(SPELLINGS[pair])
    assert first_marked_word in {marked(hit)[0] for hit in hits}
    assert {hit.document_id for hit in hits} == set(spellings.values())


def test_presentation_forms_are_the_letters_they_show() -> None:
    assert unicodedata.normalize("NFKC", SPELLINGS[4][0]) == "حقوق الإنسان للمهاجرين."


def folded(body: str) -> str:
    """The first line of the search text: the text folded (the stems follow on a second line)."""
    return searchable_text(body).split("\n")[0]


def test_searchable_text_folds_marks_letter_forms_case_and_accents() -> None:
    assert folded("العُمّال") == "العمال"
    assert folded("الحكومــــة") == "الحكومه"
    assert folded("إعلان الأمم الآمنة مسؤول") == "اعلان الامم الامنه مسوول"
    assert folded("اللاجئين على") == "اللاجيين علي"
    assert folded("ﻻ ﺍﻹﻧﺴﺎﻥ") == "لا الانسان"
    assert folded("Migración ÉTÉ Straße") == "migracion ete strasse"
    assert searchable_text("Visa OR") == "visa or"  # nothing to stem: the folded text only
    assert searchable_text("ـ َ") == " "  # a tatweel and a lone haraka leave nothing


def test_searchable_text_adds_the_light_stems_of_its_words() -> None:
    assert searchable_text("العُمّال المهاجرين بالخارج") == (
        "العمال المهاجرين بالخارج\nعمال مهاجر خارج"
    )
    # Every language of the script stems a word: Spanish turns "-ces" into "-z", a form only
    # the same word's query meets.
    assert searchable_text("Remittances and remittance") == "remittances and remittance\nremittanz"
    assert searchable_text("Les travailleurs") == "les travailleurs\ntravailleur"
    assert word_forms("مهاجرين") == ("مهاجرين", "مهاجر")
    assert word_forms("الخارج") == ("الخارج", "خارج")
    assert word_forms("عمال") == ("عمال",)  # too short to lose anything
    assert word_forms("migraciones")[-1] == "migracion"
    assert word_forms("2024") == ("2024",)


def test_every_stored_paragraph_has_its_searchable_text(
    db: Database, spellings: dict[str, int], corpus: dict[str, int]
) -> None:
    with db.sessions() as session:
        rows = session.execute(select(ParagraphRow.text, ParagraphRow.search_text)).all()
    assert len(rows) == 2 * len(SPELLINGS) + 8
    assert all(stored == searchable_text(body) for body, stored in rows)


HOSTILE = [
    '" OR 1=1 --',
    "NEAR(",
    "*",
    "'; DROP TABLE paragraphs; --",
    '"unbalanced',
    "workers NOT shelter",
    "text:workers",
    "^workers",
    "(workers",
    "workers AND",
    "{text}: x",
    "\x00",
    "%_",
    "' OR ''='",
    "NEAR(workers employers, 2)",
    "a" * 5000,
    "-workers",
    "workers)) OR ((1",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise_nor_inject(
    db: Database, corpus: dict[str, int], query: str
) -> None:
    hits = full_text_search(db, query)
    words = set(query_words(query))
    for hit in hits:  # every hit holds every word (in one of its forms): no operator took effect
        found = {form for piece in hit.snippet if piece.match for form in forms_of(piece.text)}
        assert all(not found.isdisjoint(word_forms(word)) for word in words), (query, found)
    with db.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ParagraphRow)) == 8


def test_operators_are_searched_as_plain_words(db: Database, corpus: dict[str, int]) -> None:
    # ENGLISH[3] holds the words OR, NEAR and employers; "OR" is not an operator here.
    assert texts(full_text_search(db, "workers OR employers")) == [ENGLISH[3]]
    assert texts(full_text_search(db, '" OR 1=1 --')) == []  # "or" and "1" are both required
    assert full_text_search(db, "*") == []
    assert texts(full_text_search(db, "NEAR(")) == [ENGLISH[3]]
    if db.engine.dialect.name == "sqlite":
        raw = text("SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH :q")
        with db.engine.connect() as connection, pytest.raises(OperationalError):
            connection.execute(raw, {"q": "NEAR("}).all()  # the raw query would be an error


def forms_of(word: str) -> tuple[str, ...]:
    return word_forms(searchable_text(word).split("\n")[0])


def test_expression_quotes_every_word() -> None:
    assert query_words('" OR 1=1 -- naïve_x') == ["or", "1", "naive", "x"]
    assert fts5_expression(query_words("a* OR b")) == '("a") AND ("or") AND ("b")'
    assert query_words("الأُسْرَة كتابى أسرة") == ["الاسره", "كتابي", "اسره"]
    assert fts5_expression(query_words("كتابى")) == '("كتابي" OR "تابي")'  # light: ك may be "like"
    assert fts5_expression(["remittances"]) == '("remittances" OR "remittance" OR "remittanz")'


def test_long_paragraphs_are_cut_around_the_match(db: Database, corpus: dict[str, int]) -> None:
    [hit] = full_text_search(db, "consular")
    whole = "".join(piece.text for piece in hit.snippet)
    assert whole.startswith("… ") and whole.endswith(" …")
    assert len(whole) <= SNIPPET_CHARS + 4
    assert whole.strip("… ") in LONG
    assert marked(hit) == ["Consular"]


STEMMED = [
    "تلتزم الحكومة بحماية حقوق المهاجرين في القطاع الخاص.",
    "تحسين ظروف العمال في المصانع.",
    "يرسل العاملون بالخارج أموالهم إلى أسرهم.",
    "Remittances sent home by migrant workers rose in 2024.",
    "Les travailleurs saisonniers et leurs familles.",
    "Las migraciones laborales y las ciudades fronterizas.",
]


@pytest.mark.parametrize(
    ("query", "found", "marked_word"),
    [
        ("مهاجرين", 0, "المهاجرين"),  # the article
        ("عمال", 1, "العمال"),
        ("الخارج", 2, "بالخارج"),  # a preposition joined to the article
        ("اموالهم", 2, "أموالهم"),  # a pronoun ending
        ("remittance", 3, "Remittances"),  # English plural
        ("worker", 3, "workers"),
        ("travailleur", 4, "travailleurs"),  # French plural
        ("familles", 4, "familles"),
        ("migración", 5, "migraciones"),  # Spanish plural, accents ignored
        ("ciudad", 5, "ciudades"),
    ],
)
def test_clitics_and_plural_endings_are_found_on_both_databases(
    db: Database, make_document: MakeDocument, query: str, found: int, marked_word: str
) -> None:
    store(db, make_document, "stems.txt", STEMMED)
    hits = full_text_search(db, query)
    assert texts(hits) == [STEMMED[found]]
    assert marked(hits[0]) == [marked_word]


def test_stems_never_drop_a_required_word(db: Database, make_document: MakeDocument) -> None:
    store(db, make_document, "stems.txt", STEMMED)
    assert texts(full_text_search(db, "remittance workers")) == [STEMMED[3]]
    assert full_text_search(db, "remittance travailleur") == []
