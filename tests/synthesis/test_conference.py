"""The conference file: read, checked, found among the inputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from gcm_review.errors import InputError
from gcm_review.samples import sample_conference_file
from gcm_review.synthesis.conference import find_conference_file, read_conference


def test_the_sample_conference_file_is_read() -> None:
    info = read_conference(sample_conference_file())
    assert info.source == "conference.toml"
    assert info.dates == "4 and 5 March 2025" and info.format == "hybrid"
    assert len(info.organisers) == 3 and info.attendance


def test_every_key_is_optional(tmp_path: Path) -> None:
    path = tmp_path / "conference.toml"
    path.write_text('venue = "Beirut"\norganizers = ["ESCWA"]\n', encoding="utf-8")
    info = read_conference(path)
    assert (info.venue, info.organisers, info.name) == ("Beirut", ("ESCWA",), None)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name = ", "is not a valid conference file"),
        ('place = "Tunis"', "unknown keys: place"),
        ("dates = 2025", "wrong type"),
        ('organisers = "IOM"', "wrong type"),
    ],
)
def test_a_broken_file_is_named_with_what_is_wrong(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "conference.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read_conference(path)
    assert caught.value.path == str(path)


def test_found_in_a_folder_given_or_beside_a_file_given(tmp_path: Path) -> None:
    (tmp_path / "record.txt").write_text("x", encoding="utf-8")
    assert find_conference_file([tmp_path]) is None
    (tmp_path / "conference.toml").write_text("", encoding="utf-8")
    assert find_conference_file([tmp_path]) == tmp_path / "conference.toml"
    assert find_conference_file([tmp_path / "record.txt"]) == tmp_path / "conference.toml"
