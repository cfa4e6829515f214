"""The pages: documents, a document's paragraphs and tags, the review queue, the audit log."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import pytest
from fastapi import FastAPI

from gcm_review.model import Attribution, StructuredDocument
from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import Database
from gcm_review.store.documents import save_document
from gcm_review.web.routes import documents as documents_routes
from web.conftest import ARABIC_TEXT, Seed, TestClient, Visitor


def order_of(html: str, pattern: str) -> list[int]:
    return [int(found) for found in re.findall(pattern, html)]


def test_health_check_needs_no_account(app: FastAPI) -> None:
    response = TestClient(app).get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_static_assets_are_served_locally(app: FastAPI) -> None:
    client = TestClient(app)
    assert "--font-arabic" in client.get("/static/app.css").text
    assert "requestSubmit" in client.get("/static/app.js").text


@pytest.mark.parametrize("present", [True, False])
def test_htmx_is_loaded_only_when_its_file_exists(app: FastAPI, present: bool) -> None:
    app.state.htmx = present
    html = TestClient(app).get("/login").text
    assert ('src="/static/vendor/htmx.min.js"' in html) is present
    assert "cdn" not in html.lower()


@pytest.mark.parametrize(
    ("role", "links"),
    [
        (
            "admin",
            [
                "/documents",
                "/review",
                "/matrix",
                "/synthesis",
                "/search",
                "/agreement",
                "/exports",
                "/admin/training",
                "/audit",
                "/admin/users",
                "/account/tokens",
            ],
        ),
        (
            "analyst",
            [
                *("/documents", "/review", "/matrix", "/synthesis", "/search", "/agreement"),
                *("/exports", "/account/tokens"),
            ],
        ),
        (
            "focal-point",
            [
                *("/documents", "/review", "/matrix", "/synthesis", "/search", "/exports"),
                "/account/tokens",
            ],
        ),
        ("viewer", ["/documents", "/matrix", "/synthesis", "/search", "/account/tokens"]),
    ],
)
def test_navigation_shows_what_the_role_may_use(
    visit: Callable[[str], Visitor], role: str, links: list[str]
) -> None:
    html = visit(role).client.get("/documents").text
    nav = html[html.index('<nav aria-label="Main">') : html.index("</nav>")]
    assert re.findall(r'href="([^"]+)"', nav) == links


def test_document_view_shows_paragraphs_tags_and_evidence(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    html = visit("viewer").client.get(f"/documents/{seed.jordan}").text
    assert order_of(html, r'<article class="para" id="p-(\d+)"') == list(seed.jordan_paragraphs)
    assert '<p class="text" lang="en" dir="ltr">The ministry sends remittances' in html
    assert f'<p class="text" lang="ar" dir="rtl">{ARABIC_TEXT}</p>' in html
    chip = html[html.index(f'id="p-{seed.jordan_paragraphs[1]}"') :]
    assert '<span class="code">O6</span>' in chip
    assert "Fair recruitment, decent work" in chip
    assert '<span class="prob">90%</span>' in chip
    assert '<span class="status">proposed</span>' in chip
    assert 'title="lexicon.v1 0.80: remittances"' in chip
    assert "<details>" in chip
    assert "Proposed by gcm-tagger.v2" in chip
    # A viewer gets no review controls.
    assert "/accept" not in html
    assert "add-tag" not in html


def test_document_view_shows_the_speakers_title(
    visit: Callable[[str], Visitor], db: Database, make_document: Callable[..., StructuredDocument]
) -> None:
    doc = make_document(name="speakers.txt", paragraphs=2)
    who = Attribution(speaker="Ms. Amal Haddad", title="Minister <b>of Labour</b>", country="JOR")
    arabic = Attribution(speaker="أمل حداد", title="وزيرة العمل")
    paragraphs = (
        replace(doc.paragraphs[0], attribution=who),
        replace(doc.paragraphs[1], attribution=arabic),
    )
    saved = save_document(db, replace(doc, paragraphs=paragraphs), reader="text.v1")
    html = visit("viewer").client.get(f"/documents/{saved.document_id}").text
    assert (
        '<span class="who" dir="auto">Ms. Amal Haddad, <span class="speaker-title" dir="auto">'
        "Minister &lt;b&gt;of Labour&lt;/b&gt;</span> · Jordan (JOR)</span>"
    ) in html
    assert 'أمل حداد, <span class="speaker-title" dir="auto">وزيرة العمل</span></span>' in html


def test_documents_page_lists_what_the_user_may_see(
    visit: Callable[[str], Visitor],
) -> None:
    analyst = visit("analyst").client.get("/documents").text
    assert "Review of JOR" in analyst
    assert "Review of EGY" in analyst
    assert "Delete" not in analyst
    focal = visit("focal-point").client.get("/documents").text
    assert "Review of JOR" in focal
    assert "Review of EGY" not in focal
    assert "filed under Jordan (JOR)" in focal


def test_long_documents_are_paged(
    visit: Callable[[str], Visitor], seed: Seed, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents_routes, "PAGE_SIZE", 2)
    client = visit("viewer").client
    first = client.get(f"/documents/{seed.jordan}").text
    assert "Page 1 of 2" in first
    assert order_of(first, r'id="p-(\d+)"') == list(seed.jordan_paragraphs[:2])
    second = client.get(f"/documents/{seed.jordan}?page=2").text
    assert order_of(second, r'id="p-(\d+)"') == [seed.jordan_paragraphs[2]]


def test_review_queue_puts_the_most_uncertain_first(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    html = visit("analyst").client.get("/review").text
    # Probabilities: Jordan 0.55, 0.9, 0.2; Egypt 0.55. Distance from 0.5 orders them.
    expected = [seed.jordan_tags[0], seed.egypt_tags[0], seed.jordan_tags[2], seed.jordan_tags[1]]
    assert order_of(html, r'id="q-(\d+)"') == expected
    assert "4 proposals to review" in html
    assert "<kbd>a</kbd> accept" in html
    assert "data-queue" in html
    focal = visit("focal-point").client.get("/review").text
    assert order_of(focal, r'id="q-(\d+)"') == [seed.jordan_tags[i] for i in (0, 2, 1)]


def test_accept_and_reject_as_plain_forms(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    analyst = visit("analyst")
    first, second = seed.jordan_tags[0], seed.egypt_tags[0]
    accepted = analyst.post(f"/tags/{first}/accept", {"next": "/review"})
    assert (accepted.status_code, accepted.headers["location"]) == (303, "/review")
    analyst.post(f"/tags/{second}/reject", {"next": "/review"})
    queue = analyst.client.get("/review").text
    assert order_of(queue, r'id="q-(\d+)"') == [seed.jordan_tags[2], seed.jordan_tags[1]]
    [accept_row] = list_audit(db, where=AuditFilter(action="tag.accept"))
    assert accept_row.user_name == "ana"
    assert (accept_row.before["status"], accept_row.after["status"]) == ("proposed", "accepted")
    [reject_row] = list_audit(db, where=AuditFilter(action="tag.reject"))
    assert reject_row.object_id == str(second)


def test_htmx_decisions_return_the_changed_fragment(
    visit: Callable[[str], Visitor], seed: Seed, app: FastAPI
) -> None:
    app.state.htmx = True
    analyst = visit("analyst")
    hx = {"HX-Request": "true"}
    in_queue = analyst.client.post(
        f"/tags/{seed.jordan_tags[0]}/accept",
        data={"csrf_token": analyst.token, "view": "queue", "next": "/review"},
        headers=hx,
    )
    assert in_queue.status_code == 200
    assert in_queue.text.lstrip().startswith('<li class="queue-item status-accepted"')
    assert "data-decided" in in_queue.text
    assert f'hx-post="/tags/{seed.jordan_tags[0]}/reject"' in in_queue.text  # undo
    para = seed.jordan_paragraphs[1]
    in_document = analyst.client.post(
        f"/tags/{seed.jordan_tags[1]}/reject",
        data={"csrf_token": analyst.token, "view": "paragraph", "next": f"/documents/1#p-{para}"},
        headers=hx,
    )
    assert in_document.text.lstrip().startswith(f'<article class="para" id="p-{para}">')
    assert '<span class="status">rejected</span>' in in_document.text


def test_adding_a_label_from_the_document_view(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    analyst = visit("analyst")
    para = seed.jordan_paragraphs[0]
    back = f"/documents/{seed.jordan}#p-{para}"
    added = analyst.post(f"/paragraphs/{para}/tags", {"label": "objective:19", "next": back})
    assert (added.status_code, added.headers["location"]) == (303, back)
    html = analyst.client.get(f"/documents/{seed.jordan}").text
    chip = html[html.index(f'id="p-{para}"') : html.index(f'id="p-{seed.jordan_paragraphs[1]}"')]
    assert '<span class="code">O19</span>' in chip
    assert "Added by ana" in chip
    [row] = list_audit(db, where=AuditFilter(action="tag.add"))
    assert row.after["label"] == "objective:19"
    refused = analyst.post(f"/paragraphs/{para}/tags", {"label": "objective:99"})
    assert refused.status_code == 422
    assert "unknown label &#39;objective:99&#39;" in refused.text


def test_audit_page_shows_who_changed_what(visit: Callable[[str], Visitor], seed: Seed) -> None:
    visit("analyst").post(f"/tags/{seed.jordan_tags[0]}/reject")
    admin = visit("admin").client
    html = admin.get("/audit").text
    assert '<td dir="auto">ana</td>' in html
    assert "rejected a tag" in html
    # field by field, not raw JSON: the status went from proposed to rejected
    status_row = re.search(
        r'<tr class="changed">\s*<th scope="row">status</th>(.*?)</tr>', html, re.S
    )
    assert status_row is not None
    assert re.findall(r"<td[^>]*>([^<]*)</td>", status_row.group(1)) == ["proposed", "rejected"]
    assert "&#34;status&#34;" not in html
    # linked to the paragraph the tag is on
    assert f'href="/documents/{seed.jordan}#p-{seed.jordan_paragraphs[0]}"' in html
    assert "added an account" in html  # the seeded accounts
    filtered = admin.get("/audit", params={"action": "tag.reject"}).text
    assert "1 entry," in filtered
    assert "added an account" not in filtered


def test_admin_deletes_a_document_after_confirming(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    admin = visit("admin")
    confirm = admin.client.get(f"/documents/{seed.jordan}/delete").text
    assert "with its 3 paragraphs" in confirm
    deleted = admin.post(f"/documents/{seed.jordan}/delete")
    assert deleted.headers["location"] == "/documents"
    listing = admin.client.get("/documents").text
    assert "Deleted jordan.txt (version 1)." in listing
    assert "Review of JOR" not in listing
    assert admin.client.get(f"/documents/{seed.jordan}").status_code == 404
    [row] = list_audit(db, where=AuditFilter(action="document.delete"))
    assert (row.user_name, row.before["name"], row.before["paragraphs"]) == ("ada", "jordan.txt", 3)


def test_unknown_pages(visit: Callable[[str], Visitor]) -> None:
    client = visit("viewer").client
    page = client.get("/no-such-page")
    assert page.status_code == 404
    assert "There is no such page" in page.text
    api = client.get("/api/no-such-thing")
    assert api.status_code == 404
    assert api.json()["detail"] == "Not Found"
    assert client.get("/documents/999").status_code == 404
