"""Who may do what: the role x action table, as data.

A focal point's permissions hold only for the documents of their own country; the store reads
everything through `User.may_see`, so other countries' documents simply do not exist for them.
The matrix, the synthesis and the exports they get are computed from their country's documents
only.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from gcm_review.store.users import User

ACTIONS: tuple[str, ...] = (
    "document.read",
    "document.upload",
    "document.delete",
    "document.edit",
    "tag.review",
    "user.manage",
    "audit.read",
    "export",
    "retrain",
    "agreement.read",
    "synthesis.read",
    "paragraph.code",
)

# What each action lets an account do, for messages ("your role may not ...").
ACTION_TEXT: Mapping[str, str] = MappingProxyType(
    {
        "document.read": "read documents",
        "document.upload": "upload documents",
        "document.delete": "delete documents",
        "document.edit": "correct documents and decide on copies and versions",
        "tag.review": "review tags",
        "user.manage": "manage accounts",
        "audit.read": "read the audit log",
        "export": "export data",
        "retrain": "retrain the tagger",
        "agreement.read": "see inter-coder agreement",
        "synthesis.read": "read the matrix and the synthesis",
        "paragraph.code": "code paragraphs independently",
    }
)

PERMISSIONS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "admin": frozenset(ACTIONS),
        "analyst": frozenset(
            {
                "document.read",
                "document.upload",
                "document.edit",
                "tag.review",
                "export",
                "agreement.read",
                "synthesis.read",
                "paragraph.code",
            }
        ),
        "focal-point": frozenset(
            {"document.read", "document.upload", "tag.review", "synthesis.read", "export"}
        ),
        "viewer": frozenset({"document.read", "synthesis.read"}),
    }
)

# Actions that a focal point may take on their own country's documents only.
COUNTRY_SCOPED: frozenset[str] = frozenset(
    {
        "document.read",
        "document.upload",
        "document.delete",
        "tag.review",
        "synthesis.read",
        "export",
        "paragraph.code",
    }
)


def allows(user: User, action: str) -> bool:
    """Whether the user's role allows the action at all."""
    if action not in ACTION_TEXT:
        raise ValueError(f"unknown action {action!r}")
    return user.active and action in PERMISSIONS.get(user.role, frozenset())


def allows_on(user: User, action: str, document_country: str | None) -> bool:
    """Whether the user may take the action on a document of that country."""
    if not allows(user, action):
        return False
    return action not in COUNTRY_SCOPED or user.may_see(document_country)
