"""The audit log as people read it: who did what, to which object (linked to the paragraph,
document or account where it still exists), and each changed field's value before and after."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from gcm_review.store.audit import AuditEntry
from gcm_review.store.database import Database
from gcm_review.store.tables import DocumentRow, UserRow
from gcm_review.web.catalogues import N_
from gcm_review.web.display import LabelNames
from gcm_review.web.paragraph_links import paragraph_links

ACTION_TEXT: Mapping[str, str] = {
    "tag.accept": N_("accepted a tag"),
    "tag.reject": N_("rejected a tag"),
    "tag.add": N_("added a tag"),
    "paragraph.code": N_("coded a paragraph"),
    "document.upload": N_("uploaded a document"),
    "document.delete": N_("deleted a document"),
    "document.correct": N_("corrected a document"),
    "document.propose": N_("proposed a copy or version for an analyst"),
    "document.accept": N_("accepted a copy or version"),
    "document.refuse": N_("refused a copy or version"),
    "document.carry-over": N_("carried decisions over to a new version"),
    "tagger.retrain": N_("retrained the tagger"),
    "user.add": N_("added an account"),
    "user.password": N_("set a new password"),
    "user.deactivate": N_("deactivated an account"),
    "user.reactivate": N_("reactivated an account"),
    "user.delete": N_("deleted an account"),
    "token.create": N_("made an API token"),
    "token.revoke": N_("revoked an API token"),
    "sign-in": N_("signed in"),
    "sign-out": N_("signed out"),
    "sign-in.failed": N_("failed to sign in"),
    "download": N_("downloaded a file"),
    "access.refused": N_("was refused"),
}
# The recorded fields' names (keys of the before and after records) shown in words: the message
# each language translates; a field not listed is shown as recorded.
FIELD_TEXT: Mapping[str, str] = {
    "active": N_("active"),
    "address": N_("address"),
    "after": N_("after"),
    "API tokens revoked": N_("API tokens revoked"),
    "before": N_("before"),
    "by": N_("by"),
    "coder": N_("coder"),
    "country": N_("country"),
    "decided_by": N_("decided by"),
    "document": N_("document"),
    "feedback": N_("feedback"),
    "feedback_paragraphs": N_("feedback paragraphs"),
    "file": N_("file"),
    "format": N_("format"),
    "from": N_("from"),
    "kept": N_("kept"),
    "kind": N_("kind"),
    "label": N_("label"),
    "labels": N_("labels"),
    "method": N_("method"),
    "name": N_("name"),
    "paragraph_id": N_("paragraph id"),
    "paragraphs": N_("paragraphs"),
    "probability": N_("probability"),
    "reason": N_("reason"),
    "retagged": N_("retagged"),
    "review_cycle": N_("review cycle"),
    "role": N_("role"),
    "sessions ended": N_("sessions ended"),
    "source": N_("source"),
    "status": N_("status"),
    "tags": N_("tags"),
    "title": N_("title"),
    "to": N_("to"),
    "uploaded_by": N_("uploaded by"),
    "value": N_("value"),
    "version": N_("version"),
}
YES, NO, NONE = N_("yes"), N_("no"), N_("none")
LABEL_FIELDS = frozenset({"label", "labels"})
ANY_TARGET = "%(target)s"  # an object named by its data alone: nothing to translate
MISSING = "—"


@dataclass(frozen=True)
class FieldChange:
    """One field of a recorded object: its value before and after, as text."""

    name: str
    before: str
    after: str
    changed: bool


@dataclass(frozen=True)
class AuditLine:
    """An audit entry ready to show."""

    entry: AuditEntry
    what: str  # a message: pages translate it
    target: str  # a message with %(name)s places, filled from target_values
    href: str | None
    fields: tuple[FieldChange, ...]
    target_values: Mapping[str, str]


def _english(message: str) -> str:
    return message


def _text(name: str, value: Any, labels: LabelNames, message: Callable[[str], str]) -> str:
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return message(YES if value else NO)
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, list | tuple):
        items = [_text(name, item, labels, message) for item in value]
        return ", ".join(items) if items else message(NONE)
    if isinstance(value, str) and name in LABEL_FIELDS:
        return labels.code(value)
    return str(value)


def field_name(name: str, message: Callable[[str], str] = _english) -> str:
    """A recorded field's name in words ("review cycle"), each part of a nested one's
    ("before: f1") translated by `message` when known, else as recorded."""
    parts = name.split(": ")
    return ": ".join(
        message(FIELD_TEXT[part]) if part in FIELD_TEXT else part.replace("_", " ")
        for part in parts
    )


def _flat(record: Any) -> dict[str, Any]:
    """A recorded state as fields; nested records become "outer: inner" fields."""
    if not isinstance(record, Mapping):
        return {} if record is None else {"value": record}
    fields: dict[str, Any] = {}
    for key, value in record.items():
        if isinstance(value, Mapping):
            fields.update({f"{key}: {inner}": item for inner, item in value.items()})
        else:
            fields[str(key)] = value
    return fields


def field_changes(
    entry: AuditEntry, labels: LabelNames, message: Callable[[str], str] = _english
) -> tuple[FieldChange, ...]:
    """Every field of the entry's before and after states, in recorded order; names and words
    in the language `message` translates into (English by default)."""
    before, after = _flat(entry.before), _flat(entry.after)
    names = list(dict.fromkeys([*before, *after]))
    return tuple(
        FieldChange(
            field_name(name, message),
            _text(name, before.get(name), labels, message) if name in before else MISSING,
            _text(name, after.get(name), labels, message) if name in after else MISSING,
            entry.before is not None and before.get(name) != after.get(name),
        )
        for name in names
    )


def _paragraph_id(entry: AuditEntry) -> int | None:
    if entry.object_type == "paragraph":
        return int(entry.object_id) if entry.object_id.isdigit() else None
    for state in (entry.after, entry.before):
        if isinstance(state, Mapping) and isinstance(state.get("paragraph_id"), int):
            return int(state["paragraph_id"])
    return None


def _document_name(entry: AuditEntry) -> str | None:
    for state in (entry.after, entry.before):
        if isinstance(state, Mapping) and isinstance(state.get("name"), str):
            return str(state["name"])
    return None


def _existing(db: Database, entries: Sequence[AuditEntry]) -> tuple[set[str], set[str]]:
    """The document ids and account names the entries name that still exist."""
    documents = {e.object_id for e in entries if e.object_type == "document"}
    names = {e.object_id for e in entries if e.object_type == "user"}
    ids = [int(value) for value in documents if value.isdigit() and len(value) < 19]
    with db.sessions() as session:
        found = session.scalars(select(DocumentRow.id).where(DocumentRow.id.in_(ids)))
        kept = {str(value) for value in found}
        users = set(session.scalars(select(UserRow.name).where(UserRow.name.in_(names))))
    return kept, users


def audit_lines(
    db: Database,
    entries: Sequence[AuditEntry],
    labels: LabelNames,
    message: Callable[[str], str] = _english,
) -> list[AuditLine]:
    """The entries with their description, their object's link and their fields (the fields
    and paragraph names in the language `message` translates into)."""
    wanted = {pid for pid in map(_paragraph_id, entries) if pid is not None}
    links = paragraph_links(db, wanted)
    documents, users = _existing(db, entries)
    lines = []
    for entry in entries:
        target, href = ANY_TARGET, None
        values = {"target": f"{entry.object_type} {entry.object_id}", "id": entry.object_id}
        link = links.get(_paragraph_id(entry) or -1)
        if link is not None:
            target, href, values["target"] = ANY_TARGET, link.href, link.label_in(message)
            if entry.object_type == "tag":
                target = N_("tag %(id)s on %(target)s")
        elif entry.object_type == "document":
            name = _document_name(entry)
            if name is not None:
                target, values["target"] = N_("%(target)s (document %(id)s)"), name
            href = f"/documents/{entry.object_id}" if entry.object_id in documents else None
        elif entry.object_type == "user":
            target = N_("account %(id)s")
            href = f"/admin/users/{entry.object_id}" if entry.object_id in users else None
        elif entry.object_type in ("page", "export"):
            values["target"] = entry.object_id
        what = ACTION_TEXT.get(entry.action, entry.action)
        fields = field_changes(entry, labels, message)
        lines.append(AuditLine(entry, what, target, href, fields, values))
    return lines
