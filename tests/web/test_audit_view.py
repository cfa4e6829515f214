"""The audit log as people read it: actions in words, fields before and after, label codes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from markupsafe import escape
from sqlalchemy import update

from gcm_review.store.audit import AuditEntry
from gcm_review.store.database import Database
from gcm_review.store.tables import ParagraphRow
from gcm_review.web.audit_view import (
    ACTION_TEXT,
    field_changes,
    field_name,
)
from gcm_review.web.catalogues import translations
from gcm_review.web.display import label_names
from web.conftest import Seed, Visitor


def entry(action: str, before: object, after: object) -> AuditEntry:
    return AuditEntry(1, datetime(2026, 12, 7, tzinfo=UTC), "ana", action, "x", "1", before, after)


def test_fields_before_and_after_with_label_codes() -> None:
    labels = label_names("gcm")
    coded = entry(
        "paragraph.code",
        {"coder": "ana", "labels": ["objective:6"]},
        {"coder": "ana", "labels": ["objective:6", "objective:20"]},
    )
    [coder, chosen] = field_changes(coded, labels)
    assert (coder.name, coder.before, coder.after, coder.changed) == ("coder", "ana", "ana", False)
    assert (chosen.before, chosen.after, chosen.changed) == ("O6", "O6, O20", True)


def test_events_and_nested_records() -> None:
    labels = label_names("gcm")
    [address] = field_changes(entry("sign-in", None, {"address": "10.0.0.1"}), labels)
    assert (address.before, address.after, address.changed) == ("—", "10.0.0.1", False)
    retrain = entry("tagger.retrain", None, {"feedback": 3, "before": {"f1": 0.5}})
    names = [(field.name, field.after) for field in field_changes(retrain, labels)]
    assert names == [("feedback", "3"), ("before: f1", "0.50")]


def test_every_recorded_action_has_words() -> None:
    assert all(text and not text.startswith(("tag.", "user.")) for text in ACTION_TEXT.values())


def test_a_deleted_document_is_named_but_not_linked(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    admin = visit("admin")
    assert admin.post(f"/documents/{seed.jordan}/delete").status_code == 303  # type: ignore[attr-defined]
    html = admin.client.get("/audit", params={"action": "document.delete"}).text
    assert f"jordan.txt (document {seed.jordan})" in html
    assert f'href="/documents/{seed.jordan}"' not in html
    assert "deleted a document" in html


def test_field_names_and_words_in_another_language() -> None:
    labels, french = label_names("gcm"), translations("fr").gettext
    changed = entry(
        "user.password",
        {"active": True, "labels": []},
        {"active": False, "sessions ended": 2, "feedback_cv": {"f1": 0.5}, "sha256": "ab"},
    )
    fields = [(f.name, f.before, f.after) for f in field_changes(changed, labels, french)]
    assert fields == [
        ("actif", "oui", "non"),
        ("catégories", "aucune", "—"),
        ("sessions fermées", "—", "2"),
        ("feedback cv: f1", "—", "0.50"),  # names not known are shown as recorded
        ("sha256", "—", "ab"),
    ]
    assert field_name("before: f1", french) == "avant: f1"


def test_the_audit_page_shows_fields_and_words_in_french_and_arabic(
    visit: Callable[[str], Visitor],
) -> None:
    admin = visit("admin")
    assert admin.post("/admin/users/vic/active", {"active": "false"}).status_code == 303  # type: ignore[attr-defined]
    new = {"password": "a fresh long phrase", "password_again": "a fresh long phrase"}
    assert admin.post("/admin/users/vic/password", new).status_code == 303  # type: ignore[attr-defined]
    french = admin.client.get("/audit", headers={"Accept-Language": "fr"}).text
    assert '<th scope="row">actif</th>' in french
    assert '<td dir="auto">oui</td>' in french and '<td dir="auto">non</td>' in french
    assert '<th scope="row">sessions fermées</th>' in french
    revoked = escape(translations("fr").gettext("API tokens revoked"))
    assert f'<th scope="row">{revoked}</th>' in french
    arabic = admin.client.get("/audit", headers={"Accept-Language": "ar"}).text
    assert '<th scope="row">الجلسات المنتهية</th>' in arabic
    assert '<td dir="auto">نعم</td>' in arabic


def test_a_paragraph_without_a_number_is_named_in_the_page_language(
    visit: Callable[[str], Visitor], db: Database, seed: Seed
) -> None:
    [first, *_] = seed.jordan_paragraphs
    with db.transaction() as session:
        session.execute(update(ParagraphRow).where(ParagraphRow.id == first).values(number=None))
    analyst, admin = visit("analyst"), visit("admin")
    assert analyst.post(f"/tags/{seed.jordan_tags[0]}/accept").status_code in (200, 303)  # type: ignore[attr-defined]
    where = {"action": "tag.accept"}
    english = admin.client.get("/audit", params=where).text
    assert "jordan.txt, paragraph 1" in english
    french = admin.client.get("/audit", params=where, headers={"Accept-Language": "fr"}).text
    assert "jordan.txt, paragraphe 1" in french and "jordan.txt, paragraph 1" not in french
