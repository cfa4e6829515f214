"""Storage and outputs under hostile conditions (issue 13): analysts' decisions across re-tagging,
processes racing to open or write one database, kill -9 during a review, NUL characters and bad
database URLs. On SQLite and PostgreSQL wherever a database is involved."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

import gcm_review.samples
from gcm_review.cli.app import app
from gcm_review.settings import Settings
from gcm_review.store.database import Database, open_database, schema_is_current
from gcm_review.store.documents import document_record
from gcm_review.store.review_actions import accept_tag, add_tag, reject_tag
from gcm_review.store.review_input import load_review_input
from gcm_review.store.tables import DocumentRow, TagRow
from gcm_review.store.users import User
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.workflows.ingest import ingest_paths
from gcm_review.workflows.review import run_review
from gcm_review.workflows.tagging import tag_documents

pytestmark = pytest.mark.reliability

SAMPLE = Path(gcm_review.samples.__file__).parent / "corpus" / "arab-regional-review-2025-en.txt"
ANALYST = User(1, "ana", "analyst", None, True, datetime.now(UTC))
TIMEOUT = 180  # seconds any child process may take


# --- analysts' decisions survive re-tagging and the next review --------------------------------


def tags_of(db: Database, paragraph_ids: Sequence[int], label: str) -> list[TagRow]:
    with db.sessions() as session:
        query = select(TagRow).where(TagRow.paragraph_id.in_(paragraph_ids), TagRow.label == label)
        return list(session.scalars(query))


def test_review_reject_tag_review_leaves_the_rejections_out(
    database_url: str, fake_tagger: GcmTagger, tmp_path: Path
) -> None:
    settings = Settings(database_url=database_url, embedder="fake.v1", vector_cache="")
    first = run_review([SAMPLE], out_dir=tmp_path / "first", settings=settings)
    # An analyst rejects every tag of one of a country's objectives (Jordan's 20, in the issue).
    profile = next(p for p in first.synthesis.countries if p.objectives)
    objective = profile.objectives[0].objective
    label = f"objective:{objective}"
    db = open_database(database_url)
    try:
        paragraphs = load_review_input(db).paragraphs
        rejected = [
            p.id for p in paragraphs if p.country == profile.country and objective in p.objectives
        ]
        assert rejected
        for row in tags_of(db, rejected, label):
            reject_tag(db, row.id, ANALYST)

        tag_documents(db, tagger=fake_tagger)  # `gcm-review tag`

        assert {row.status for row in tags_of(db, rejected, label)} == {"rejected"}
        assert len(tags_of(db, rejected, label)) == len(rejected)  # no new proposal beside them
        counted = {p.id: p for p in load_review_input(db).paragraphs}
        assert all(objective not in counted[pid].objectives for pid in rejected)
    finally:
        db.close()
    second = run_review([SAMPLE], out_dir=tmp_path / "second", settings=settings)
    again = next(p for p in second.synthesis.countries if p.country == profile.country)
    assert objective not in [evidence.objective for evidence in again.objectives]
    lines = (tmp_path / "second" / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines()
    written = {row["id"]: row for row in map(json.loads, lines)}
    for pid in rejected:
        assert label not in [tag["label"] for tag in written[pid]["tags"]]


def test_accepted_and_added_tags_are_kept_by_retagging(
    database_url: str, fake_tagger: GcmTagger
) -> None:
    db = open_database(database_url)
    try:
        ingest_paths([SAMPLE], db=db, settings=Settings(database_url=database_url))
        tag_documents(db, tagger=fake_tagger)
        with db.sessions() as session:
            undecided = session.scalars(
                select(TagRow).where(TagRow.decided.is_(False)).order_by(TagRow.id)
            ).first()
        assert undecided is not None  # below the threshold: counts only once accepted
        accept_tag(db, undecided.id, ANALYST)
        added = add_tag(db, undecided.paragraph_id, "principle:gender-responsive", ANALYST)

        tag_documents(db, tagger=fake_tagger)
        tag_documents(db, tagger=fake_tagger)

        accepted = tags_of(db, [undecided.paragraph_id], undecided.label)
        assert [(row.id, row.status) for row in accepted] == [(undecided.id, "accepted")]
        kept = tags_of(db, [undecided.paragraph_id], "principle:gender-responsive")
        assert [(row.id, row.status, row.source) for row in kept] == [
            (added.id, "accepted", "analyst")
        ]
        [paragraph] = [
            p for p in load_review_input(db).paragraphs if p.id == undecided.paragraph_id
        ]
        assert paragraph.tag(undecided.label) is not None
        assert "gender-responsive" in paragraph.principles
    finally:
        db.close()


# --- processes racing for one database ---------------------------------------------------------


Done = subprocess.CompletedProcess[str]


def start_together(scripts: Sequence[str], tmp_path: Path) -> list[Done]:
    """Run each script in its own Python process; they all start their work at the same moment
    (each waits for a go file once its imports are done)."""
    go = tmp_path / "go"
    prelude = textwrap.dedent(
        f"""
        import pathlib, time
        while not pathlib.Path({str(go)!r}).exists():
            time.sleep(0.01)
        """
    )
    children = [
        subprocess.Popen(
            [sys.executable, "-c", script.replace("# GO", prelude)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for script in scripts
    ]
    time.sleep(2.0)  # imports done (the scripts import before waiting)
    go.touch()
    done = []
    for child in children:
        out, err = child.communicate(timeout=TIMEOUT)
        done.append(subprocess.CompletedProcess(child.args, child.returncode, out, err))
    return done


OPEN_SCRIPT = """
from gcm_review.store.database import open_database
# GO
open_database({url!r}).close()
"""


@pytest.mark.parametrize(
    ("backend", "processes"),
    [("sqlite", 8), pytest.param("postgres", 3, marks=pytest.mark.postgres)],
)
def test_processes_opening_a_new_database_at_once_all_succeed(
    backend: str, processes: int, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = (
        f"sqlite:///{tmp_path / 'new.db'}"
        if backend == "sqlite"
        else str(request.getfixturevalue("postgres_url"))
    )
    results = start_together([OPEN_SCRIPT.format(url=url)] * processes, tmp_path)
    failed = [(r.returncode, r.stderr.strip()[-300:]) for r in results if r.returncode]
    assert not failed, f"{len(failed)} of {processes} processes failed: {failed}"
    db = open_database(url, migrate_schema=False)
    try:
        assert schema_is_current(db.engine)
    finally:
        db.close()


INGEST_SCRIPT = """
import json, pathlib
from gcm_review.settings import Settings
from gcm_review.store.database import open_database
from gcm_review.workflows.ingest import ingest_paths
folder = pathlib.Path({folder!r})
paths = sorted(folder.glob("*/report.txt"))
db = open_database({url!r})
# GO
report = ingest_paths(paths, db=db, settings=Settings(database_url={url!r}))
print(json.dumps([outcome.error for outcome in report.failed]))
"""


def test_concurrent_versions_of_one_name_are_all_stored(database_url: str, tmp_path: Path) -> None:
    """Two ingests of many files of one name at once (300 each in the issue, 56 lost)."""
    open_database(database_url).close()
    scripts = []
    for run in ("a", "b"):
        folder = tmp_path / run
        for i in range(40):
            path = folder / f"{i:03d}" / "report.txt"
            path.parent.mkdir(parents=True)
            path.write_text(f"1. Run {run}, file {i}: the ministry opened a shelter.\n")
        scripts.append(INGEST_SCRIPT.format(folder=str(folder), url=database_url))
    results = start_together(scripts, tmp_path)
    for result in results:
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == []
    db = open_database(database_url)
    try:
        with db.sessions() as session:
            versions = sorted(
                session.scalars(
                    select(DocumentRow.version).where(DocumentRow.source_name == "report.txt")
                )
            )
            assert session.scalar(select(func.count(DocumentRow.id))) == 80
    finally:
        db.close()
    assert versions == list(range(1, 81))


# --- kill -9 during a review: the old report set or the new one, never a mix ------------------

REVIEW_SCRIPT = """
import os, pathlib, sys, time
import gcm_review.report.write as write
real = write.write_synthesis_json
def slow(synthesis, path):
    # report.html and report.docx are written by now: the moment the issue killed it
    pathlib.Path(os.environ["GCM_TEST_READY"]).touch()
    time.sleep(600)
    real(synthesis, path)
if os.environ.get("GCM_TEST_READY"):
    write.write_synthesis_json = slow
from gcm_review.cli.app import app
sys.argv = ["gcm-review", *sys.argv[1:]]
app()
"""


def review_command(out: Path, title: str) -> list[str]:
    return [sys.executable, "-c", REVIEW_SCRIPT, "review", str(SAMPLE), "--out", str(out)] + [
        "--title",
        title,
        "--embedder",
        "fake.v1",
    ]


def review_env(tmp_path: Path, ready: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'review.db'}"}
    env["GCM_REVIEW_VECTOR_CACHE"] = ""
    env.pop("GCM_TEST_READY", None)
    if ready is not None:
        env["GCM_TEST_READY"] = str(ready)
    return env


def report_title(out: Path) -> str:
    """The run a complete report set comes from; fails on a mix of two runs or a missing file."""
    synthesis = json.loads((out / "synthesis.json").read_text(encoding="utf-8"))["title"]
    html = (out / "report.html").read_text(encoding="utf-8")
    found = re.search(r"<title>(.*?) \(draft outcome report\)</title>", html)
    assert found is not None and found.group(1) == synthesis, "report.html is of another run"
    for name in ("report.docx", "matrix.csv", "matrix.xlsx", "paragraphs.csv", "paragraphs.jsonl"):
        assert (out / name).stat().st_size > 0, name
    jsonl = (out / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines()
    assert jsonl and all(json.loads(line) for line in jsonl)  # whole lines only
    return str(synthesis)


def run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr


def test_a_review_killed_while_writing_leaves_the_previous_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(review_command(out, "Run A"), review_env(tmp_path))
    assert report_title(out) == "Run A"

    ready = tmp_path / "ready"
    child = subprocess.Popen(
        review_command(out, "Run B"),
        env=review_env(tmp_path, ready),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + TIMEOUT
    while not ready.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert ready.exists(), "the review never reached its writing"
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=TIMEOUT)

    assert report_title(out) == "Run A"  # report.html of run B was written, but not here
    leftovers = [entry.name for entry in tmp_path.iterdir() if entry.name.startswith(".out.")]
    assert len(leftovers) == 1 and (tmp_path / leftovers[0] / "report.html").exists()

    run(review_command(out, "Run C"), review_env(tmp_path))
    assert report_title(out) == "Run C"
    assert not [entry for entry in tmp_path.iterdir() if entry.name.startswith(".out.")]


def test_reviews_killed_at_random_moments_leave_one_whole_report(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(review_command(out, "Run 0"), review_env(tmp_path))
    titles = {"Run 0"}
    generator = random.Random(13)
    for trial in range(1, 4):
        title = f"Run {trial}"
        child = subprocess.Popen(
            review_command(out, title),
            env=review_env(tmp_path),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(generator.uniform(1.0, 7.0))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=TIMEOUT)
        if child.returncode == 0:  # it finished first
            titles.add(title)
        found = report_title(out)
        assert found in titles | {title}
        titles.add(found)


# --- inputs the databases once treated differently ----------------------------------------------


def test_nul_characters_are_stored_the_same_on_both_databases(
    database_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "nul.txt"
    body = "1. The ministry opened a shelter for migrant workers in the capital city.\n\n" * 20
    path.write_text(body + "2. Remittances\x00 were made cheaper.\n", encoding="utf-8")
    db = open_database(database_url)
    try:
        report = ingest_paths([path], db=db, settings=Settings(database_url=database_url))
        [outcome] = report.outcomes
        assert outcome.status == "new", outcome.error
        texts = [p.text for p in load_review_input(db).paragraphs]
        assert "Remittances were made cheaper." in texts
        assert outcome.document_id is not None
        repairs = document_record(db, outcome.document_id)["repairs"]
        assert [(r["kind"], r["count"]) for r in repairs if r["kind"] == "nul-character"] == [
            ("nul-character", 1)
        ]
    finally:
        db.close()


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("sqlite:///", "names no database file"),
        ("foo://bar", "unknown database kind 'foo'"),
        ("postgresql://nobody@127.0.0.1:1/none", "cannot open the database"),
    ],
)
def test_bad_database_urls_are_one_line(url: str, says: str) -> None:
    result = CliRunner().invoke(app, ["documents", "--database-url", url])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and says in lines[0], result.output
    assert "Traceback" not in result.output and "[SQL" not in result.output
