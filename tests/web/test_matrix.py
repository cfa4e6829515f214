"""The matrix page: heatmap, table cells with stable ids, the counts / 0-1 toggle, each cell's
evidence (a page, or an HTMX panel), its JSON API, and a focal point's own country only."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi import FastAPI

from web.conftest import ARABIC_TEXT, SCRIPT_TEXT, Seed, TestClient, Visitor

OBJECTIVES = 23


def cell_values(html: str) -> dict[str, str]:
    """Text of every `cell-ISO3-N` table cell, by id."""
    found = re.findall(r'<td id="(cell-[A-Z]{3}-\d+)"[^>]*>(.*?)</td>', html)
    return {cell: re.sub(r"<[^>]+>", "", content) for cell, content in found}


def test_matrix_table_has_a_cell_per_country_and_objective(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    html = visit("viewer").client.get("/matrix").text
    cells = cell_values(html)
    assert len(cells) == 2 * OBJECTIVES  # Egypt and Jordan
    # Jordan: objective 20 (p=0.55) and 6 (p=0.9) were decided; 7 (p=0.2) was not.
    assert (cells["cell-JOR-20"], cells["cell-JOR-6"], cells["cell-JOR-7"]) == ("1", "1", "0")
    assert cells["cell-EGY-20"] == "1"
    assert sum(int(value) for value in cells.values()) == 3
    # A non-zero cell links to its evidence page, and loads it into the panel with HTMX.
    assert '<a href="/matrix/cell/JOR/6" hx-get="/matrix/cell/JOR/6"' in html
    assert 'hx-target="#cell-panel"' in html and 'id="cell-panel"' in html
    assert 'href="/matrix/cell/JOR/7"' not in html  # zero cells are plain text
    # An accessible table: caption, column and row headers.
    assert "<caption>" in html and '<th scope="row">Jordan' in html
    assert '<abbr title="Objective 6: Fair recruitment, decent work">6</abbr>' in html
    # The inline SVG heatmap links to the table's cells.
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'href="#cell-JOR-6"' in svg
    assert "<script" not in svg
    assert " style=" not in html  # the Content-Security-Policy allows no style attributes


def test_accepting_a_tag_changes_the_count(visit: Callable[[str], Visitor], seed: Seed) -> None:
    analyst = visit("analyst")
    assert cell_values(analyst.client.get("/matrix").text)["cell-JOR-7"] == "0"
    accepted = analyst.post(f"/tags/{seed.jordan_tags[2]}/accept")
    assert accepted.status_code == 303  # type: ignore[attr-defined]
    assert cell_values(analyst.client.get("/matrix").text)["cell-JOR-7"] == "1"
    rejected = analyst.post(f"/tags/{seed.jordan_tags[1]}/reject")
    assert rejected.status_code == 303  # type: ignore[attr-defined]
    cells = cell_values(analyst.client.get("/matrix").text)
    assert (cells["cell-JOR-6"], cells["cell-JOR-7"]) == ("0", "1")


def test_counts_and_binary_toggle(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI
) -> None:
    analyst = visit("analyst")
    headers = {"X-CSRF-Token": analyst.token}
    # Two Jordanian paragraphs on objective 20: count 2, binary 1.
    added = analyst.client.post(
        "/api/tags",
        json={"paragraph_id": seed.jordan_paragraphs[1], "label": "objective:20"},
        headers=headers,
    )
    assert added.status_code == 201
    counts = analyst.client.get("/matrix").text
    binary = analyst.client.get("/matrix", params={"view": "binary"}).text
    assert cell_values(counts)["cell-JOR-20"] == "2"
    assert cell_values(binary)["cell-JOR-20"] == "1"
    assert 'data-count="2"' in binary  # the count stays readable in the 0/1 view
    assert '<a href="/matrix?view=binary" aria-current="true">' in binary
    assert '<a href="/matrix" aria-current="true">' in counts
    assert analyst.client.get("/matrix", params={"view": "other"}).status_code == 422
    api = analyst.client.get("/api/matrix", params={"binary": True}).json()
    jordan = [row["iso3"] for row in api["countries"]].index("JOR")
    assert api["values"][jordan][api["objectives"].index(20)] == 1


def test_cell_page_lists_the_evidence_paragraphs(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    client = visit("viewer").client
    html = client.get("/matrix/cell/JOR/6").text
    assert "<h1" in html and "Jordan · objective 6" in html  # a page of its own without JS
    assert "Fair recruitment, decent work" in html
    # The Arabic paragraph, right to left, linking to its place in the document view.
    assert ARABIC_TEXT in html and 'lang="ar" dir="rtl"' in html
    pid = seed.jordan_paragraphs[1]
    assert f'href="/documents/{seed.jordan}#p-{pid}"' in html
    document = client.get(f"/documents/{seed.jordan}").text
    assert f'id="p-{pid}"' in document  # the anchor the link points at
    # HTMX asks for the panel's fragment only.
    fragment = client.get("/matrix/cell/JOR/6", headers={"HX-Request": "true"}).text
    assert "<html" not in fragment and "<h2" in fragment and ARABIC_TEXT in fragment


def test_empty_and_unknown_cells_are_not_found(visit: Callable[[str], Visitor]) -> None:
    client = visit("analyst").client
    emptied = client.get("/matrix/cell/JOR/7")  # a reporting country, no paragraph counts
    assert emptied.status_code == 200
    assert "No paragraph counts here any more" in emptied.text
    assert client.get("/api/matrix/cell/JOR/7").status_code == 404
    assert client.get("/matrix/cell/XYZ/6").status_code == 404
    assert client.get("/matrix/cell/jor/6").status_code == 422
    assert client.get("/matrix/cell/JOR/0").status_code == 422
    assert client.get("/api/matrix/cell/JOR/7").json()["detail"].startswith("No paragraph")


def test_script_in_an_evidence_paragraph_is_text(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    analyst = visit("analyst")
    analyst.post(f"/tags/{seed.jordan_tags[2]}/accept")  # the paragraph with a <script> tag
    for headers in ({}, {"HX-Request": "true"}):
        html = analyst.client.get("/matrix/cell/JOR/7", headers=headers).text
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more" in html
    api = analyst.client.get("/api/matrix/cell/JOR/7").json()
    assert api["paragraphs"][0]["text"] == SCRIPT_TEXT  # JSON keeps the text as it is


def test_focal_point_sees_only_their_country(visit: Callable[[str], Visitor], seed: Seed) -> None:
    focal = visit("focal-point").client
    cells = cell_values(focal.get("/matrix").text)
    assert cells and {cell.split("-")[1] for cell in cells} == {"JOR"}
    assert focal.get("/matrix/cell/EGY/20").status_code == 404
    assert focal.get("/api/matrix/cell/EGY/20").status_code == 404
    api = focal.get("/api/matrix").json()
    assert [row["iso3"] for row in api["countries"]] == ["JOR"]
    ids = {pid for cell in api["cells"] for pid in cell["paragraph_ids"]}
    assert ids and ids <= set(seed.jordan_paragraphs)


def test_matrix_api_gives_counts_with_paragraph_ids(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    api = visit("analyst").client.get("/api/matrix").json()
    assert api["binary"] is False
    assert api["countries"] == [{"iso3": "EGY", "name": "Egypt"}, {"iso3": "JOR", "name": "Jordan"}]
    assert api["objectives"] == list(range(1, OBJECTIVES + 1))
    cells = {(cell["country"], cell["objective"]): cell for cell in api["cells"]}
    assert set(cells) == {("EGY", 20), ("JOR", 6), ("JOR", 20)}
    assert cells[("JOR", 6)]["paragraph_ids"] == [seed.jordan_paragraphs[1]]
    assert cells[("JOR", 6)]["count"] == 1
    detail = visit("analyst").client.get("/api/matrix/cell/JOR/6").json()
    assert detail["title"] == "Fair recruitment, decent work"
    [para] = detail["paragraphs"]
    assert para["href"] == f"/documents/{seed.jordan}#p-{seed.jordan_paragraphs[1]}"
    assert para["sentence"] == "Remittances matter."  # the tag's evidence sentence


def test_openapi_documents_the_analysis_api(app: FastAPI) -> None:
    paths = TestClient(app).get("/openapi.json").json()["paths"]
    documented = {
        "/api/matrix": "get",
        "/api/matrix/cell/{country}/{objective}": "get",
        "/api/synthesis": "get",
        "/api/search": "get",
        "/api/agreement": "get",
        "/api/coding/{paragraph_id}": "post",
        "/api/exports/{name}": "get",
        "/api/training": "post",
        "/api/training/{job_id}": "get",
        "/api/training-runs": "get",
    }
    for path, method in documented.items():
        operation = paths[path][method]
        assert operation["summary"] and operation["description"], path
    assert not any(path.startswith(("/matrix", "/synthesis", "/coding")) for path in paths)
    matrix = paths["/api/matrix"]["get"]["responses"]["200"]["content"]["application/json"]
    assert matrix["schema"] == {"$ref": "#/components/schemas/MatrixOut"}
