"""The fixtures the whole test suite shares: the real report in ../shared, PostgreSQL, documents
built in code, the fake tagger, and the guards that keep tests off the user's files.

Fixtures used by one folder only live in that folder's conftest.py: tests/web (a seeded database
and signed-in clients), tests/browser (a live server and Chromium), tests/report (a small
synthesis built by hand).
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from gcm_review.logs import log_file_in_use, setup_logging
from gcm_review.model import (
    Attribution,
    Block,
    Paragraph,
    Repair,
    RepairedDocument,
    Section,
    SourceDocument,
    StructuredDocument,
)
from gcm_review.store.database import Database, open_database
from gcm_review.tagging.run import load_tagger
from gcm_review.tagging.tagger import GcmTagger

REPO_ROOT = Path(__file__).resolve().parents[1]


def _shared_dir() -> Path:
    configured = os.environ.get("GCM_REVIEW_SHARED_DIR")
    return Path(configured) if configured else REPO_ROOT.parent / "shared"


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder (corpus, gold); tests read it in place, never copy it.

    Every test on the real report reaches it through this fixture. A clone with nothing beside it
    skips those tests, all for the one reason below; under CI=true a missing folder is a failure,
    so CI always runs them.
    """
    path = _shared_dir()
    if not path.is_dir():
        reason = (
            f"the real Arab States report is not here: no shared data folder at {path} "
            "(clone next to shared/, or set GCM_REVIEW_SHARED_DIR)"
        )
        if _in_ci():
            pytest.fail(f"{reason}; CI=true needs it", pytrace=False)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def arab_states_report(shared_dir: Path) -> Path:
    """The 2021 Arab States outcome report as extracted text, damage included."""
    return shared_dir / "corpus" / "arab-states-2021" / "outcome-report.txt"


# --- documents built in code -------------------------------------------------------------------


def make_structured_document(
    *,
    name: str = "sample.txt",
    content: str = "1. The ministry opened a shelter for migrant workers.",
    paragraphs: int = 2,
) -> StructuredDocument:
    """A small StructuredDocument whose hash follows its content."""
    source = SourceDocument(
        path=f"/tmp/{name}",
        name=name,
        sha256=hashlib.sha256(content.encode()).hexdigest(),
        format="text",
        blocks=(Block(text=content, kind="line"),),
        encoding="utf-8",
    )
    repaired = RepairedDocument(
        source=source,
        blocks=source.blocks,
        repairs=(Repair(kind="hyphenation", block=0, page=None, removed="-\n"),),
    )
    section = Section(title="Roundtable 2", level=1, kind="roundtable", objective_refs=(4, 8))
    paras = tuple(
        Paragraph(
            index=i,
            text=f"{content} ({i})",
            number=str(i + 1),
            section=("Roundtable 2",),
            language="en",
            attribution=Attribution(
                speaker="Ms. Example", country="JOR", stakeholder_group="member-state"
            ),
            objective_refs=(6,),
            section_objective_refs=(4, 8),
        )
        for i in range(paragraphs)
    )
    return StructuredDocument(
        repaired=repaired, title="Sample", language="en", sections=(section,), paragraphs=paras
    )


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A fresh SQLite database file per test."""
    return f"sqlite:///{tmp_path / 'gcm-review.db'}"


# --- a real PostgreSQL server, started from Debian's packages ----------------------------------


def _postgres_bin() -> Path | None:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return candidates[-1].parent if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """URL of a PostgreSQL server: GCM_REVIEW_TEST_POSTGRES_URL, or one started for the session."""
    configured = os.environ.get("GCM_REVIEW_TEST_POSTGRES_URL")
    if configured:
        yield configured
        return
    bindir = _postgres_bin()
    if bindir is None:
        pytest.fail(
            "PostgreSQL server not installed: run `make system-packages` (Debian postgresql)"
        )
    data = Path(tempfile.mkdtemp(prefix="gcm-review-pg-"))
    data.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
    port = _free_port()
    run = functools.partial(subprocess.run, check=True, capture_output=True)
    run(
        _as_postgres_user(
            [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres", "--no-sync"]
        )
    )
    options = f"-F -k {data} -p {port} -c listen_addresses=127.0.0.1"
    run(
        _as_postgres_user(
            [
                str(bindir / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-w",
                "start",
                "-l",
                str(data / "server.log"),
            ]
        )
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        run(_as_postgres_user([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"]))
        shutil.rmtree(data, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database per test, dropped afterwards."""
    import psycopg

    name = f"gcm_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = postgres_server.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each storage test runs on SQLite and on a real PostgreSQL server."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'gcm-review.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def db(database_url: str) -> Iterator[Database]:
    """An opened, migrated database on SQLite and on PostgreSQL (see `database_url`)."""
    database = open_database(database_url)
    yield database
    database.close()


@pytest.fixture
def make_document() -> Callable[..., StructuredDocument]:
    """Factory for small StructuredDocuments built in code."""
    return make_structured_document


# --- tagging ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def fake_tagger() -> GcmTagger:
    """The tagger trained on the shipped examples with the deterministic fake embedder."""
    return load_tagger(embedder="fake.v1", cache_path=None)


@pytest.fixture(autouse=True)
def no_vector_cache_on_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never write the user's vector cache."""
    monkeypatch.setenv("GCM_REVIEW_VECTOR_CACHE", "")


@pytest.fixture(scope="session")
def test_log_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The log file of the test session, under pytest's temporary folder."""
    return tmp_path_factory.getbasetemp() / "gcm-review.log"


@pytest.fixture(autouse=True)
def no_log_file_in_home(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory, test_log_file: Path
) -> Iterator[None]:
    """Tests never write the user's log file: settings loaded from the environment point at the
    session's temporary log, and a test that sets up logging elsewhere fails."""
    monkeypatch.setenv("GCM_REVIEW_LOG_FILE", str(test_log_file))
    yield
    in_use = log_file_in_use()
    if in_use is not None and not in_use.is_relative_to(tmp_path_factory.getbasetemp()):
        setup_logging(None)
        pytest.fail(f"a test set up logging to {in_use}, outside the temporary folder")
