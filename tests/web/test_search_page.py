"""The search page and API: full text and semantic, matches marked in escaped snippets, results
limited to the account's documents, hostile queries harmless."""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable

import pytest
from fastapi import FastAPI

from gcm_review.store.database import Database
from gcm_review.store.documents import list_documents
from gcm_review.web.routes import search as search_routes
from web.conftest import Seed, Visitor

HOSTILE_QUERIES = [
    "' OR 1=1 --",
    "'; DROP TABLE paragraphs; --",
    '" OR "1"="1',
    "remittances\" OR text MATCH '*",
    "NEAR(remittances ministry, 2)",
    "remit*",
    "text:remittances",
    "-remittances",
    "^remittances",
    "(remittances",
    "{remittances}",
    "remittances AND OR NOT",
    "<script>alert('q')</script>",
    '"><img src=x onerror=alert(1)>',
    "%' UNION SELECT password_hash FROM users --",
    "\x00\x1f",
    "ا" * 400,
]


def hits(html: str) -> list[str]:
    return re.findall(r'<li class="hit">\s*<a class="where" href="([^"]+)"', html)


def test_text_search_marks_matches_in_escaped_snippets(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    html = visit("viewer").client.get("/search", params={"q": "remittances"}).text
    assert sorted(hits(html)) == [
        f"/documents/{seed.jordan}#p-{seed.jordan_paragraphs[0]}",
        f"/documents/{seed.jordan}#p-{seed.jordan_paragraphs[2]}",
    ]
    assert "The ministry sends <mark>remittances</mark> home at low cost." in html
    # The paragraph holding a <script> tag: each piece escaped, the match wrapped in <mark>.
    assert (
        "<mark>Remittances</mark> matter. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; "
        "&amp; more" in html
    )
    assert "<script>alert" not in html
    assert "2 paragraphs found" in html
    assert 'value="remittances"' in html  # the query stays in the box


def test_search_finds_nothing_without_every_word(visit: Callable[[str], Visitor]) -> None:
    html = visit("analyst").client.get("/search", params={"q": "remittances shelters"}).text
    assert hits(html) == []
    assert "No paragraph holds every word" in html


def test_semantic_search_ranks_by_meaning(visit: Callable[[str], Visitor], seed: Seed) -> None:
    client = visit("analyst").client
    html = client.get("/search", params={"q": "Egypt opened shelters", "mode": "semantic"}).text
    found = hits(html)
    assert found[0] == f"/documents/{seed.egypt}#p-{seed.egypt_paragraphs[0]}"
    assert "closest in meaning first" in html
    assert "Only paragraphs with a similarity of at least 0.25 to your query are shown" in html
    scores = [float(score) for score in re.findall(r"Similarity (\d\.\d\d)</span>", html)]
    assert len(scores) == len(found) and scores == sorted(scores, reverse=True)
    assert all(score >= 0.25 for score in scores)
    api = client.get("/api/search", params={"q": "shelters", "mode": "semantic", "limit": 1})
    assert len(api.json()["hits"]) == 1


def test_focal_point_finds_only_their_countrys_paragraphs(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    focal = visit("focal-point").client
    for mode in ("text", "semantic"):
        html = focal.get("/search", params={"q": "shelters migrant", "mode": mode}).text
        assert "Egypt opened" not in html
        assert all(link.startswith(f"/documents/{seed.jordan}") for link in hits(html))
        api = focal.get("/api/search", params={"q": "shelters", "mode": mode}).json()
        assert {hit["document_id"] for hit in api["hits"]} <= {seed.jordan}
        assert "Egypt opened" not in str(api)
    analyst = visit("analyst").client.get("/api/search", params={"q": "Egypt shelters"}).json()
    assert [hit["paragraph_id"] for hit in analyst["hits"]] == [seed.egypt_paragraphs[0]]


def test_search_api_returns_snippet_pieces(visit: Callable[[str], Visitor], seed: Seed) -> None:
    body = visit("viewer").client.get("/api/search", params={"q": "ministry remittances"}).json()
    assert (body["query"], body["mode"]) == ("ministry remittances", "text")
    [hit] = body["hits"]
    assert hit["paragraph_id"] == seed.jordan_paragraphs[0]
    assert hit["href"] == f"/documents/{seed.jordan}#p-{seed.jordan_paragraphs[0]}"
    assert [piece for piece in hit["snippet"] if piece["match"]] == [
        {"text": "ministry", "match": True},
        {"text": "remittances", "match": True},
    ]
    assert "".join(piece["text"] for piece in hit["snippet"]) == (
        "The ministry sends remittances home at low cost."
    )


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
@pytest.mark.parametrize("mode", ["text", "semantic"])
def test_hostile_queries_are_harmless(
    visit: Callable[[str], Visitor], db: Database, query: str, mode: str
) -> None:
    client = visit("focal-point").client
    page = client.get("/search", params={"q": query, "mode": mode})
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "<img src=x" not in page.text
    assert "Egypt opened" not in page.text
    api = client.get("/api/search", params={"q": query, "mode": mode})
    assert api.status_code == 200
    assert "password" not in api.text.replace(query, "") and "argon2" not in api.text
    assert len(list_documents(db)) == 2  # nothing was dropped


def test_query_limits(visit: Callable[[str], Visitor]) -> None:
    client = visit("viewer").client
    assert client.get("/search", params={"q": "x" * 501}).status_code == 422
    assert client.get("/search", params={"q": "remittances", "mode": "regex"}).status_code == 422
    assert client.get("/api/search").status_code == 422  # q is required by the API
    assert client.get("/api/search", params={"q": "a", "limit": 0}).status_code == 422
    empty = client.get("/search").text
    assert 'name="q"' in empty and "found" not in empty


def test_semantic_search_says_when_nothing_is_close(visit: Callable[[str], Visitor]) -> None:
    client = visit("analyst").client
    html = client.get("/search", params={"q": "qwzx blorft zzzz", "mode": "semantic"}).text
    assert hits(html) == []
    assert "No close matches." in html
    body = client.get("/api/search", params={"q": "qwzx blorft", "mode": "semantic"}).json()
    assert (body["hits"], body["min_score"], body["pending"]) == ([], 0.25, 0)


def test_semantic_hits_in_another_language_are_shown_as_such(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI
) -> None:
    # The semantic_min_score setting: every paragraph, however far (the fake embedder does not
    # bring languages together as a real model does).
    app.state.settings = dataclasses.replace(app.state.settings, semantic_min_score=-1.0)
    client = visit("analyst").client
    query = "حقوق العمال المهاجرين"  # Arabic: the seeded Arabic paragraph, then English ones
    html = client.get("/search", params={"q": query, "mode": "semantic"}).text
    assert "In Arabic</span>" in html
    assert "In English, another language than your query</span>" in html
    body = client.get("/api/search", params={"q": query, "mode": "semantic", "limit": 4}).json()
    assert body["query_language"] == "ar"
    first = body["hits"][0]
    assert (first["paragraph_id"], first["language"], first["other_language"]) == (
        seed.jordan_paragraphs[1],
        "ar",
        False,
    )
    others = [hit for hit in body["hits"] if hit["language"] == "en"]
    assert all(hit["other_language"] for hit in others)


def test_a_first_search_leaves_many_unprepared_paragraphs_to_the_background(
    visit: Callable[[str], Visitor], app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_routes, "INLINE_VECTORS", 0)
    client = visit("analyst").client
    index = app.state.search_index
    started = []
    monkeypatch.setattr(index, "warm", lambda: started.append(True))  # held back: look first
    first = client.get("/api/search", params={"q": "shelters", "mode": "semantic"}).json()
    assert first["pending"] == 4 and first["hits"] == []  # nothing embedded while waiting
    html = client.get("/search", params={"q": "shelters", "mode": "semantic"}).text
    assert "are still being prepared for search by meaning and were not searched" in html
    assert started == [True, True]  # each search asked the background fill to run
    monkeypatch.undo()
    index.warm()
    deadline = time.monotonic() + 30
    while len(index.vectors) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    index.close()  # the background fill is done: stop the thread before the app closes
    later = client.get("/api/search", params={"q": "Egypt opened shelters", "mode": "semantic"})
    assert later.json()["pending"] == 0 and later.json()["hits"]
