"""Fixtures of the web app tests: a seeded SQLite database (accounts of every role, a Jordanian
and an Egyptian document with proposed tags), copied fresh for each test, and signed-in clients."""

from __future__ import annotations

import hashlib
import re
import shutil
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from fastapi import FastAPI
from sqlalchemy import select

from gcm_review.model import (
    Attribution,
    Block,
    Evidence,
    Paragraph,
    RepairedDocument,
    SourceDocument,
    StructuredDocument,
    Tag,
)
from gcm_review.settings import Settings
from gcm_review.store import users as users_module
from gcm_review.store.database import Database, open_database
from gcm_review.store.documents import save_document
from gcm_review.store.tables import ParagraphRow, TagRow
from gcm_review.store.tags import save_tags
from gcm_review.store.users import add_user
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.web import create_app

with warnings.catch_warnings():
    # Starlette's test client prefers httpx2 and warns when it finds only httpx (a dev
    # dependency of this project); the warning says nothing about the code under test.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
ACCOUNTS = {  # role -> (account name, country)
    "admin": ("ada", None),
    "analyst": ("ana", None),
    "focal-point": ("farid", "JOR"),
    "viewer": ("vic", None),
}
ARABIC_TEXT = "تلتزم الحكومة بحماية حقوق العمال المهاجرين وتوفير المأوى لهم."
SCRIPT_TEXT = "Remittances matter. <script>alert('x')</script> & more"
EVIDENCE = (Evidence("lexicon.v1", 0.8, ("remittances",), "Remittances matter."),)
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass(frozen=True)
class Seed:
    """Ids of what the seeded database holds."""

    jordan: int  # document of JOR, 3 paragraphs (one Arabic, one with a <script> tag)
    egypt: int  # document of EGY
    jordan_paragraphs: tuple[int, ...]
    egypt_paragraphs: tuple[int, ...]
    jordan_tags: tuple[int, ...]  # proposed model tags, probabilities 0.55, 0.9, 0.2
    egypt_tags: tuple[int, ...]


def _document(name: str, country: str, texts: list[str]) -> StructuredDocument:
    blocks = tuple(Block(text=text, kind="line") for text in texts)
    source = SourceDocument(
        path=f"/tmp/{name}",
        name=name,
        sha256=hashlib.sha256("\n".join(texts).encode()).hexdigest(),
        format="text",
        blocks=blocks,
        encoding="utf-8",
    )
    who = Attribution(speaker="A delegate", country=country, stakeholder_group="member-state")
    paragraphs = tuple(
        Paragraph(
            index=index,
            text=text,
            number=str(index + 1),
            language="ar" if index == 1 else "en",
            attribution=who,
        )
        for index, text in enumerate(texts)
    )
    return StructuredDocument(
        repaired=RepairedDocument(source=source, blocks=blocks, repairs=()),
        title=f"Review of {country}",
        language="en",
        sections=(),
        paragraphs=paragraphs,
    )


def _proposals(db: Database, document_id: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    with db.sessions() as session:
        paragraph_ids = tuple(
            session.scalars(
                select(ParagraphRow.id)
                .where(ParagraphRow.document_id == document_id)
                .order_by(ParagraphRow.seq)
            )
        )
    tagged = [
        (pid, [Tag(label, probability, probability >= 0.5, "gcm-tagger.v2", EVIDENCE)])
        for pid, (label, probability) in zip(
            paragraph_ids,
            [("objective:20", 0.55), ("objective:6", 0.9), ("objective:7", 0.2)],
            strict=False,
        )
    ]
    save_tags(db, tagged)
    with db.sessions() as session:
        tag_ids = tuple(
            session.scalars(
                select(TagRow.id)
                .where(TagRow.paragraph_id.in_(paragraph_ids))
                .order_by(TagRow.paragraph_id)
            )
        )
    return paragraph_ids, tag_ids


def seed_database(url: str) -> Seed:
    """Accounts of every role and two tagged documents of different countries."""
    db = open_database(url)
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(users_module, "HASHER", CHEAP_HASHER)
            for role, (name, country) in ACCOUNTS.items():
                add_user(db, name, role=role, password=PASSWORD, country=country, by="test")
        texts = [
            "The ministry sends remittances home at low cost.",
            ARABIC_TEXT,
            SCRIPT_TEXT,
        ]
        jordan = save_document(db, _document("jordan.txt", "JOR", texts), reader="text.v1")
        egypt = save_document(
            db,
            _document("egypt.txt", "EGY", ["Egypt opened shelters for migrant workers."]),
            reader="text.v1",
        )
        jordan_paragraphs, jordan_tags = _proposals(db, jordan.document_id)
        egypt_paragraphs, egypt_tags = _proposals(db, egypt.document_id)
    finally:
        db.close()
    return Seed(
        jordan.document_id,
        egypt.document_id,
        jordan_paragraphs,
        egypt_paragraphs,
        jordan_tags,
        egypt_tags,
    )


@pytest.fixture(scope="session")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Seed]:
    """The seeded database file, made once per test session."""
    path = tmp_path_factory.mktemp("seed") / "gcm-review.db"
    return path, seed_database(f"sqlite:///{path}")


@pytest.fixture
def seed(seeded: tuple[Path, Seed]) -> Seed:
    return seeded[1]


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """argon2 with tiny costs, so that tests sign in fast (production keeps the defaults)."""
    monkeypatch.setattr(users_module, "HASHER", CHEAP_HASHER)


@pytest.fixture
def settings(tmp_path: Path, seeded: tuple[Path, Seed]) -> Settings:
    """Settings on a fresh copy of the seeded database, with the fake embedder."""
    database = tmp_path / "data" / "gcm-review.db"
    database.parent.mkdir()
    shutil.copyfile(seeded[0], database)
    return Settings(
        database_url=f"sqlite:///{database}",
        embedder="fake.v1",
        vector_cache="",
        max_file_mb=1.0,
        secret_key="test-secret-key",
        log_file=str(tmp_path / "gcm-review.log"),
    )


MakeApp = Callable[..., FastAPI]


@pytest.fixture
def make_app(settings: Settings, fake_tagger: GcmTagger) -> Iterator[MakeApp]:
    """Builds apps (settings changed by keyword), closed after the test."""
    apps: list[FastAPI] = []

    def build(**changes: object) -> FastAPI:
        app = create_app(replace(settings, **changes))  # type: ignore[arg-type]
        app.state.jobs.tagger_loader = lambda: fake_tagger
        apps.append(app)
        return app

    yield build
    for app in apps:
        app.state.jobs.shutdown()
        app.state.db.close()


@pytest.fixture
def app(make_app: MakeApp) -> FastAPI:
    return make_app()


@pytest.fixture
def db(app: FastAPI) -> Database:
    database: Database = app.state.db
    return database


def page_token(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = _CSRF.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1)


def sign_in(client: TestClient, name: str, password: str = PASSWORD) -> str:
    """Sign in through the form; returns the session's CSRF token."""
    token = page_token(client.get("/login").text)
    response = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    session = client.get("/api/session").json()
    assert session["user"]["name"] == name
    return str(session["csrf_token"])


@dataclass
class Visitor:
    """A test client, signed in as one role (or anonymous), with its CSRF token."""

    client: TestClient
    role: str
    token: str

    def post(self, path: str, data: dict[str, str] | None = None) -> object:
        return self.client.post(
            path, data={**(data or {}), "csrf_token": self.token}, follow_redirects=False
        )


@pytest.fixture
def visit(app: FastAPI) -> Callable[[str], Visitor]:
    """A client signed in as the account of a role ("anonymous": not signed in)."""

    def as_role(role: str) -> Visitor:
        client = TestClient(app)
        if role == "anonymous":
            token = client.get("/api/session").json()["csrf_token"]
            return Visitor(client, role, token)
        return Visitor(client, role, sign_in(client, ACCOUNTS[role][0]))

    return as_role
