"""Every route with a whole-number path parameter answers 404, never 500 nor 422, to an id no row
could have: above 2^63 - 1, negative, or not a number; whole-number query parameters beyond
2^63 - 1 too."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from gcm_review.web.path_ids import MAX_ID, whole_number_parameters
from web.conftest import Visitor

BAD_IDS = [str(2**63), str(2**64 + 5), "99999999999999999999999999", "-1", "abc", "1e3", "+7"]
_PARAMETER = re.compile(r"{(\w+)(?::\w+)?}")


def api_routes(routes: list[BaseRoute]) -> Iterator[APIRoute]:
    """Every APIRoute of the app, through the routers included in it."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        included = getattr(route, "original_router", None) or getattr(route, "router", None)
        if included is not None and hasattr(included, "routes"):
            yield from api_routes(included.routes)


def routes_with_ids(app: FastAPI) -> list[tuple[str, str, str]]:
    """(method, path, name of the whole-number parameter) for every route that has one."""
    found = []
    for route in api_routes(app.router.routes):
        numbers = whole_number_parameters(route.endpoint) & set(_PARAMETER.findall(route.path))
        for name in sorted(numbers):
            for method in sorted(route.methods or ()):
                found.append((method, route.path, name))
    return sorted(set(found))


def fill(path: str, name: str, value: str) -> str:
    """The path with `name` set to `value` and every other parameter to a plausible value."""
    path = path.replace(f"{{{name}}}", value)
    return _PARAMETER.sub(lambda m: "JOR" if m.group(1) == "country" else "1", path)


def test_every_route_with_an_id_is_covered(app: FastAPI) -> None:
    covered = {(path, name) for _, path, name in routes_with_ids(app)}
    for expected in [
        ("/documents/{document_id}", "document_id"),
        ("/api/paragraphs/{paragraph_id}", "paragraph_id"),
        ("/paragraphs/{paragraph_id}/tags", "paragraph_id"),
        ("/tags/{tag_id}/accept", "tag_id"),
        ("/coding/{paragraph_id}", "paragraph_id"),
        ("/adjudication/{paragraph_id}", "paragraph_id"),
        ("/matrix/cell/{country}/{objective}", "objective"),
    ]:
        assert expected in covered
    assert not any(name == "job_id" for _, name in covered)  # job ids are not numbers


def test_ids_no_row_could_have_give_404_on_every_route(
    app: FastAPI, visit: Callable[[str], Visitor]
) -> None:
    admin = visit("admin")
    failures = []
    for method, path, name in routes_with_ids(app):
        for bad in BAD_IDS:
            url = fill(path, name, bad)
            response = admin.client.request(
                method, url, headers={"X-CSRF-Token": admin.token}, follow_redirects=False
            )
            if response.status_code != 404:
                failures.append(f"{method} {url}: {response.status_code}")
    assert failures == []


@pytest.mark.parametrize("value", ["0", "1000000", str(MAX_ID)])
def test_ids_a_row_could_have_reach_the_route(visit: Callable[[str], Visitor], value: str) -> None:
    client = visit("admin").client
    assert client.get(f"/documents/{value}").status_code == 404  # the store's own "not found"
    assert client.get(f"/api/paragraphs/{value}").json()["detail"] != "There is no such page."
    assert client.get("/documents/1").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        f"/coding?document={2**64}",
        f"/coding?document=1&page={2**63}",
        f"/coding?document=1&page=-{2**70}",
        f"/review?document={2**64}",
    ],
)
def test_whole_number_queries_beyond_any_id_give_404(
    visit: Callable[[str], Visitor], url: str
) -> None:
    assert visit("admin").client.get(url).status_code == 404


def test_a_query_that_is_not_a_number_stays_a_bad_request(
    visit: Callable[[str], Visitor],
) -> None:
    assert visit("admin").client.get("/coding?document=abc").status_code == 422
