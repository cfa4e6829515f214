"""Honest agreement in the web app: only codings count, never review decisions nor coders whose
role may not code; disagreements are settled on the adjudication page, recorded with who and
when, and leave the agreement figures as they were."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from gcm_review.store.audit import AuditFilter, list_audit
from gcm_review.store.database import Database
from gcm_review.store.feedback import load_adjudications
from gcm_review.store.tables import ParagraphReviewRow
from web.conftest import Seed, Visitor
from web.test_agreement import code_everything


def figures(visitor: Visitor) -> dict[str, Any]:
    body: dict[str, Any] = visitor.client.get("/api/agreement").json()
    return body


def settle(visitor: Visitor, paragraph_id: int, labels: list[str]) -> Any:
    return visitor.client.post(
        f"/adjudication/{paragraph_id}",
        data={"label": labels, "csrf_token": visitor.token, "next": "/adjudication"},
        follow_redirects=False,
    )


def test_review_decisions_change_no_figure_and_make_no_coder(
    visit: Callable[[str], Visitor], seed: Seed
) -> None:
    analyst = visit("analyst")
    code_everything(visit, seed)
    before = figures(analyst)
    admin = visit("admin")
    for tag in seed.jordan_tags:  # reject and accept clicks on every Jordanian proposal
        admin.post(f"/tags/{tag}/reject")
        admin.post(f"/tags/{tag}/accept")
    focal = visit("focal-point")
    assert focal.post(f"/tags/{seed.jordan_tags[0]}/reject").status_code == 303  # type: ignore[attr-defined]
    after = figures(analyst)
    assert after == before
    assert after["coders"] == ["ada", "ana"]


def test_roles_that_may_not_code_are_never_coders(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    code_everything(visit, seed)
    with db.transaction() as session:  # rows an earlier version wrote for a focal point, a viewer
        for coder in ("farid", "vic"):
            session.add(
                ParagraphReviewRow(
                    paragraph_id=seed.jordan_paragraphs[0],
                    coder=coder,
                    labels=["objective:1"],
                    reviewed_at=datetime.now(UTC),
                    origin="coding",
                )
            )
    body = figures(visit("analyst"))
    assert body["coders"] == ["ada", "ana"]
    assert "farid" not in visit("analyst").client.get("/agreement").text
    focal = visit("focal-point")
    assert focal.client.get("/coding").status_code == 403
    assert focal.client.get("/adjudication").status_code == 403


def test_disagreements_are_shown_side_by_side_and_settled(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    code_everything(visit, seed)
    analyst = visit("analyst")
    before = figures(analyst)
    assert (before["disputed"], before["adjudicated"]) == (2, 0)
    html = analyst.client.get("/adjudication").text
    assert "Settled: 0 of 2 paragraphs the coders disagreed on." in html
    disputed = seed.jordan_paragraphs[1]  # ada: O6; ana: O6 and human rights
    article = html[html.index(f'id="a-{disputed}"') :]
    article = article[: article.index("</article>")]
    assert '<th scope="col">ada</th><th scope="col">ana</th>' in article
    assert "Human rights" in article  # the label only one coder gave is listed
    # What every coder gave is ticked to start from; nothing else.
    assert article.count(" checked") == 1 and 'value="objective:6" checked' in article
    response = settle(analyst, disputed, ["objective:6", "principle:human-rights"])
    assert response.status_code == 303
    [settled] = load_adjudications(db).values()
    assert (settled.paragraph_id, settled.adjudicator) == (disputed, "ana")
    assert settled.labels == frozenset({"objective:6", "principle:human-rights"})
    [entry] = list_audit(db, where=AuditFilter(action="paragraph.adjudicate"))
    assert entry.after == {"labels": ["objective:6", "principle:human-rights"], "by": "ana"}
    after = figures(analyst)
    assert (after["disputed"], after["adjudicated"]) == (2, 1)
    assert {key: after[key] for key in ("labels", "micro", "coders")} == {
        key: before[key] for key in ("labels", "micro", "coders")
    }
    page = analyst.client.get("/agreement").text
    assert "Adjudicated: 1 of 2 paragraphs the coders disagreed on." in page
    assert f'id="a-{disputed}"' not in analyst.client.get("/adjudication").text  # open only
    every = analyst.client.get("/adjudication", params={"show": "all"}).text
    assert "Settled by ana on " in every


def test_adjudication_api_and_refusals(
    visit: Callable[[str], Visitor], seed: Seed, db: Database
) -> None:
    code_everything(visit, seed)
    admin = visit("admin")
    pid = seed.jordan_paragraphs[2]
    response = admin.client.post(
        f"/api/adjudications/{pid}",
        json={"labels": ["objective:7"]},
        headers={"X-CSRF-Token": admin.token},
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["paragraph_id"], body["labels"], body["adjudicator"]) == (
        pid,
        ["objective:7"],
        "ada",
    )
    [listed] = admin.client.get("/api/adjudications").json()
    assert listed["paragraph_id"] == pid
    assert settle(admin, pid, ["objective:99"]).status_code == 422
    assert settle(admin, 999_999, []).status_code == 404
    viewer = visit("viewer")
    assert settle(viewer, pid, []).status_code == 403
    assert viewer.client.get("/api/adjudications").status_code == 403
    no_token = admin.client.post(f"/adjudication/{pid}", data={"label": []})
    assert no_token.status_code == 403
    assert list(load_adjudications(db)) == [pid]
