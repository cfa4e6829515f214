"""The password rule: long enough, not common, not trivial, not the account name; the bundled
list is what scripts/common-passwords writes."""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path

import pytest

from gcm_review.errors import InvalidAccount
from gcm_review.store.passwords import (
    PROBLEMS,
    WeakPassword,
    check_password,
    common_passwords,
    password_problem,
)

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "common-passwords"


@pytest.mark.parametrize(
    ("password", "problem"),
    [
        ("short", "at least 10 characters"),
        ("aaaaaaaaaa", "at least 4 different characters"),
        ("abababababab", "at least 4 different characters"),
        ("abcdabcdabcd", "a shorter piece repeated"),
        ("abcdefghijkl", "a run of letters, digits or keyboard keys"),
        ("1234567890", "a run of letters, digits or keyboard keys"),
        ("0987654321", "a run of letters, digits or keyboard keys"),
        ("qwertyuiop", "a run of letters, digits or keyboard keys"),
        ("Qwerty123456", "a run of letters, digits or keyboard keys"),
        ("1qaz2wsx3edc", "a run of letters, digits or keyboard keys"),
        ("azertyuiop1234", "a run of letters, digits or keyboard keys"),
        ("azertyuiop!", "list of commonly used passwords"),
        ("Password123", "a variant of the word password"),
        ("P@ssw0rd2026", "a variant of the word password"),
        ("mypassword!", "a variant of the word password"),
        ("iloveyou123", "list of commonly used passwords"),
        ("Football2024!", "list of commonly used passwords"),
        ("W3lc0me2026", "list of commonly used passwords"),
        ("2026sunshine", "list of commonly used passwords"),
        ("farid-2026-jor", "must not contain the account name"),
        ("DIRAFfarid00", "must not contain the account name"),
    ],
)
def test_trivial_and_common_passwords_are_refused(password: str, problem: str) -> None:
    found = password_problem(password, name="farid")
    assert found is not None and problem in found
    with pytest.raises(WeakPassword, match=problem) as refused:
        check_password(password, name="farid")
    assert isinstance(refused.value, InvalidAccount)
    assert "password manager" in refused.value.one_line()
    assert PROBLEMS[refused.value.code] == found  # a stable code names the problem


@pytest.mark.parametrize(
    "password",
    ["correct horse battery", "Tamarind-lantern-47", "kq8-Vz2m-Lp0x", "رمل البحر الأزرق ٢٠٢٦"],
)
def test_good_passwords_pass(password: str) -> None:
    assert password_problem(password, name="farid") is None
    check_password(password, name="farid")


def test_the_bundled_list_holds_a_few_thousand_common_passwords() -> None:
    listed = common_passwords()
    assert 2_000 <= len(listed) <= 20_000
    assert {"password", "qwerty", "iloveyou", "welcome2026", "football123"} <= listed
    assert all(entry == entry.lower() and entry.strip() == entry for entry in listed)


def test_the_bundled_list_is_what_the_script_writes(tmp_path: Path) -> None:
    loader = importlib.machinery.SourceFileLoader("common_passwords_script", str(SCRIPT))
    spec = importlib.util.spec_from_loader(loader.name, loader)
    assert spec is not None
    script = importlib.util.module_from_spec(spec)
    loader.exec_module(script)
    assert frozenset(script.candidates()) == common_passwords()
