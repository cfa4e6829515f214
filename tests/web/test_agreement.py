"""Independent (blind) coding and the agreement page: kappa and alpha per objective and
principle, undefined figures explained, disagreements linked to their paragraphs."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from markupsafe import escape

from gcm_review.feedback.agreement import agreement_report
from gcm_review.frameworks import load_framework
from gcm_review.frameworks.labels import framework_labels
from gcm_review.store.database import Database
from gcm_review.store.feedback import load_codings
from gcm_review.web.catalogues import translations
from gcm_review.web.routes.agreement import NO_SHARED
from web.conftest import Seed, Visitor

CODINGS = {  # coder role -> labels per Jordanian paragraph (by position)
    "admin": [["objective:20"], ["objective:6"], []],
    "analyst": [["objective:20"], ["objective:6", "principle:human-rights"], ["objective:7"]],
}


def code(visitor: Visitor, paragraph_id: int, labels: list[str], **headers: str) -> Any:
    return visitor.client.post(
        f"/coding/{paragraph_id}",
        data={"label": labels, "csrf_token": visitor.token, "next": "/coding?document=1"},
        headers=headers,
        follow_redirects=False,
    )


def code_everything(visit: Callable[[str], Visitor], seed: Seed) -> dict[str, Visitor]:
    coders = {role: visit(role) for role in CODINGS}
    for role, labels in CODINGS.items():
        for pid, chosen in zip(seed.jordan_paragraphs, labels, strict=True):
            assert code(coders[role], pid, chosen).status_code == 303
    return coders


def row(html: str, label_title: str) -> str:
    start = html.index(f"</span> {label_title}</th>")
    return html[start : html.index("</tr>", start)]


def test_agreement_page_shows_kappa_alpha_and_disagreements(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    code_everything(visit, seed)
    client = visit("analyst").client
    html = client.get("/agreement", params={"coder_a": "ada", "coder_b": "ana"}).text
    assert "independent coding" in html and 'href="/coding"' in html
    assert "<strong>ada</strong> (A) with <strong>ana</strong> (B) on 3 shared paragraphs" in html
    # Objective 20: both coders gave it on the same paragraph, and neither elsewhere.
    assert re.search(
        r"<td>1\.00</td>\s*<td>1\.00</td>", row(html, "Remittances, financial inclusion")
    )
    # Objective 7: only B gave it: observed 2/3, chance 2/3, kappa 0.
    assert "<td>0.00</td>" in row(html, "Reducing vulnerabilities")
    # Nobody gave objective 1: undefined, and why.
    first = row(html, "Data and evidence")
    assert "not defined" in first
    assert "same answer on every shared paragraph (chance agreement is 1)" in first
    assert "no variation" in first
    # The overall (micro) row, and the disagreements with links to adjudicate them.
    assert "all labels (micro)" in html
    disagreements = html[html.index('id="disagreements"') :]
    for pid, label in (
        (seed.jordan_paragraphs[1], "GP</span> Human rights"),
        (seed.jordan_paragraphs[2], "O7</span> Reducing vulnerabilities"),
    ):
        link = f'<a href="/documents/{seed.jordan}#p-{pid}">paragraph {pid}</a>'
        line = disagreements[disagreements.index(link) :]
        assert label in line[: line.index("</tr>")]
    assert "2 paragraph and label pairs answered differently" in html
    assert '<option value="ada" selected>' in html


def test_agreement_api_matches_the_core_report(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    code_everything(visit, seed)
    body = visit("admin").client.get("/api/agreement").json()
    expected = agreement_report(load_codings(db), framework_labels(load_framework()))
    assert (body["coder_a"], body["coder_b"]) == (expected.coder_a, expected.coder_b)
    assert body["coders"] == ["ada", "ana"] and body["shared"] == 3
    assert len(body["labels"]) == 33
    by_label = {item["label"]: item for item in body["labels"]}
    for found in expected.labels:
        assert by_label[found.label]["kappa"] == found.kappa
        assert by_label[found.label]["alpha"] == found.alpha
    assert by_label["objective:1"]["kappa_note"].startswith("both coders gave the same answer")
    assert by_label["objective:20"]["kappa_note"] is None
    assert body["micro"]["kappa"] == expected.micro.kappa
    assert [(d["paragraph_id"], d["label"], d["yes"], d["no"]) for d in body["disagreements"]] == [
        (seed.jordan_paragraphs[1], "principle:human-rights", ["ana"], ["ada"]),
        (seed.jordan_paragraphs[2], "objective:7", ["ana"], ["ada"]),
    ]
    assert body["disagreements"][0]["href"] == (
        f"/documents/{seed.jordan}#p-{seed.jordan_paragraphs[1]}"
    )


def test_unknown_coders_are_refused(visit: Callable[[str], Visitor], seed: Seed) -> None:
    code_everything(visit, seed)
    client = visit("analyst").client
    page = client.get("/agreement", params={"coder_a": "nobody"})
    assert page.status_code == 422
    assert "no paragraph was reviewed by &#39;nobody&#39;" in page.text
    same = client.get("/api/agreement", params={"coder_a": "ana", "coder_b": "ana"})
    assert same.status_code == 422 and "both" in same.json()["detail"]


def test_agreement_without_codings(visit: Callable[[str], Visitor]) -> None:
    html = visit("analyst").client.get("/agreement").text
    assert "No paragraph has been coded yet" in html
    body = visit("analyst").client.get("/api/agreement").json()
    assert body["coders"] == [] and body["micro"]["kappa"] is None
    assert body["micro"]["kappa_note"] == "kappa needs two coders"
    assert body["micro"]["alpha_note"] == "no paragraph was coded by two coders"


def test_coding_is_blind_to_other_coders(visit: Callable[[str], Visitor], seed: Seed) -> None:
    admin = visit("admin")
    admin.post(f"/tags/{seed.jordan_tags[2]}/accept")  # a decision on objective 7
    code(admin, seed.jordan_paragraphs[0], ["objective:3", "principle:child-sensitive"])
    html = visit("analyst").client.get("/coding", params={"document": seed.jordan}).text
    assert "ada" not in html  # neither the other coder's name ...
    assert "accepted" not in html and "rejected" not in html  # ... nor any decision
    assert re.search(r"checked", html) is None  # nothing ticked for a coder who coded nothing
    # No trace of the model's proposals: no suggestion, no probability, no marked box.
    assert "Model suggests" not in html and 'class="suggestion' not in html
    assert "suggested" not in html and "%" not in html and "●" not in html
    assert "You see no model suggestion and no other coder's labels" in html
    assert 'value="objective:20"> <span>O20 Remittances, financial inclusion</span>' in html
    assert html.count('<label class="choice" title=') == 3 * 33
    # Every label of the framework, as a checkbox, for every paragraph.
    assert html.count('type="checkbox" name="label"') == 3 * 33
    assert 'src="/static/coding.js"' in html


def test_coding_shows_the_coders_own_labels_and_saves_with_htmx(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI
) -> None:
    analyst = visit("analyst")
    pid = seed.jordan_paragraphs[1]
    fragment = code(
        analyst, pid, ["objective:6", "principle:human-rights"], **{"HX-Request": "true"}
    )
    assert fragment.status_code == 200
    assert "<html" not in fragment.text and f'id="c-{pid}"' in fragment.text
    assert "Saved: 2 labels." in fragment.text
    assert f'name="next" value="/coding?document=1#c-{pid}"' in fragment.text
    page = analyst.client.get("/coding", params={"document": seed.jordan}).text
    assert 'value="objective:6" checked>' in page
    assert 'value="principle:human-rights" checked>' in page
    assert page.count(" checked>") == 2
    assert "Coded before: 2 labels." in page
    # The tags are not changed by coding.
    tags = analyst.client.get(f"/api/paragraphs/{pid}").json()["tags"]
    assert [(t["label"], t["status"]) for t in tags] == [("objective:6", "proposed")]


def test_coding_redirects_back_without_javascript(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    analyst = visit("analyst")
    response = code(analyst, seed.jordan_paragraphs[0], ["objective:20"])
    assert response.status_code == 303
    assert response.headers["location"] == "/coding?document=1"
    offsite = analyst.client.post(
        f"/coding/{seed.jordan_paragraphs[0]}",
        data={"label": ["objective:20"], "csrf_token": analyst.token, "next": "https://evil.test/"},
        follow_redirects=False,
    )
    assert offsite.headers["location"] == "/coding"


def test_coding_refuses_bad_labels_csrf_and_hidden_paragraphs(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    analyst = visit("analyst")
    pid = seed.jordan_paragraphs[0]
    assert code(analyst, pid, ["objective:99"]).status_code == 422
    no_token = analyst.client.post(
        f"/coding/{pid}", data={"label": ["objective:1"]}, follow_redirects=False
    )
    assert no_token.status_code == 403
    api = analyst.client.post(f"/api/coding/{pid}", json={"labels": ["objective:1"]})
    assert api.status_code == 403  # no X-CSRF-Token header
    assert code(analyst, 999_999, ["objective:1"]).status_code == 404
    assert load_codings(db) == []


def test_coding_api(visit: Callable[[str], Visitor], seed: Seed) -> None:
    admin = visit("admin")
    response = admin.client.post(
        f"/api/coding/{seed.egypt_paragraphs[0]}",
        json={"labels": ["principle:human-rights", "objective:2", "objective:2"]},
        headers={"X-CSRF-Token": admin.token},
    )
    assert response.status_code == 200
    assert response.json() == {
        "paragraph_id": seed.egypt_paragraphs[0],
        "coder": "ada",
        "labels": ["objective:2", "principle:human-rights"],
    }


def test_coding_starts_from_the_documents(visit: Callable[[str], Visitor], seed: Seed) -> None:
    html = visit("analyst").client.get("/coding").text
    assert f'href="/coding?document={seed.jordan}"' in html
    assert f'href="/coding?document={seed.egypt}"' in html
    assert visit("analyst").client.get("/coding", params={"document": 999}).status_code == 404


def test_kappa_notes_follow_the_page_language_and_the_api_stays_english(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    admin, analyst = visit("admin"), visit("analyst")
    assert code(admin, seed.jordan_paragraphs[0], ["objective:20"]).status_code == 303
    assert code(analyst, seed.jordan_paragraphs[1], ["objective:6"]).status_code == 303
    pair = {"coder_a": "ada", "coder_b": "ana"}
    english = "ada and ana coded no paragraph in common"
    assert analyst.client.get("/api/agreement", params=pair).json()["micro"]["kappa_note"] == (
        english
    )
    french = analyst.client.get("/agreement", params=pair, headers={"Accept-Language": "fr"}).text
    note = translations("fr").gettext(NO_SHARED) % pair
    assert note.startswith("ada et ana") and escape(note) in french and english not in french
    arabic = analyst.client.get("/agreement", params=pair, headers={"Accept-Language": "ar"}).text
    assert escape(translations("ar").gettext(NO_SHARED) % pair) in arabic
