"""The audit log as people read it: actions in words, fields before and after, label codes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from gcm_review.store.audit import AuditEntry
from gcm_review.web.audit_view import ACTION_TEXT, field_changes
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
