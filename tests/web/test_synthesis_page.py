"""The synthesis page and its API: contents linked to paragraphs, following review decisions,
one country for a focal point, text from documents escaped; and the cache behind it (and the
matrix): computed once per state of the data and scope, with one shared embedder."""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Callable

import numpy as np
import pytest
from fastapi import FastAPI

from gcm_review.embed.fake import FakeEmbedder
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
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.store.review_actions import code_paragraph
from gcm_review.store.tags import paragraphs_to_tag, save_tags
from gcm_review.store.users import add_user, get_user
from gcm_review.web.embedding import SharedEmbedder
from gcm_review.web.paragraph_links import document_links, paragraph_links
from gcm_review.web.synthesis_cache import SynthesisCache, data_fingerprint
from web.conftest import ARABIC_TEXT, PASSWORD, Seed, TestClient, Visitor, sign_in

HOSTILE = (
    "The Government should end the detention of migrant children <script>alert('x')</script> "
    "and <img src=x onerror=alert(1)> by 2027."
)


def store_hostile_document(db: Database) -> int:
    """A Jordanian statement with markup in it, tagged (decided) with objective 13."""
    block = Block(text=HOSTILE, kind="line")
    source = SourceDocument(
        path="/tmp/hostile.txt",
        name="hostile<b>.txt",
        sha256=hashlib.sha256(HOSTILE.encode()).hexdigest(),
        format="text",
        blocks=(block,),
        encoding="utf-8",
    )
    who = Attribution(speaker="A minister", country="JOR", stakeholder_group="member-state")
    doc = StructuredDocument(
        repaired=RepairedDocument(source=source, blocks=(block,), repairs=()),
        title="Hostile",
        language="en",
        sections=(),
        paragraphs=(Paragraph(index=0, text=HOSTILE, number="1", language="en", attribution=who),),
    )
    saved = save_document(db, doc, reader="text.v1")
    [(pid, _)] = paragraphs_to_tag(db, [saved.document_id])
    evidence = (Evidence("lexicon.v1", 0.9, ("detention",), HOSTILE),)
    save_tags(db, [(pid, [Tag("objective:13", 0.9, True, "gcm-tagger.v2", evidence)])])
    return pid


def objective(record: dict[str, object], number: int) -> dict[str, object]:
    objectives = record["objectives"]
    assert isinstance(objectives, list)
    found: dict[str, object] = next(o for o in objectives if o["objective"] == number)
    return found


SECTIONS = {  # the report's sections the page shows: id -> heading
    "key-messages": 'Key messages <span class="badge draft-badge">DRAFT</span>',
    "regional-synthesis": "Regional synthesis",
    "countries": "What each country reported",
    "roundtables": "Roundtables",
    "principles": "Guiding principles",
    "stakeholders": "Stakeholder inputs",
    "recommendations": "Recommendations",
}
REFERENCE = re.compile(
    r'<a href="/documents/(\d+)(?:\?page=\d+)?#p-(\d+)" title="([^"]*)">\[(\d+)\]</a>'
)


def test_synthesis_page_shows_every_part_with_links(
    visit: Callable[[str], Visitor], seed: Seed, settings: Settings, db: Database
) -> None:
    html = visit("viewer").client.get("/synthesis").text
    for anchor, heading in SECTIONS.items():
        assert f'<section id="{anchor}"' in html
        assert f"<h2>{heading}</h2>" in html
        assert f'<li><a href="#{anchor}">' in html  # listed in the page's contents
    assert settings.attention_rule.describe() in html
    assert 'id="country-JOR"' in html and 'id="country-EGY"' in html
    assert 'id="objective-6"' in html
    assert "Based on <a" in html  # what each draft key message was drafted from
    # The evidence appendix is not on the page (every paragraph is on its document's page),
    # nor the matrix, which has a page of its own.
    assert 'id="evidence"' not in html and 'id="matrix"' not in html
    assert '<a href="/matrix">Country by objective matrix</a>' in html
    # Every reference [n] opens paragraph n on its document's page, named in its tooltip.
    arabic = seed.jordan_paragraphs[1]
    assert (
        f'<a href="/documents/{seed.jordan}#p-{arabic}" title="paragraph {arabic}: jordan.txt, '
        f'no. 2">[{arabic}]</a>'
    ) in html
    references = REFERENCE.findall(html)
    assert len(references) >= 10
    links = document_links(db)
    for document_id, paragraph_id, _, shown in references:
        assert paragraph_id == shown
        assert links[int(paragraph_id)].document_id == int(document_id)
    assert not re.search(r'href="#p\d', html)  # no link to the report's appendix
    # Every link inside the page leads to an element of the page.
    ids = set(re.findall(r' id="([^"]+)"', html))
    for anchor in re.findall(r'href="#([^"]+)"', html):
        assert anchor in ids, anchor
    assert html.count("<svg") == 2  # the attention and principles charts, inline ...
    assert " style=" not in html  # ... without style attributes, which the CSP would block


def test_synthesis_page_keeps_arabic_right_to_left(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    html = visit("analyst").client.get("/synthesis").text
    profile = html[html.index('id="country-JOR"') :]
    assert f'<li lang="ar" dir="rtl">{ARABIC_TEXT} <sup' in profile
    # The reference after an Arabic sentence stays left to right.
    rtl = profile[profile.index('<li lang="ar" dir="rtl">') :]
    assert rtl.index('<sup class="refs" dir="ltr">') < rtl.index("</li>")


def test_synthesis_follows_review_decisions(visit: Callable[[str], Visitor], seed: Seed) -> None:
    analyst = visit("analyst")
    record = analyst.client.get("/api/synthesis").json()
    assert objective(record, 6)["countries"] == ["JOR"]
    assert objective(record, 7)["countries"] == []
    analyst.post(f"/tags/{seed.jordan_tags[1]}/reject")
    analyst.post(f"/tags/{seed.jordan_tags[2]}/accept")
    record = analyst.client.get("/api/synthesis").json()
    assert objective(record, 6)["countries"] == []
    assert objective(record, 7)["countries"] == ["JOR"]
    assert objective(record, 7)["paragraph_ids"] == [seed.jordan_paragraphs[2]]
    html = analyst.client.get("/synthesis").text
    profile = html[html.index('id="country-JOR"') :]
    profile = profile[: profile.index("</article>")]
    chip = r'<a href="#objective-7" class="chip objective" title="[^"]*vulnerabilities[^"]*">'
    assert re.search(chip + "Objective 7</a>", profile)


def test_synthesis_api_is_synthesis_json(visit: Callable[[str], Visitor], seed: Seed) -> None:
    response = visit("analyst").client.get("/api/synthesis")
    assert response.headers["content-type"] == "application/json"
    record = response.json()
    assert set(record) >= {
        "title",
        "rule",
        "objectives",
        "countries",
        "roundtables",
        "principles",
        "recommendations",
        "key_messages",
    }
    assert record["rule"]["text"].startswith("greatest attention")
    assert record["reporting_countries"] == ["EGY", "JOR"]
    assert [doc["name"] for doc in record["documents"]] == ["jordan.txt", "egypt.txt"]


def test_focal_point_synthesis_holds_their_country_only(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    focal = visit("focal-point").client
    record = focal.get("/api/synthesis").json()
    assert [doc["name"] for doc in record["documents"]] == ["jordan.txt"]
    assert record["reporting_countries"] == ["JOR"]
    html = focal.get("/synthesis").text
    assert "egypt.txt" not in html and "Egypt opened shelters" not in html
    assert 'id="country-EGY"' not in html
    assert "paragraphs, of Jordan (JOR)" in html  # the page says whose documents it covers
    references = REFERENCE.findall(html)
    assert references and {int(found[0]) for found in references} == {seed.jordan}


def test_a_focal_point_without_documents_gets_an_empty_synthesis(
    app: FastAPI, db: Database
) -> None:
    add_user(db, "mona", role="focal-point", password=PASSWORD, country="MAR", by="test")
    client = TestClient(app)
    sign_in(client, "mona")
    record = client.get("/api/synthesis").json()
    assert record["documents"] == [] and record["reporting_countries"] == []
    html = client.get("/matrix").text
    assert 'id="cell-' not in html and "No member-state paragraph" in html
    assert "jordan.txt" not in client.get("/synthesis").text


def test_markup_in_documents_renders_as_text(visit: Callable[[str], Visitor], db: Database) -> None:
    store_hostile_document(db)
    client = visit("analyst").client
    pages = [client.get(path).text for path in ("/synthesis", "/matrix/cell/JOR/13", "/matrix")]
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert "hostile<b>" not in html
    synthesis, cell, _ = pages
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in synthesis
    assert "&lt;img src=x onerror=alert(1)&gt;" in synthesis
    assert "&lt;script&gt;alert" in cell and "hostile&lt;b&gt;.txt" in cell


def test_synthesis_is_computed_once_per_state_of_the_data(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI
) -> None:
    cache: SynthesisCache = app.state.synthesis
    analyst = visit("analyst")
    for path in ("/synthesis", "/synthesis", "/matrix", "/api/matrix", "/api/synthesis"):
        assert analyst.client.get(path).status_code == 200
    assert cache.computations == 1
    analyst.post(f"/tags/{seed.jordan_tags[2]}/accept")  # a write: the data changed
    analyst.client.get("/matrix")
    analyst.client.get("/synthesis")
    assert cache.computations == 2
    visit("focal-point").client.get("/matrix")  # another scope, its own entry
    assert cache.computations == 3
    analyst.client.get("/matrix")
    assert cache.computations == 3
    cache.invalidate()
    analyst.client.get("/matrix")
    assert cache.computations == 4


def wait_for(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.01)


def test_others_get_the_last_synthesis_while_the_writer_gets_a_fresh_one(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI
) -> None:
    cache: SynthesisCache = app.state.synthesis
    analyst = visit("analyst")  # account "ana"
    first = cache.get(None)
    analyst.post(f"/tags/{seed.jordan_tags[2]}/accept")
    assert cache.get(None, reader="ada") is first  # served at once, recomputed behind
    wait_for(lambda: cache.computations == 2)
    second = cache.get(None, reader="ada")
    assert second is not first
    assert second.version == (data_fingerprint(app.state.db), 0)
    analyst.post(f"/tags/{seed.jordan_tags[2]}/reject")
    mine = cache.get(None, reader="ana")  # the writer waits for its own change
    assert mine is not second
    assert mine.version == (data_fingerprint(app.state.db), 0)
    assert cache.get(None, reader="ada") is mine


def test_the_writer_sees_its_decision_in_the_matrix_at_once(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    analyst = visit("analyst")
    before = analyst.client.get("/api/matrix").json()
    analyst.post(f"/tags/{seed.jordan_tags[2]}/reject")
    analyst.post(f"/tags/{seed.jordan_tags[0]}/reject")
    after = analyst.client.get("/api/matrix").json()
    assert after != before


def test_concurrent_requests_compute_once(app: FastAPI, seed: Seed) -> None:
    cache: SynthesisCache = app.state.synthesis
    results = []

    def get() -> None:
        results.append(cache.get(None))

    threads = [threading.Thread(target=get) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.computations == 1
    assert all(entry is results[0] for entry in results)


def test_fingerprint_changes_with_every_kind_of_write(
    db: Database, seed: Seed, visit: Callable[[str], Visitor]
) -> None:
    first = data_fingerprint(db)
    assert first == data_fingerprint(db)
    user = get_user(db, 2)
    assert user is not None
    code_paragraph(db, seed.jordan_paragraphs[0], ["objective:1"], user)
    coded = data_fingerprint(db)
    assert coded.last_audit > first.last_audit
    store_hostile_document(db)
    stored = data_fingerprint(db)
    assert (stored.documents, stored.tags) == (coded.documents + 1, coded.tags + 1)
    visit("admin").post(f"/documents/{seed.egypt}/delete")
    assert data_fingerprint(db).documents == stored.documents - 1


def test_shared_embedder_runs_on_one_thread_for_everyone() -> None:
    shared = SharedEmbedder("fake.v1", cache_path=None)
    texts = ["Remittances matter.", "تلتزم الحكومة بحماية حقوق العمال"]
    expected = FakeEmbedder().embed(texts)
    results: list[np.ndarray] = []
    threads = [
        threading.Thread(target=lambda: results.append(shared.embed(texts))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4
    for vectors in results:
        np.testing.assert_allclose(vectors, expected)
    assert (shared.name, shared.dimension) == ("fake.v1", expected.shape[1])
    shared.close()
    np.testing.assert_allclose(shared.embed(texts[:1]), expected[:1])  # starts again
    shared.close()
    shared.close()  # closing twice is harmless


def test_app_shares_one_embedder_with_the_vector_cache(make_app: Callable[..., FastAPI]) -> None:
    app = make_app(vector_cache="/tmp/gcm-review-test-never-written.sqlite")
    embedder = app.state.embedder
    assert isinstance(embedder, SharedEmbedder)
    assert str(embedder.cache_path) == "/tmp/gcm-review-test-never-written.sqlite"
    assert app.state.synthesis.embedder is embedder


def test_links_name_the_page_of_the_document_view(
    visit: Callable[[str], Visitor], db: Database, make_document: Callable[..., StructuredDocument]
) -> None:
    saved = save_document(db, make_document(name="long.txt", paragraphs=205), reader="text.v1")
    ids = [pid for pid, _ in paragraphs_to_tag(db, [saved.document_id])]
    links = document_links(db, [saved.document_id])
    assert links[ids[0]].href == f"/documents/{saved.document_id}#p-{ids[0]}"
    assert links[ids[-1]].href == f"/documents/{saved.document_id}?page=2#p-{ids[-1]}"
    assert links[ids[-1]].label == "long.txt ¶ 205"
    assert paragraph_links(db, [ids[-1], 999_999]) == {ids[-1]: links[ids[-1]]}
    page = visit("viewer").client.get(f"/documents/{saved.document_id}", params={"page": 2})
    assert f'id="p-{ids[-1]}"' in page.text


def test_a_synthesis_still_being_drafted_is_announced_and_the_page_reloads(
    visit: Callable[[str], Visitor], seed: Seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gcm_review.web.routes.synthesis as route
    import gcm_review.web.synthesis_cache as cache_module

    release = threading.Event()
    slow_drafts = []
    real = cache_module.synthesise

    def slow(*args: object, **kwargs: object) -> object:
        slow_drafts.append(1)
        release.wait(20)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module, "synthesise", slow)
    monkeypatch.setattr(route, "DRAFT_WAIT_SECONDS", 0.05)
    analyst = visit("analyst")
    waiting = analyst.client.get("/synthesis")
    assert waiting.status_code == 200
    assert '<meta http-equiv="refresh" content="3">' in waiting.text
    assert "paragraphs is being drafted" in waiting.text and 'href="/matrix"' in waiting.text
    assert analyst.client.get("/synthesis").status_code == 200  # asks again: one draft only
    release.set()
    wait_for(lambda: 'id="top"' in analyst.client.get("/synthesis").text)
    assert len(slow_drafts) == 1


def test_a_failed_draft_is_shown_by_the_next_request(
    visit: Callable[[str], Visitor], seed: Seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gcm_review.web.synthesis_cache as cache_module

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("drafting broke")

    monkeypatch.setattr(cache_module, "synthesise", broken)
    analyst = visit("analyst")

    def raised() -> bool:  # the test client raises what the server would answer 500 to
        try:
            analyst.client.get("/synthesis")
        except RuntimeError as error:
            return "drafting broke" in str(error)
        return False

    wait_for(raised)
