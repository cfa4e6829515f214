"""Ids in paths: a path whose whole-number parameter (a document, paragraph or tag id, an
objective) is not a number a row could have is a page that does not exist, so 404.

One app-wide dependency checks every route: a path value that is not written in plain digits
("-1", "abc", "1e3", "+7") or is above the largest id the databases store (2^63 - 1) is refused
before the route runs, so neither FastAPI's 422 nor the database driver's overflow (a 500)
is ever reached. A whole-number query parameter (`?document=`, `?page=`) beyond +/-(2^63 - 1)
is refused the same way; one that is not a number stays FastAPI's 422.
"""

from __future__ import annotations

import functools
import inspect
import typing
from collections.abc import Callable
from types import NoneType, UnionType
from typing import Union

from fastapi import HTTPException, Request

from gcm_review.web.catalogues import N_

MAX_ID = 2**63 - 1  # the largest BIGINT on PostgreSQL and the largest SQLite INTEGER
NOT_FOUND = N_("There is no such page.")


def check_path_ids(request: Request) -> None:
    """Refuse (404) a request whose whole-number path parameters could name no row."""
    endpoint = request.scope.get("endpoint")
    if endpoint is None:
        return
    for name in whole_number_parameters(endpoint):
        value = request.path_params.get(name)
        if value is not None and not _possible_id(str(value)):
            raise HTTPException(status_code=404, detail=NOT_FOUND)
        if any(_too_large(given) for given in request.query_params.getlist(name)):
            raise HTTPException(status_code=404, detail=NOT_FOUND)


@functools.cache
def whole_number_parameters(endpoint: Callable[..., object]) -> frozenset[str]:
    """The parameters of a route function typed `int` or `int | None`."""
    try:
        hints = typing.get_type_hints(endpoint)
    except (NameError, TypeError):  # an annotation that cannot be resolved: nothing to check
        return frozenset()
    names = inspect.signature(endpoint).parameters
    return frozenset(name for name in names if _whole_number(hints.get(name)))


def _whole_number(hint: object) -> bool:
    if hint is int:
        return True
    options = typing.get_args(hint) if typing.get_origin(hint) in (Union, UnionType) else ()
    return int in options and all(option in (int, NoneType) for option in options)


def _possible_id(value: str) -> bool:
    return value.isascii() and value.isdigit() and int(value) <= MAX_ID


def _too_large(value: str) -> bool:
    """A whole number no database column holds (anything else is left to FastAPI)."""
    digits = value.strip().removeprefix("-").removeprefix("+")
    return digits.isascii() and digits.isdigit() and int(digits) > MAX_ID
