"""Upload jobs: each upload is read in a worker process of its own, within the time and memory
limits, so a hostile file fails alone and never holds up the others (issue 13)."""

from __future__ import annotations

import time

from fastapi import FastAPI

from web.conftest import MakeApp, TestClient, sign_in

NORMAL = (
    b"Voluntary review of Jordan\n\n1. Jordan\n\n"
    b"12. The ministry abolished recruitment fees for migrant workers under objective 6.\n"
)


def numbered_report(paragraphs: int) -> bytes:
    lines = (
        f"{n}. The ministry opened shelter {n} for migrant workers.\n\n"
        for n in range(1, paragraphs + 1)
    )
    return "".join(lines).encode("utf-8")


def submit(client: TestClient, token: str, name: str, content: bytes) -> str:
    response = client.post(
        "/api/documents",
        files={"file": (name, content, "text/plain")},
        headers={"X-CSRF-Token": token},
    )
    assert response.status_code == 202
    job_id: str = response.json()["id"]
    return job_id


def state(client: TestClient, job_id: str) -> dict[str, object]:
    job: dict[str, object] = client.get(f"/api/jobs/{job_id}").json()
    return job


def signed_in(app: FastAPI) -> tuple[TestClient, str]:
    client = TestClient(app)
    return client, sign_in(client, "ana")


def test_a_hostile_upload_does_not_hold_up_a_normal_one(make_app: MakeApp) -> None:
    # 300,000 paragraphs take about 15 s to read, repair and structure on an idle machine: twice
    # the time limit, so the limit (not the end of the file) is what stops it.
    app = make_app(max_file_mb=20.0, max_read_seconds=8.0, max_paragraphs=1_000_000)
    client, token = signed_in(app)
    slow = submit(client, token, "slow.txt", numbered_report(300_000))
    normal = submit(client, token, "normal.txt", NORMAL)
    started = time.monotonic()
    while state(client, normal)["state"] != "done" and time.monotonic() - started < 30:
        time.sleep(0.05)
    assert state(client, normal)["state"] == "done"
    assert state(client, slow)["state"] == "reading"  # the slow one is still being read
    app.state.jobs.wait_idle(timeout=60)
    failed = state(client, slow)
    assert failed["state"] == "failed"
    error = str(failed["error"])
    assert error.startswith("slow.txt: reading took longer than 8 s (max_read_seconds)")
    assert "GCM_REVIEW_MAX_READ_SECONDS" in error
    assert time.monotonic() - started < 8.0 + 10.0  # stopped at its limit, not read to the end


def test_an_upload_past_the_memory_limit_fails_alone(make_app: MakeApp) -> None:
    app = make_app(max_file_mb=20.0, max_read_memory_mb=40.0)
    client, token = signed_in(app)
    greedy = submit(client, token, "greedy.txt", numbered_report(100_000))
    app.state.jobs.wait_idle(timeout=60)
    failed = state(client, greedy)
    assert failed["state"] == "failed"
    error = str(failed["error"])
    assert error.startswith("greedy.txt: ") and "(max_read_memory_mb)" in error
    assert "GCM_REVIEW_MAX_READ_MEMORY_MB" in error
    normal = submit(client, token, "normal.txt", NORMAL)
    app.state.jobs.wait_idle(timeout=60)
    assert state(client, normal)["state"] == "done"


def test_a_limit_refusal_names_the_upload_not_the_server_path(make_app: MakeApp) -> None:
    app = make_app(max_paragraphs=10)
    client, token = signed_in(app)
    many = submit(client, token, "many.txt", numbered_report(50))
    app.state.jobs.wait_idle(timeout=60)
    error = str(state(client, many)["error"])
    assert error.startswith("many.txt: more than 10 paragraphs or lines (max_paragraphs)")
    assert ".upload" not in error
