"""Exports: every file downloads as an attachment with a safe name, holds the synthesis of the
account's documents (a focal point's country only), and is made once per state of the data."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from openpyxl import load_workbook

from gcm_review.web.export_files import EXPORTS
from web.conftest import SCRIPT_TEXT, Seed, Visitor

NAMES = [export.name for export in EXPORTS]


def rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_exports_page_lists_every_file(visit: Callable[[str], Visitor]) -> None:
    html = visit("analyst").client.get("/exports").text
    for name in NAMES:
        assert f'<a href="/exports/{name}" download>' in html
    assert NAMES == [
        "matrix.csv",
        "matrix-addressed.csv",
        "matrix.xlsx",
        "paragraphs.csv",
        "paragraphs.jsonl",
        "report.html",
        "report.docx",
        "synthesis.json",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_every_export_is_an_attachment(visit: Callable[[str], Visitor], name: str) -> None:
    client = visit("analyst").client
    for path in (f"/exports/{name}", f"/api/exports/{name}"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["content-disposition"] == (
            f'attachment; filename="gcm-review-{name}"'
        )
        assert response.headers["cache-control"] == "no-store"
        assert response.content


def test_matrix_files(visit: Callable[[str], Visitor], seed: Seed) -> None:
    analyst = visit("analyst")
    client = analyst.client
    counts = rows(client.get("/exports/matrix.csv").content)
    assert counts[0] == ["iso3", "country", *(str(n) for n in range(1, 24))]
    assert [row[:2] for row in counts[1:]] == [["EGY", "Egypt"], ["JOR", "Jordan"]]
    jordan = dict(zip(counts[0], counts[2], strict=True))
    assert (jordan["6"], jordan["20"], jordan["7"]) == ("1", "1", "0")
    client.post(
        "/api/tags",
        json={"paragraph_id": seed.jordan_paragraphs[1], "label": "objective:20"},
        headers={"X-CSRF-Token": analyst.token},
    )
    counts = rows(client.get("/exports/matrix.csv").content)
    addressed = rows(client.get("/exports/matrix-addressed.csv").content)
    assert dict(zip(counts[0], counts[2], strict=True))["20"] == "2"
    assert dict(zip(addressed[0], addressed[2], strict=True))["20"] == "1"
    workbook = load_workbook(io.BytesIO(client.get("/exports/matrix.xlsx").content))
    assert workbook.sheetnames == ["counts", "addressed (0-1)"]
    assert workbook["counts"]["A3"].value == "JOR"


def test_paragraph_files_hold_the_text_as_data(visit: Callable[[str], Visitor]) -> None:
    client = visit("analyst").client
    content = client.get("/exports/paragraphs.csv").content
    assert content.startswith("\ufeffid,".encode())  # a byte-order mark: Excel reads UTF-8
    table = rows(content)
    assert table[0][0] == "id" and table[0][-2:] == ["text", "tags"]
    assert SCRIPT_TEXT in [row[-2] for row in table[1:]]
    lines = client.get("/exports/paragraphs.jsonl").content.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 4
    assert {record["country"] for record in records} == {"JOR", "EGY"}
    assert any(record["text"] == SCRIPT_TEXT for record in records)
    decided = next(record for record in records if record["objectives"] == "6")
    assert decided["tags"][0]["label"] == "objective:6"


def test_report_files(visit: Callable[[str], Visitor]) -> None:
    client = visit("analyst").client
    html = client.get("/exports/report.html")
    assert html.headers["content-type"] == "text/html; charset=utf-8"
    assert html.text.lower().startswith("<!doctype html>")
    assert "<script>alert" not in html.text and "&lt;script&gt;" in html.text
    docx = client.get("/exports/report.docx")
    assert zipfile.ZipFile(io.BytesIO(docx.content)).testzip() is None
    summary = client.get("/api/exports/synthesis.json").json()
    assert summary["reporting_countries"] == ["EGY", "JOR"]


def test_focal_point_exports_hold_their_country_only(visit: Callable[[str], Visitor]) -> None:
    focal = visit("focal-point").client
    response = focal.get("/exports/matrix.csv")
    assert response.headers["content-disposition"] == (
        'attachment; filename="gcm-review-jor-matrix.csv"'
    )
    assert [row[0] for row in rows(response.content)[1:]] == ["JOR"]
    for name in ("paragraphs.jsonl", "paragraphs.csv", "report.html", "synthesis.json"):
        content = focal.get(f"/exports/{name}").content.decode("utf-8")
        assert "Egypt opened shelters" not in content and "egypt.txt" not in content
    lines = focal.get("/api/exports/paragraphs.jsonl").content.decode("utf-8").splitlines()
    assert {json.loads(line)["document"] for line in lines} == {"jordan.txt"}


def test_unknown_exports_are_not_found(visit: Callable[[str], Visitor]) -> None:
    client = visit("analyst").client
    for name in ("secrets.txt", "..%2F..%2Fetc%2Fpasswd", "report.HTML", "matrix.csv%00.html"):
        assert client.get(f"/exports/{name}").status_code == 404
        assert client.get(f"/api/exports/{name}").status_code == 404
    assert client.get("/exports/../settings").status_code == 404


def test_exports_are_made_once_until_the_data_changes(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI
) -> None:
    analyst = visit("analyst")
    first = analyst.client.get("/exports/report.docx").content
    entry = app.state.synthesis.get(None)
    assert entry.memo("export:report.docx", lambda: b"made again") == first
    analyst.post(f"/tags/{seed.jordan_tags[2]}/accept")
    matrix = rows(analyst.client.get("/exports/matrix.csv").content)
    assert dict(zip(matrix[0], matrix[2], strict=True))["7"] == "1"
    assert app.state.synthesis.computations == 2
