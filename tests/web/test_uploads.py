"""Uploads: background ingest with progress, size and type checks, generated file names."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path

import pytest
from fastapi import FastAPI

from gcm_review.settings import Settings
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import Database
from gcm_review.store.documents import list_documents
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.web.uploads import display_name, upload_folder
from web.conftest import MakeApp, TestClient, Visitor, sign_in

REPORT = (
    b"Voluntary review of Jordan\n\n"
    b"1. Jordan\n\n"
    b"12. Ms. Rana Haddad, Director at the Ministry of Labour of Jordan, said that the ministry "
    b"had abolished recruitment fees for migrant workers under objective 6.\n\n"
    b"13. Jordan also lowered the cost of sending remittances.\n"
)
JOB_PATH = re.compile(r"/documents/jobs/([0-9a-f]{32})")


def broken_sample(name: str) -> bytes:
    return (resources.files("gcm_review.samples") / "broken" / name).read_bytes()


def upload(visitor: Visitor, name: str, content: bytes, **headers: str) -> object:
    return visitor.client.post(
        "/documents/upload",
        data={"csrf_token": visitor.token},
        files={"file": (name, content, "application/octet-stream")},
        headers=headers,
        follow_redirects=False,
    )


def folder_files(settings: Settings) -> list[Path]:
    folder = upload_folder(settings)
    return sorted(folder.iterdir()) if folder.is_dir() else []


def test_upload_is_ingested_and_tagged_in_the_background(
    visit: Callable[[str], Visitor], app: FastAPI, settings: Settings, db: Database
) -> None:
    analyst = visit("analyst")
    response = upload(analyst, "jordan-review.txt", REPORT)
    assert response.status_code == 303
    match = JOB_PATH.fullmatch(response.headers["location"])
    assert match
    app.state.jobs.wait_idle()
    page = analyst.client.get(response.headers["location"]).text
    assert "Stored and tagged" in page
    assert 'http-equiv="refresh"' not in page
    stored = next(doc for doc in list_documents(db) if doc.name == "jordan-review.txt")
    assert f'href="/documents/{stored.id}"' in page
    assert stored.uploaded_by == "ana"
    assert stored.country == "JOR"  # from the member-state paragraphs it holds
    listing = analyst.client.get("/documents").text
    assert "jordan-review.txt" in listing
    document = analyst.client.get(f"/api/documents/{stored.id}").json()
    assert any(para["tags"] for para in document["paragraphs"])
    [entry] = list_audit(db, where=AuditFilter(action="document.upload"))
    assert (entry.user_name, entry.object_id) == ("ana", str(stored.id))
    assert entry.after["name"] == "jordan-review.txt"
    # Kept under a generated name in the upload folder beside the database.
    [kept] = folder_files(settings)
    assert re.fullmatch(r"[0-9a-f]{32}\.upload", kept.name)
    assert kept.read_bytes() == REPORT


def test_progress_is_shown_while_the_job_runs(make_app: MakeApp, fake_tagger: GcmTagger) -> None:
    app = make_app()
    release = threading.Event()

    def slow_tagger() -> GcmTagger:
        release.wait(timeout=30)
        return fake_tagger

    app.state.jobs.tagger_loader = slow_tagger
    app.state.htmx = False
    client = TestClient(app)
    token = sign_in(client, "ana")
    response = client.post(
        "/documents/upload",
        data={"csrf_token": token},
        files={"file": ("report.txt", REPORT, "text/plain")},
        follow_redirects=False,
    )
    job_page = response.headers["location"]
    try:
        for _ in range(200):
            page = client.get(job_page).text
            if "Tagging paragraphs" in page:
                break
            threading.Event().wait(0.05)
        assert "Tagging paragraphs" in page
        assert '<meta http-equiv="refresh" content="1">' in page  # no HTMX: the page reloads
        assert "<progress" in page
    finally:
        release.set()
    app.state.jobs.wait_idle()
    assert "Stored and tagged" in client.get(job_page).text


def test_htmx_upload_returns_a_polling_fragment(
    visit: Callable[[str], Visitor], app: FastAPI
) -> None:
    app.state.htmx = True
    analyst = visit("analyst")
    fragment = upload(analyst, "report.txt", REPORT, **{"HX-Request": "true"})
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<li class="job')
    assert 'hx-trigger="every 1s"' in fragment.text
    job_id = re.search(r'id="job-([0-9a-f]{32})"', fragment.text)
    assert job_id
    app.state.jobs.wait_idle()
    finished = analyst.client.get(f"/documents/jobs/{job_id.group(1)}/status")
    assert finished.headers["HX-Trigger"] == "documents-changed"  # the list reloads itself
    done = finished.text
    assert "Stored and tagged" in done
    assert "hx-trigger" not in done  # polling stops once the job is finished
    assert "Open the document" in done


def test_focal_point_uploads_are_filed_under_their_country(
    visit: Callable[[str], Visitor], app: FastAPI, db: Database
) -> None:
    focal = visit("focal-point")
    egyptian = b"1. Egypt\n\n4. Egypt opened a new shelter for migrant workers in Cairo.\n"
    assert upload(focal, "egypt-note.txt", egyptian).status_code == 303
    app.state.jobs.wait_idle()
    stored = next(doc for doc in list_documents(db) if doc.name == "egypt-note.txt")
    assert (stored.country, stored.uploaded_by) == ("JOR", "farid")
    assert "egypt-note.txt" in focal.client.get("/documents").text


def test_too_large_file_is_refused_with_a_message(make_app: MakeApp, settings: Settings) -> None:
    client = TestClient(make_app(max_file_mb=0.001))
    token = sign_in(client, "ana")
    response = client.post(
        "/documents/upload",
        data={"csrf_token": token},
        files={"file": ("big.txt", b"word " * 1000, "text/plain")},
    )
    assert response.status_code == 413
    assert "big.txt: the file is larger than the limit of 0.001 MB" in response.text
    assert folder_files(settings) == []


def test_oversized_request_is_cut_before_it_is_read(make_app: MakeApp) -> None:
    client = TestClient(make_app(max_file_mb=0.001))
    token = sign_in(client, "ana")
    declared = client.post(
        "/documents/upload",
        data={"csrf_token": token},
        files={"file": ("huge.txt", b"x" * 1_100_000, "text/plain")},
    )
    assert declared.status_code == 413
    assert "larger than the limit of 0.001 MB" in declared.text

    def chunks() -> Iterator[bytes]:  # a form of unknown length: no Content-Length header
        yield b'--cut\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
        for _ in range(40):
            yield b"y" * 50_000
        yield b"\r\n--cut--\r\n"

    streamed = client.post(
        "/api/documents",
        content=chunks(),
        headers={"X-CSRF-Token": token, "Content-Type": "multipart/form-data; boundary=cut"},
    )
    assert "content-length" not in streamed.request.headers
    assert streamed.status_code == 413
    assert "larger than the limit" in streamed.text


@pytest.mark.parametrize(
    ("name", "content", "status", "message"),
    [
        (
            "report.pdf",
            broken_sample("not-a-document.bin"),
            415,
            "report.pdf: binary content that is not PDF, DOCX, HTML or text",
        ),
        ("archive.docx", broken_sample("archive.docx"), 415, "not a Word (DOCX) document"),
        ("empty.txt", b"", 422, "empty.txt: the file is empty"),
    ],
)
def test_unsupported_files_are_refused_by_content(
    visit: Callable[[str], Visitor],
    settings: Settings,
    name: str,
    content: bytes,
    status: int,
    message: str,
) -> None:
    response = upload(visit("analyst"), name, content)
    assert response.status_code == status
    assert message in response.text
    assert str(upload_folder(settings)) not in response.text  # no server paths in messages
    assert folder_files(settings) == []


def test_failure_while_reading_shows_the_one_line_error(
    visit: Callable[[str], Visitor], app: FastAPI, settings: Settings
) -> None:
    analyst = visit("analyst")
    response = upload(analyst, "protected.pdf", broken_sample("encrypted.pdf"))
    app.state.jobs.wait_idle()
    page = analyst.client.get(response.headers["location"]).text
    assert "protected.pdf: " in page
    assert "password" in page
    assert str(upload_folder(settings)) not in page
    assert folder_files(settings) == []  # nothing stored, nothing kept


@pytest.mark.parametrize("name", ["../../escape.txt", "..\\..\\escape.txt", "/etc/escape.txt"])
def test_client_file_names_never_become_paths(
    visit: Callable[[str], Visitor], app: FastAPI, settings: Settings, db: Database, name: str
) -> None:
    assert upload(visit("analyst"), name, REPORT).status_code == 303
    app.state.jobs.wait_idle()
    root = Path(settings.database_url.removeprefix("sqlite:///")).parent.parent
    assert not any(path.name == "escape.txt" for path in root.rglob("*"))
    assert [path.parent for path in folder_files(settings)] == [upload_folder(settings)]
    assert "escape.txt" in [doc.name for doc in list_documents(db)]


def test_display_names() -> None:
    assert display_name("C:\\Users\\me\\report.pdf") == "report.pdf"
    assert display_name("a/b/..") == "upload"
    assert display_name("") == "upload"
    assert display_name(None) == "upload"
    assert display_name("rep\x00ort\n.txt") == "report.txt"
    assert len(display_name("x" * 500)) == 200


def test_same_file_twice_is_stored_once(
    visit: Callable[[str], Visitor], app: FastAPI, db: Database
) -> None:
    analyst = visit("analyst")
    upload(analyst, "first.txt", REPORT)
    app.state.jobs.wait_idle()
    again = upload(analyst, "second.txt", REPORT)
    app.state.jobs.wait_idle()
    assert "already stored" in analyst.client.get(again.headers["location"]).text
    names = [doc.name for doc in list_documents(db)]
    assert "first.txt" in names
    assert "second.txt" not in names


def test_api_upload_and_job_status(visit: Callable[[str], Visitor], app: FastAPI) -> None:
    analyst = visit("analyst")
    response = analyst.client.post(
        "/api/documents",
        files={"file": ("api.txt", REPORT, "text/plain")},
        headers={"X-CSRF-Token": analyst.token},
    )
    assert response.status_code == 202
    job = response.json()
    assert job["state"] == "queued"
    app.state.jobs.wait_idle()
    done = analyst.client.get(f"/api/jobs/{job['id']}").json()
    assert done["state"] == "done"
    assert done["outcome"] == "new"
    assert isinstance(done["document_id"], int)
    # Jobs are private to their owner (and admins).
    assert visit("focal-point").client.get(f"/api/jobs/{job['id']}").status_code == 404
    assert visit("admin").client.get(f"/api/jobs/{job['id']}").status_code == 200


def test_tagger_is_loaded_once_until_forgotten(
    visit: Callable[[str], Visitor], app: FastAPI, fake_tagger: GcmTagger
) -> None:
    loads: list[int] = []

    def counting_loader() -> GcmTagger:
        loads.append(1)
        return fake_tagger

    app.state.jobs.tagger_loader = counting_loader
    analyst = visit("analyst")
    upload(analyst, "one.txt", REPORT)
    upload(analyst, "two.txt", REPORT + b"\n14. More.\n")
    app.state.jobs.wait_idle()
    assert len(loads) == 1
    app.state.jobs.forget_tagger()  # e.g. after a retrain
    upload(analyst, "three.txt", REPORT + b"\n15. Even more.\n")
    app.state.jobs.wait_idle()
    assert len(loads) == 2
