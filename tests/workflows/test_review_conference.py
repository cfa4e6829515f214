"""A review of a conference record: its conference file is read, never reviewed, and the report
follows the record's sessions."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from gcm_review.errors import InputError
from gcm_review.settings import Settings
from gcm_review.workflows.review import ReviewResult, run_review

RECORD = """Report of the Regional Review Conference on Migration

Introduction

1. The Conference was held in Amman on 3 May 2025. It reviewed the Global Compact for Migration.

A. Opening session

2. Ms. Rana Khoury, Minister of Labour of Jordan, welcomed participants and said that fair
recruitment was a priority of her Government.

B. Plenary session 1: Statements by member States

3. The session was chaired by Mr. Sami Nour, Director at the Ministry of Interior of Lebanon.

4. Mr. Karim Haddad, Director at the Ministry of Labour of Jordan, said that his country had
extended the wage protection system to migrant domestic workers.

C. Closing session

5. Ms. Rana Khoury, Minister of Labour of Jordan, closed the Conference.

Annex. Recommendations

To member States

- Abolish recruitment fees charged to migrant workers.

- End the immigration detention of children.
"""
CONFERENCE = 'name = "Regional Review Conference"\ndates = "3 May 2025"\nvenue = "Amman"\n'


def _review(folder: Path, *, given: Path | None = None) -> ReviewResult:
    settings = Settings(
        database_url=f"sqlite:///{folder / 'review.db'}", embedder="fake.v1", vector_cache=""
    )
    return run_review([folder / "in"], out_dir=folder / "out", settings=settings, conference=given)


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> ReviewResult:
    folder = tmp_path_factory.mktemp("conference-review")
    (folder / "in").mkdir()
    (folder / "in" / "record.txt").write_text(RECORD, encoding="utf-8")
    (folder / "in" / "conference.toml").write_text(CONFERENCE, encoding="utf-8")
    return _review(folder)


def test_the_conference_file_is_read_not_reviewed(reviewed: ReviewResult) -> None:
    assert [Path(o.path).name for o in reviewed.ingest.outcomes] == ["record.txt"]
    conference = reviewed.synthesis.conference
    assert conference is not None and conference.venue == "Amman"


def test_the_report_follows_the_record(reviewed: ReviewResult) -> None:
    (outline,) = reviewed.synthesis.outlines
    assert [s.kind for s in outline.sessions] == ["opening", "plenary", "closing"]
    plenary = outline.sessions[1]
    assert plenary.chair is not None and "Mr. Sami Nour" in plenary.chair.text
    [haddad] = plenary.speakers
    assert haddad.lines[0].text.startswith("The representative of Jordan, Mr. Karim Haddad, said")
    out = reviewed.files[0].parent
    html = (out / "report.html").read_text(encoding="utf-8")
    for part in ("Introduction and organisation of work", "Conference sessions", "Annex"):
        assert part in html
    assert "was held in Amman on 3 May 2025" in html
    word = "\n".join(p.text for p in docx.Document(str(out / "report.docx")).paragraphs)
    assert "The representative of Jordan, Mr. Karim Haddad, said" in word
    assert "Abolish recruitment fees charged to migrant workers." in word


def test_a_broken_conference_file_stops_the_review_before_it_starts(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "record.txt").write_text(RECORD, encoding="utf-8")
    broken = tmp_path / "meeting.toml"
    broken.write_text("dates = [", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid conference file"):
        _review(tmp_path, given=broken)
    assert not (tmp_path / "review.db").exists()
