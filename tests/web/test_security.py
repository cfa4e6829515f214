"""Security of the web app: CSRF, cookies, sign-in rate limiting, escaping, headers, redirects."""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi import FastAPI
from sqlalchemy import update

from gcm_review.errors import TooManyAttempts
from gcm_review.settings import Settings
from gcm_review.store.browse import get_tag
from gcm_review.store.database import Database
from gcm_review.store.tables import UserRow
from gcm_review.store.users import get_user_by_name
from gcm_review.web.security import SECRET_FILE_NAME, LoginLimiter, session_secret
from web.conftest import (
    PASSWORD,
    SCRIPT_TEXT,
    MakeApp,
    Seed,
    TestClient,
    Visitor,
    page_token,
    sign_in,
)


def analyst_tag_status(db: Database, seed: Seed) -> str:
    user = get_user_by_name(db, "ana")
    assert user is not None
    return get_tag(db, seed.jordan_tags[0], user=user).status


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_form_post_without_the_right_token_is_refused(
    token: str | None, visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    client = visit("analyst").client
    data = {} if token is None else {"csrf_token": token}
    response = client.post(f"/tags/{seed.jordan_tags[0]}/accept", data=data)
    assert response.status_code == 403
    assert "CSRF" in response.text
    assert analyst_tag_status(db, seed) == "proposed"


def test_api_post_needs_the_token_header(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    analyst = visit("analyst")
    path = f"/api/tags/{seed.jordan_tags[0]}/accept"
    refused = analyst.client.post(path)
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    assert analyst.client.post(path, headers={"X-CSRF-Token": "nope"}).status_code == 403
    assert analyst_tag_status(db, seed) == "proposed"
    accepted = analyst.client.post(path, headers={"X-CSRF-Token": analyst.token})
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "accepted"


def test_sign_in_form_needs_the_token(app: FastAPI) -> None:
    client = TestClient(app)
    client.get("/login")
    response = client.post("/login", data={"name": "ana", "password": PASSWORD})
    assert response.status_code == 403
    assert client.get("/api/session").json()["user"] is None


def test_session_cookie_is_httponly_and_samesite(app: FastAPI) -> None:
    response = TestClient(app).get("/login")
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" not in cookie


def test_secure_cookies_setting(make_app: MakeApp) -> None:
    response = TestClient(make_app(secure_cookies=True)).get("/login")
    assert "; secure" in response.headers["set-cookie"].lower()


def test_pages_have_a_strict_content_security_policy(app: FastAPI) -> None:
    headers = TestClient(app).get("/login").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"


def test_repeated_wrong_passwords_are_rate_limited(app: FastAPI) -> None:
    client = TestClient(app)
    token = page_token(client.get("/login").text)
    for _ in range(5):
        wrong = client.post(
            "/login", data={"name": "ana", "password": "wrong password!", "csrf_token": token}
        )
        assert wrong.status_code == 401
        assert "Wrong name or password" in wrong.text
    blocked = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf_token": token})
    assert blocked.status_code == 429
    assert "too many failed sign-ins" in blocked.text
    assert int(blocked.headers["retry-after"]) > 0
    # Another account from the same address is not locked out.
    other = client.post(
        "/login",
        data={"name": "vic", "password": PASSWORD, "csrf_token": token},
        follow_redirects=False,
    )
    assert other.status_code == 303


def test_limiter_forgets_after_the_window_and_on_success() -> None:
    now = [1000.0]
    limiter = LoginLimiter(account_failures=2, window=60, clock=lambda: now[0])
    limiter.failed("Ana", "10.0.0.1")
    limiter.failed("ana", "10.0.0.1")
    with pytest.raises(TooManyAttempts) as refused:
        limiter.check("ANA", "10.0.0.1")
    assert refused.value.retry_after == 61
    limiter.check("ana", "10.0.0.2")  # another address
    now[0] += 61
    limiter.check("ana", "10.0.0.1")
    limiter.failed("ana", "10.0.0.1")
    limiter.failed("ana", "10.0.0.1")
    limiter.succeeded("ana", "10.0.0.1")
    limiter.check("ana", "10.0.0.1")


def test_a_guesser_cannot_lock_the_owner_out() -> None:
    """Per account: once an account has had `account_failures` failures, each address that
    failed on it waits; an address that has not failed on it still gets its try."""
    now = [0.0]
    limiter = LoginLimiter(
        account_failures=3, address_failures=100, window=60, clock=lambda: now[0]
    )
    for _ in range(3):
        limiter.failed("ana", "6.6.6.6")
    with pytest.raises(TooManyAttempts, match="for 'ana' from your address"):
        limiter.check("ana", "6.6.6.6")
    limiter.check("ana", "10.0.0.1")  # the owner, elsewhere: may sign in
    limiter.check("vic", "6.6.6.6")  # other accounts from the guesser's address: not locked
    limiter.failed("ana", "7.7.7.7")  # a new address gets one guess, then waits
    with pytest.raises(TooManyAttempts):
        limiter.check("ana", "7.7.7.7")
    now[0] += 61
    limiter.check("ana", "6.6.6.6")
    limiter.check("ana", "7.7.7.7")


def test_one_password_across_many_names_is_slowed() -> None:
    """Per address: `address_failures` failures from one address, whatever the names, stop
    that address for every name until the oldest leaves the window."""
    now = [0.0]
    limiter = LoginLimiter(account_failures=5, address_failures=4, window=60, clock=lambda: now[0])
    for name in ("ana", "vic", "ada", "farid"):
        limiter.failed(name, "6.6.6.6")
        now[0] += 1
    with pytest.raises(TooManyAttempts, match="from your address") as refused:
        limiter.check("nora", "6.6.6.6")
    assert refused.value.retry_after == 57
    limiter.check("nora", "10.0.0.1")
    now[0] += 57
    limiter.check("nora", "6.6.6.6")


def test_the_right_password_from_another_address_works_during_a_guessing_attack(
    app: FastAPI,
) -> None:
    guesser = TestClient(app, client=("6.6.6.6", 4000))
    token = page_token(guesser.get("/login").text)
    for _ in range(8):
        guesser.post(
            "/login", data={"name": "ana", "password": "guess guess!", "csrf_token": token}
        )
    blocked = guesser.post(
        "/login", data={"name": "ana", "password": PASSWORD, "csrf_token": token}
    )
    assert blocked.status_code == 429
    owner = TestClient(app, client=("10.0.0.1", 4000))
    sign_in(owner, "ana")


def test_many_names_from_one_address_are_throttled(app: FastAPI) -> None:
    sprayer = TestClient(app, client=("6.6.6.6", 4000))
    token = page_token(sprayer.get("/login").text)
    for number in range(20):
        name = f"user{number}"
        wrong = sprayer.post(
            "/login", data={"name": name, "password": "Summer2026!", "csrf_token": token}
        )
        assert wrong.status_code == 401
    blocked = sprayer.post(
        "/login", data={"name": "vic", "password": PASSWORD, "csrf_token": token}
    )
    assert blocked.status_code == 429
    sign_in(TestClient(app, client=("10.0.0.1", 4000)), "vic")


def test_script_in_a_paragraph_renders_as_text(visit: Callable[[str], Visitor], seed: Seed) -> None:
    html = visit("viewer").client.get(f"/documents/{seed.jordan}").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more" in html
    queue = visit("analyst").client.get("/review").text
    assert "<script>alert" not in queue
    api = visit("viewer").client.get(f"/api/paragraphs/{seed.jordan_paragraphs[2]}")
    assert api.headers["content-type"] == "application/json"
    assert api.json()["text"] == SCRIPT_TEXT


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:x"]
)
def test_sign_in_never_redirects_off_site(app: FastAPI, target: str) -> None:
    client = TestClient(app)
    token = page_token(client.get("/login").text)
    response = client.post(
        "/login",
        data={"name": "ana", "password": PASSWORD, "csrf_token": token, "next": target},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/documents"


def test_sign_in_returns_to_the_page_asked_for(app: FastAPI, seed: Seed) -> None:
    client = TestClient(app)
    asked = client.get(f"/documents/{seed.jordan}?page=1", follow_redirects=False)
    assert asked.status_code == 303
    form = client.get(asked.headers["location"]).text
    assert f'value="/documents/{seed.jordan}?page=1"' in form
    response = client.post(
        "/login",
        data={
            "name": "ana",
            "password": PASSWORD,
            "csrf_token": page_token(form),
            "next": f"/documents/{seed.jordan}?page=1",
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/documents/{seed.jordan}?page=1"


def test_sign_out_ends_the_session(visit: Callable[[str], Visitor]) -> None:
    analyst = visit("analyst")
    assert analyst.post("/logout").status_code == 303
    assert analyst.client.get("/documents", follow_redirects=False).status_code == 303
    assert analyst.client.get("/api/documents").status_code == 401


def test_disabled_account_loses_its_session_and_cannot_sign_in(
    visit: Callable[[str], Visitor], db: Database, app: FastAPI
) -> None:
    analyst = visit("analyst")
    with db.transaction() as session:
        session.execute(update(UserRow).where(UserRow.name == "ana").values(active=False))
    assert analyst.client.get("/api/documents").status_code == 401
    client = TestClient(app)
    token = page_token(client.get("/login").text)
    refused = client.post("/login", data={"name": "ana", "password": PASSWORD, "csrf_token": token})
    assert refused.status_code == 401


def test_forged_session_cookie_is_ignored(app: FastAPI) -> None:
    client = TestClient(app)
    client.cookies.set("gcm_review_session", "eyJ1c2VyX2lkIjogMX0=.forged.signature")
    assert client.get("/api/session").json()["user"] is None


def test_session_secret_is_kept_beside_a_sqlite_database(
    make_app: MakeApp, settings: Settings
) -> None:
    first = make_app(secret_key="")
    client = TestClient(first)
    sign_in(client, "ana")
    secret_file = Path(settings.database_url.removeprefix("sqlite:///")).parent / SECRET_FILE_NAME
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    # A restarted server reads the same key, so the session survives.
    restarted = TestClient(make_app(secret_key=""))
    restarted.cookies = client.cookies
    assert restarted.get("/api/session").json()["user"]["name"] == "ana"


def test_session_secret_from_settings_or_memory() -> None:
    assert session_secret(Settings(secret_key="given")) == "given"
    memory = Settings(database_url="sqlite:///:memory:")
    assert session_secret(memory) != session_secret(memory)
    assert len(session_secret(memory)) >= 40
