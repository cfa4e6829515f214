"""Accounts in the web app: server-side sessions that end at sign-out, on deactivation, on a
password change and after their lifetime (a replayed cookie is refused); the users page;
personal API tokens as bearer tokens; the audit of sign-ins, downloads and refusals; no-store."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from markupsafe import escape
from sqlalchemy import update

from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import Database
from gcm_review.store.tables import SessionRow
from gcm_review.store.users import get_user_by_name, verify_password
from gcm_review.web.catalogues import translations
from gcm_review.web.password_words import HINT_TEXT, PROBLEM_TEXT
from web.conftest import PASSWORD, Seed, TestClient, Visitor, page_token, sign_in

NEW_PASSWORD = "a brand new passphrase"


Cookies = dict[str, str]


def cookies_of(client: TestClient) -> Cookies:
    """A copy of the client's cookies, as a thief would keep it."""
    return dict(client.cookies.items())


def replayed(app: FastAPI, cookies: Cookies) -> TestClient:
    """A new client sending exactly these cookies (a stolen or replayed cookie)."""
    thief = TestClient(app)
    for name, value in cookies.items():
        thief.cookies.set(name, value)
    return thief


def refused(app: FastAPI, cookies: Cookies, csrf: str, seed: Seed) -> None:
    """The cookies sign in no more: API 401 (a write with the session's CSRF token too), pages
    back to the sign-in form. Each request replays the cookies as they were copied."""
    path = f"/api/tags/{seed.jordan_tags[0]}/accept"
    post = replayed(app, cookies).post(path, headers={"X-CSRF-Token": csrf})
    assert post.status_code == 401
    assert replayed(app, cookies).get("/api/documents").status_code == 401
    page = replayed(app, cookies).get("/documents", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"].startswith("/login")


def test_a_replayed_cookie_is_refused_after_sign_out(app: FastAPI, seed: Seed) -> None:
    client = TestClient(app)
    csrf = sign_in(client, "ana")
    stolen = cookies_of(client)
    assert replayed(app, stolen).get("/api/documents").status_code == 200
    assert client.post("/logout", data={"csrf_token": csrf}).status_code == 200
    refused(app, stolen, csrf, seed)


def test_a_replayed_cookie_is_refused_after_deactivation(
    app: FastAPI, seed: Seed, visit: Callable[[str], Visitor]
) -> None:
    client = TestClient(app)
    csrf = sign_in(client, "ana")
    stolen = cookies_of(client)
    admin = visit("admin")
    assert admin.post("/admin/users/ana/active", {"active": "false"}).status_code == 303
    refused(app, stolen, csrf, seed)
    wrong = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf_token": csrf})
    assert wrong.status_code == 401
    # reactivated, the account signs in again, but the old cookie stays dead
    assert admin.post("/admin/users/ana/active", {"active": "true"}).status_code == 303
    sign_in(TestClient(app), "ana")
    refused(app, stolen, csrf, seed)


def test_a_password_change_ends_sessions(
    app: FastAPI, seed: Seed, db: Database, visit: Callable[[str], Visitor]
) -> None:
    client = TestClient(app)
    csrf = sign_in(client, "ana")
    admin = visit("admin")
    form = {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    assert admin.post("/admin/users/ana/password", form).status_code == 303
    refused(app, cookies_of(client), csrf, seed)
    assert verify_password(db, "ana", NEW_PASSWORD).name == "ana"
    sign_in(TestClient(app), "ana", NEW_PASSWORD)


def test_sessions_end_after_their_lifetime(app: FastAPI, seed: Seed, db: Database) -> None:
    client = TestClient(app)
    csrf = sign_in(client, "ana")
    assert client.get("/api/documents").status_code == 200
    thirteen_hours_ago = datetime.now(UTC) - timedelta(hours=13)
    with db.transaction() as session:
        session.execute(update(SessionRow).values(created_at=thirteen_hours_ago))
    refused(app, cookies_of(client), csrf, seed)


def test_the_session_hours_setting_sets_the_lifetime(
    make_app: Callable[..., FastAPI], seed: Seed
) -> None:
    app = make_app(session_hours=1)
    client = TestClient(app)
    csrf = sign_in(client, "ana")
    with app.state.db.transaction() as session:
        started = datetime.now(UTC) - timedelta(minutes=59)
        session.execute(update(SessionRow).values(created_at=started))
    assert client.get("/api/documents").status_code == 200
    with app.state.db.transaction() as session:
        started = datetime.now(UTC) - timedelta(minutes=61)
        session.execute(update(SessionRow).values(created_at=started))
    refused(app, cookies_of(client), csrf, seed)


def test_idle_sessions_end(make_app: Callable[..., FastAPI], seed: Seed) -> None:
    app = make_app(session_idle_minutes=30)
    client = TestClient(app)
    csrf = sign_in(client, "ana")
    half_an_hour_ago = datetime.now(UTC) - timedelta(minutes=31)
    with app.state.db.transaction() as session:
        session.execute(update(SessionRow).values(last_seen_at=half_an_hour_ago))
    refused(app, cookies_of(client), csrf, seed)


def test_the_cookie_holds_no_account_id(app: FastAPI) -> None:
    client = TestClient(app)
    sign_in(client, "ana")
    cookie = client.cookies["gcm_review_session"]
    data = json.loads(base64.b64decode(cookie.split(".")[0] + "=="))
    assert set(data) == {"session", "csrf"}


def test_signed_in_pages_and_api_answers_are_not_cached(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    analyst = visit("analyst").client
    for path in ("/documents", f"/documents/{seed.jordan}", "/api/documents", "/api/session"):
        assert analyst.get(path).headers["cache-control"] == "no-store", path
    assert analyst.get("/static/app.css").headers.get("cache-control") != "no-store"


def test_admin_manages_accounts(visit: Callable[[str], Visitor], db: Database) -> None:
    admin = visit("admin")
    page = admin.client.get("/admin/users").text
    assert all(name in page for name in ("ada", "ana", "farid", "vic"))
    form = {"name": "nora", "role": "viewer", "password": "Welcome2026!"}
    admin.post("/admin/users", {**form, "password_again": "Welcome2026!"})
    assert "commonly used passwords" in admin.client.get("/admin/users").text
    assert get_user_by_name(db, "nora") is None
    good = {**form, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    assert admin.post("/admin/users", good).status_code == 303
    assert "Added the account nora (viewer)" in admin.client.get("/admin/users").text
    sign_in(TestClient(admin.client.app), "nora", NEW_PASSWORD)
    admin.post("/admin/users/nora/delete", {"confirm": "nor"})
    assert "does not match" in admin.client.get("/admin/users/nora").text
    assert admin.post("/admin/users/nora/delete", {"confirm": "nora"}).status_code == 303
    assert get_user_by_name(db, "nora") is None
    actions = [entry.action for entry in list_audit(db, where=AuditFilter(user_name="ada"))]
    assert {"user.add", "user.delete"} <= set(actions)


def test_admin_cannot_lock_themselves_out(visit: Callable[[str], Visitor], db: Database) -> None:
    admin = visit("admin")
    admin.post("/admin/users/ada/active", {"active": "false"})
    assert "cannot deactivate your own account" in admin.client.get("/admin/users").text
    admin.post("/admin/users/ada/delete", {"confirm": "ada"})
    assert "cannot delete your own account" in admin.client.get("/admin/users").text
    user = get_user_by_name(db, "ada")
    assert user is not None and user.active


def test_changing_your_own_password_signs_you_out(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    admin = visit("admin")
    cookies = cookies_of(admin.client)
    form = {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD + "!"}
    admin.post("/admin/users/ada/password", form)
    assert "the two passwords differ" in admin.client.get("/admin/users/ada").text
    form["password_again"] = NEW_PASSWORD
    moved = admin.post("/admin/users/ada/password", form)
    assert moved.headers["location"] == "/login"  # type: ignore[attr-defined]
    refused(admin.client.app, cookies, admin.token, seed)  # type: ignore[arg-type]


def _make_token(visitor: Visitor, name: str = "nightly export") -> str:
    page = visitor.post("/account/tokens", {"name": name})
    html = page.text  # type: ignore[attr-defined]
    found = re.search(r'<code class="secret">([^<]+)</code>', html)
    assert found, html
    return found.group(1)


def test_api_tokens_sign_scripts_in_with_the_accounts_role(
    visit: Callable[[str], Visitor], app: FastAPI, seed: Seed, db: Database
) -> None:
    focal = visit("focal-point")
    secret = _make_token(focal)
    listed = focal.client.get("/account/tokens").text
    assert "nightly export" in listed and secret not in listed  # shown once
    script = TestClient(app)
    bearer = {"Authorization": f"Bearer {secret}"}
    documents = script.get("/api/documents", headers=bearer)
    assert documents.status_code == 200
    assert {doc["country"] for doc in documents.json()} == {"JOR"}
    assert script.get(f"/api/documents/{seed.egypt}", headers=bearer).status_code == 404
    # no CSRF token needed with a bearer token
    accepted = script.post(f"/api/tags/{seed.jordan_tags[0]}/accept", headers=bearer)
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    # pages take only the cookie
    page = script.get("/documents", headers=bearer, follow_redirects=False)
    assert page.status_code == 303
    [row] = re.findall(r'action="/account/tokens/(\d+)/revoke"', listed)
    assert focal.post(f"/account/tokens/{row}/revoke").status_code == 303
    assert script.get("/api/documents", headers=bearer).status_code == 401
    assert "Revoked" in focal.client.get("/account/tokens").text


def test_a_bad_bearer_token_does_not_fall_back_to_the_cookie(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    analyst = visit("analyst")
    wrong = {"Authorization": "Bearer gcmr_not-a-token", "X-CSRF-Token": analyst.token}
    assert analyst.client.get("/api/documents", headers=wrong).status_code == 401
    path = f"/api/tags/{seed.jordan_tags[0]}/accept"
    assert analyst.client.post(path, headers=wrong).status_code == 401


def test_tokens_stop_with_a_deactivated_account(
    visit: Callable[[str], Visitor], app: FastAPI
) -> None:
    secret = _make_token(visit("analyst"))
    bearer = {"Authorization": f"Bearer {secret}"}
    assert TestClient(app).get("/api/documents", headers=bearer).status_code == 200
    visit("admin").post("/admin/users/ana/active", {"active": "false"})
    assert TestClient(app).get("/api/documents", headers=bearer).status_code == 401


def test_sign_ins_sign_outs_and_failures_are_audited(app: FastAPI, db: Database) -> None:
    client = TestClient(app)
    token = page_token(client.get("/login").text)
    client.post("/login", data={"name": "ana", "password": "not it at all", "csrf_token": token})
    csrf = sign_in(client, "ana")
    client.post("/logout", data={"csrf_token": csrf})
    entries = list_audit(db, where=AuditFilter(user_name="ana"))
    assert [entry.action for entry in entries] == ["sign-out", "sign-in", "sign-in.failed"]
    assert entries[2].after == {"address": "testclient"}
    html = TestClient(app)
    sign_in(html, "ada")
    page = html.get("/audit", params={"who": "ana"}).text
    assert "failed to sign in" in page and "signed in" in page and "signed out" in page


def test_downloads_and_refusals_are_audited(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    focal = visit("focal-point").client
    assert focal.get("/exports/paragraphs.jsonl").status_code == 200
    assert focal.get("/audit").status_code == 403
    assert focal.get(f"/documents/{seed.egypt}").status_code == 404
    entries = list_audit(db, where=AuditFilter(user_name="farid"))
    by_action = {entry.action: entry for entry in reversed(entries)}
    assert by_action["download"].object_id == "/exports/paragraphs.jsonl"
    assert by_action["download"].after["file"].endswith("paragraphs.jsonl")
    refusals = [entry for entry in entries if entry.action == "access.refused"]
    assert [(e.object_id, e.after["status"]) for e in refusals] == [
        (f"/documents/{seed.egypt}", 404),
        ("/audit", 403),
    ]
    # not signed in: nothing to attribute, nothing recorded
    TestClient(focal.app).get("/audit")
    assert len(list_audit(db, where=AuditFilter(action="access.refused"))) == 2


@pytest.mark.parametrize("path", ["/documents/99999", "/login"])
def test_web_pages_never_tell_users_to_run_commands(
    visit: Callable[[str], Visitor], path: str
) -> None:
    html = visit("analyst").client.get(path).text
    assert "gcm-review " not in html.replace("gcm-review</a>", "")
    assert "<code>" not in html


def test_signing_in_again_ends_the_previous_session(app: FastAPI, seed: Seed) -> None:
    client = TestClient(app)
    csrf = sign_in(client, "ana")
    before = cookies_of(client)
    again = client.post(
        "/login",
        data={"name": "vic", "password": PASSWORD, "csrf_token": csrf},
        follow_redirects=False,
    )
    assert again.status_code == 303
    refused(app, before, csrf, seed)


def test_an_unknown_account_page_is_not_found(visit: Callable[[str], Visitor]) -> None:
    admin = visit("admin").client
    assert admin.get("/admin/users/nobody").status_code == 404
    assert 'value="viewer" selected' in admin.get("/admin/users").text


def test_api_errors_give_plain_advice_too(visit: Callable[[str], Visitor]) -> None:
    detail = visit("analyst").client.get("/api/documents/99999").json()["detail"]
    assert "gcm-review" not in detail and "`" not in detail
    assert detail.endswith("go back to the list of documents")


def test_changing_your_password_on_your_account_page(
    visit: Callable[[str], Visitor], app: FastAPI, seed: Seed, db: Database
) -> None:
    viewer = visit("viewer")
    cookies = cookies_of(viewer.client)
    assert "Change your password" in viewer.client.get("/account/tokens").text
    form = {"current": "not my password", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    viewer.post("/account/password", form)
    assert "current password is wrong" in viewer.client.get("/account/password").text
    weak = {
        **form,
        "current": PASSWORD,
        "password": "vic-vic-vic-1",
        "password_again": "vic-vic-vic-1",
    }
    viewer.post("/account/password", weak)
    assert "account name" in viewer.client.get("/account/password").text
    moved = viewer.post("/account/password", {**form, "current": PASSWORD})
    assert moved.headers["location"] == "/login"  # type: ignore[attr-defined]
    refused(app, cookies, viewer.token, seed)
    assert verify_password(db, "vic", NEW_PASSWORD).name == "vic"
    [entry] = list_audit(db, where=AuditFilter(action="user.password"))
    assert entry.user_name == "vic"


def test_guessing_the_current_password_is_throttled(visit: Callable[[str], Visitor]) -> None:
    viewer = visit("viewer")
    form = {"current": "a guess", "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    for _ in range(5):
        viewer.post("/account/password", form)
    viewer.post("/account/password", {**form, "current": PASSWORD})
    assert "too many failed sign-ins" in viewer.client.get("/account/password").text


def test_password_refusals_follow_the_page_language(visit: Callable[[str], Visitor]) -> None:
    french, arabic = translations("fr").gettext, translations("ar").gettext
    admin = visit("admin")
    admin.post("/language", {"language": "fr", "next": "/"})
    form = {"name": "nora", "role": "viewer", "password": "Welcome2026!"}
    admin.post("/admin/users", {**form, "password_again": "Welcome2026!"})
    page = admin.client.get("/admin/users").text
    assert escape(french(PROBLEM_TEXT["common"])) in page
    assert escape(french(HINT_TEXT)) in page and "commonly used" not in page
    short = {"password": "short", "password_again": "short"}
    admin.post("/admin/users/vic/password", short)
    page = admin.client.get("/admin/users/vic").text
    assert escape(french(PROBLEM_TEXT["too-short"]) % {"count": 10}) in page
    viewer = visit("viewer")
    viewer.post("/language", {"language": "ar", "next": "/"})
    own = {"current": PASSWORD, "password": "vic-vic-vic-1", "password_again": "vic-vic-vic-1"}
    viewer.post("/account/password", own)
    page = viewer.client.get("/account/password").text
    assert escape(arabic(PROBLEM_TEXT["account-name"])) in page
    assert "account name" not in page


def test_other_account_errors_stay_as_the_core_words_them(
    visit: Callable[[str], Visitor],
) -> None:
    admin = visit("admin")
    admin.post("/language", {"language": "fr", "next": "/"})
    differ = {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD + "!"}
    admin.post("/admin/users/vic/password", differ)
    assert "the two passwords differ" in admin.client.get("/admin/users/vic").text
