"""Session kinds told by headings in English, French and Arabic."""

from __future__ import annotations

import pytest

from gcm_review.synthesis.sessions import is_conference_record, paragraph_session, session_kind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Introduction", "introduction"),
        ("Organization of work", "introduction"),
        ("Organisation des travaux", "introduction"),
        ("مقدمة", "introduction"),
        ("I. Key messages", "key-messages"),
        ("Messages clés", "key-messages"),
        ("A. Opening session", "opening"),
        ("Séance d'ouverture", "opening"),
        ("الجلسة الافتتاحية", "opening"),
        ("C. Plenary session 1: Voluntary GCM review reporting by member States", "plenary"),
        ("Statements by member States", "plenary"),
        ("Séance plénière 2", "plenary"),
        ("الجلسة العامة الأولى", "plenary"),
        ("- 2. Roundtable 2: Review of objectives 4, 8 and 9", "roundtable"),
        ("Table ronde 3 : objectifs 14 et 15", "roundtable"),
        ("المائدة المستديرة الثانية", "roundtable"),
        ("F. Closing session", "closing"),
        ("Séance de clôture", "closing"),
        ("الجلسة الختامية", "closing"),
        ("Annex I", "annex"),
        ("Annexe : recommandations", "annex"),
        ("الملحق الأول", "annex"),
        ("Jordan", None),
        ("Conference sessions", None),
        ("Migrant women workers", None),
    ],
)
def test_session_kind_from_heading(heading: str, kind: str | None) -> None:
    assert session_kind(heading) == kind


def test_a_paragraph_belongs_to_its_deepest_session() -> None:
    path = ("Conference sessions", "Plenary session 1: Statements", "Jordan")
    assert paragraph_session(path) == (1, "plenary")
    assert paragraph_session(("Conference sessions",)) is None


def test_a_conference_record_names_two_kinds_of_meeting() -> None:
    assert is_conference_record(["Introduction", "Opening session", "Roundtable 1", "Annex"])
    assert not is_conference_record(["Introduction", "Labour migration", "Annex"])
    assert not is_conference_record(["Opening session"])


def test_an_annex_holds_everything_under_it() -> None:
    assert paragraph_session(("Annex II", "Introduction")) == (0, "annex")
