"""The web app names labels, draws charts and writes reports with the framework of its settings."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from web.conftest import ACCOUNTS, MakeApp, Seed, sign_in

MINI = Path(__file__).resolve().parents[1] / "frameworks" / "data" / "mini.toml"


def test_labels_pages_and_exports_follow_the_framework_setting(
    make_app: MakeApp, seed: Seed
) -> None:
    app = make_app(framework=str(MINI))
    client = TestClient(app)
    sign_in(client, ACCOUNTS["analyst"][0])

    labels = [row["label"] for row in client.get("/api/agreement").json()["labels"]]
    assert labels == [
        "objective:1",
        "objective:2",
        "objective:3",
        "objective:4",
        "principle:fairness",
        "principle:participation",
    ]
    document = client.get(f"/documents/{seed.jordan}").text
    assert "O1 · Clean water" in document
    assert "Fair recruitment" not in document
    report = client.get("/exports/report.html").text
    assert "Goals that received the greatest attention" in report
    assert "Objectives that received" not in report
