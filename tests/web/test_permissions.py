"""The permission matrix: every role (and an anonymous visitor) against every action, as data.

A focal point of Jordan guessing the id of an Egyptian document, paragraph or tag gets 404 and
never its text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from gcm_review.store.users import ROLES, User
from gcm_review.web.permissions import ACTIONS, PERMISSIONS, allows, allows_on
from web.conftest import Seed, Visitor

VISITORS = (*ROLES, "anonymous")
EGYPT_TEXT = "Egypt opened shelters"
LOGIN = "login"  # a redirect to the sign-in page
UPLOAD = {
    "file": ("report.txt", b"1. Jordan\n\nThe ministry cut recruitment fees.\n", "text/plain")
}


@dataclass(frozen=True)
class Case:
    """One request, and what each visitor gets: a status, or LOGIN."""

    name: str
    method: str
    path: str  # formatted with the seed's ids
    expect: tuple[int | str, ...]  # admin, analyst, focal-point, viewer, anonymous
    form: dict[str, str] | None = None
    json: dict[str, Any] | None = None
    upload: bool = False


CASES = (
    Case("documents page", "GET", "/documents", (200, 200, 200, 200, LOGIN)),
    Case("own document page", "GET", "/documents/{jordan}", (200, 200, 200, 200, LOGIN)),
    Case("other country's document", "GET", "/documents/{egypt}", (200, 200, 404, 200, LOGIN)),
    Case("review queue", "GET", "/review", (200, 200, 200, 403, LOGIN)),
    Case("audit log", "GET", "/audit", (200, 403, 403, 403, LOGIN)),
    Case("delete form", "GET", "/documents/{jordan}/delete", (200, 403, 403, 403, LOGIN)),
    Case("delete", "POST", "/documents/{jordan}/delete", (303, 403, 403, 403, LOGIN), form={}),
    Case("accept own", "POST", "/tags/{jordan_tag}/accept", (303, 303, 303, 403, LOGIN), form={}),
    Case("accept other", "POST", "/tags/{egypt_tag}/accept", (303, 303, 404, 403, LOGIN), form={}),
    Case("reject other", "POST", "/tags/{egypt_tag}/reject", (303, 303, 404, 403, LOGIN), form={}),
    Case(
        "add own",
        "POST",
        "/paragraphs/{jordan_paragraph}/tags",
        (303, 303, 303, 403, LOGIN),
        form={"label": "objective:1"},
    ),
    Case(
        "add other",
        "POST",
        "/paragraphs/{egypt_paragraph}/tags",
        (303, 303, 404, 403, LOGIN),
        form={"label": "objective:1"},
    ),
    Case("upload", "POST", "/documents/upload", (303, 303, 303, 403, LOGIN), upload=True),
    Case("api documents", "GET", "/api/documents", (200, 200, 200, 200, 401)),
    Case("api other document", "GET", "/api/documents/{egypt}", (200, 200, 404, 200, 401)),
    Case(
        "api other paragraph",
        "GET",
        "/api/paragraphs/{egypt_paragraph}",
        (200, 200, 404, 200, 401),
    ),
    Case("api accept other", "POST", "/api/tags/{egypt_tag}/accept", (200, 200, 404, 403, 401)),
    Case("api reject own", "POST", "/api/tags/{jordan_tag}/reject", (200, 200, 200, 403, 401)),
    Case(
        "api add own",
        "POST",
        "/api/tags",
        (201, 201, 201, 403, 401),
        json={"paragraph_id": "{jordan_paragraph}", "label": "objective:2"},
    ),
    Case(
        "api add other",
        "POST",
        "/api/tags",
        (201, 201, 404, 403, 401),
        json={"paragraph_id": "{egypt_paragraph}", "label": "objective:2"},
    ),
    Case("api review queue", "GET", "/api/review-queue", (200, 200, 200, 403, 401)),
    Case("api delete", "DELETE", "/api/documents/{egypt}", (200, 403, 403, 403, 401)),
    Case("api upload", "POST", "/api/documents", (202, 202, 202, 403, 401), upload=True),
    # The analysis pages: the matrix, the synthesis, search, agreement, coding, exports, training.
    Case("matrix", "GET", "/matrix", (200, 200, 200, 200, LOGIN)),
    Case("own matrix cell", "GET", "/matrix/cell/JOR/20", (200, 200, 200, 200, LOGIN)),
    Case("other matrix cell", "GET", "/matrix/cell/EGY/20", (200, 200, 404, 200, LOGIN)),
    Case("synthesis", "GET", "/synthesis", (200, 200, 200, 200, LOGIN)),
    Case("search", "GET", "/search?q=shelters+migrant", (200, 200, 200, 200, LOGIN)),
    Case("agreement", "GET", "/agreement", (200, 200, 403, 403, LOGIN)),
    Case("coding", "GET", "/coding?document={jordan}", (200, 200, 403, 403, LOGIN)),
    Case(
        "code",
        "POST",
        "/coding/{jordan_paragraph}",
        (303, 303, 403, 403, LOGIN),
        form={"label": "objective:1"},
    ),
    Case("exports", "GET", "/exports", (200, 200, 200, 403, LOGIN)),
    Case("export file", "GET", "/exports/paragraphs.jsonl", (200, 200, 200, 403, LOGIN)),
    Case("training", "GET", "/admin/training", (200, 403, 403, 403, LOGIN)),
    # Accounts: the users page is for admins; every account manages its own API tokens.
    Case("users", "GET", "/admin/users", (200, 403, 403, 403, LOGIN)),
    Case("one user", "GET", "/admin/users/vic", (200, 403, 403, 403, LOGIN)),
    Case(
        "deactivate",
        "POST",
        "/admin/users/vic/active",
        (303, 403, 403, 403, LOGIN),
        form={"active": "false"},
    ),
    Case("api tokens", "GET", "/account/tokens", (200, 200, 200, 200, LOGIN)),
    Case("own password", "GET", "/account/password", (200, 200, 200, 200, LOGIN)),
    Case("make token", "POST", "/account/tokens", (201, 201, 201, 201, LOGIN), form={"name": "x"}),
    Case("retrain", "POST", "/admin/training", (303, 403, 403, 403, LOGIN), form={}),
    Case("api matrix", "GET", "/api/matrix", (200, 200, 200, 200, 401)),
    Case("api other cell", "GET", "/api/matrix/cell/EGY/20", (200, 200, 404, 200, 401)),
    Case("api synthesis", "GET", "/api/synthesis", (200, 200, 200, 200, 401)),
    Case("api search", "GET", "/api/search?q=shelters", (200, 200, 200, 200, 401)),
    Case("api agreement", "GET", "/api/agreement", (200, 200, 403, 403, 401)),
    Case(
        "api code other",
        "POST",
        "/api/coding/{egypt_paragraph}",
        (200, 200, 403, 403, 401),
        json={"labels": ["objective:1"]},
    ),
    Case("api export", "GET", "/api/exports/paragraphs.jsonl", (200, 200, 200, 403, 401)),
    Case("api training runs", "GET", "/api/training-runs", (200, 403, 403, 403, 401)),
    Case("api retrain", "POST", "/api/training", (202, 403, 403, 403, 401), json={}),
)


def ids(seed: Seed) -> dict[str, int]:
    return {
        "jordan": seed.jordan,
        "egypt": seed.egypt,
        "jordan_paragraph": seed.jordan_paragraphs[0],
        "egypt_paragraph": seed.egypt_paragraphs[0],
        "jordan_tag": seed.jordan_tags[0],
        "egypt_tag": seed.egypt_tags[0],
    }


def send(visitor: Visitor, case: Case, seed: Seed) -> Any:
    known = ids(seed)
    path = case.path.format(**known)
    headers = {"X-CSRF-Token": visitor.token} if path.startswith("/api/") else {}
    data = {**(case.form or {}), "csrf_token": visitor.token}
    body = None
    if case.json is not None:
        body = {k: int(v.format(**known)) if "{" in str(v) else v for k, v in case.json.items()}
    return visitor.client.request(
        case.method,
        path,
        headers=headers,
        data=data if case.method == "POST" and case.json is None else None,
        json=body,
        files=UPLOAD if case.upload else None,
        follow_redirects=False,
    )


@pytest.mark.parametrize("role", VISITORS)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_permission_matrix(
    case: Case, role: str, visit: Callable[[str], Visitor], seed: Seed
) -> None:
    visitor = visit(role)
    expected = case.expect[VISITORS.index(role)]
    response = send(visitor, case, seed)
    if expected == LOGIN:
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login?next=")
    else:
        assert response.status_code == expected, response.text[:300]
        if expected == 303:
            assert not response.headers["location"].startswith("/login")
    if role == "focal-point" or expected in (401, 403, 404, LOGIN):
        assert EGYPT_TEXT not in response.text


# The role table itself, written out a second time on purpose.
EXPECTED_ACTIONS = {
    "admin": set(ACTIONS),
    "analyst": {
        "document.read",
        "document.upload",
        "document.edit",
        "tag.review",
        "export",
        "agreement.read",
        "synthesis.read",
        "paragraph.code",
    },
    "focal-point": {"document.read", "document.upload", "tag.review", "synthesis.read", "export"},
    "viewer": {"document.read", "synthesis.read"},
}


def account(role: str, country: str | None = None, *, active: bool = True) -> User:
    from datetime import UTC, datetime

    return User(1, "someone", role, country, active, datetime.now(UTC))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
def test_role_table(role: str, action: str) -> None:
    user = account(role, "JOR" if role == "focal-point" else None)
    assert allows(user, action) is (action in EXPECTED_ACTIONS[role])


def test_every_role_has_a_row() -> None:
    assert set(PERMISSIONS) == set(ROLES)


def test_focal_point_scope_and_disabled_accounts() -> None:
    focal = account("focal-point", "JOR")
    assert allows_on(focal, "document.read", "JOR")
    assert not allows_on(focal, "document.read", "EGY")
    assert not allows_on(focal, "tag.review", None)
    assert allows_on(account("analyst"), "tag.review", "EGY")
    # A focal point's matrix, synthesis and exports hold their own country's documents only.
    for action in ("synthesis.read", "export"):
        assert allows_on(focal, action, "JOR")
        assert not allows_on(focal, action, "EGY")
    assert not allows(account("admin", active=False), "document.read")
    with pytest.raises(ValueError, match="unknown action"):
        allows(focal, "document.burn")
