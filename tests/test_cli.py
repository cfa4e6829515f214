"""The command line: help for every command, documented in the README, one-line errors."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from gcm_review.cli import app, common

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def command_names() -> list[str]:
    return sorted(command.name or command.callback.__name__ for command in app.registered_commands)


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
    assert f"gcm-review {name}" in (REPO / "README.md").read_text(encoding="utf-8")


def test_ingest_stores_and_reports(tmp_path: Path, sqlite_url: str) -> None:
    report = tmp_path / "review.txt"
    report.write_text(
        "Voluntary review\n\n1. Jordan\n\n"
        "12. Ms. Rana Haddad, Director at the Ministry of Labour of Jordan, said that the "
        "ministry had abolished recruitment fees under objective 6.\n",
        encoding="utf-8",
    )
    first = runner.invoke(app, ["ingest", str(report), "--database-url", sqlite_url])
    assert first.exit_code == 0, first.output
    assert "new" in first.output
    again = runner.invoke(
        app, ["ingest", str(report), "--database-url", sqlite_url, "--format", "json"]
    )
    assert again.exit_code == 0, again.output
    [doc] = json.loads(again.stdout)
    assert doc["status"] == "unchanged"
    numbered = [p for p in doc["paragraphs"] if p["number"] == "12"]
    assert numbered and numbered[0]["country"] == "JOR"
    assert 6 in numbered[0]["objective_refs"]
    for key in ("title", "language", "sections", "repairs", "paragraphs"):
        assert key in doc
    for key in (
        "id",
        "number",
        "section",
        "text",
        "page",
        "speaker",
        "organisation",
        "country",
        "stakeholder_group",
        "objective_refs",
    ):
        assert key in numbered[0]


def test_batch_goes_past_a_broken_file(tmp_path: Path, sqlite_url: str) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    good = inputs / "a-good.txt"
    good.write_text("1. The government opened a shelter for migrant workers.\n", encoding="utf-8")
    broken = inputs / "b-broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    empty = inputs / "c-empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(inputs), "--database-url", sqlite_url])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("b-broken.pdf" in line for line in errors)
    assert any("c-empty.txt" in line for line in errors)
    assert "Traceback" not in result.output
    listing = runner.invoke(app, ["documents", "--database-url", sqlite_url])
    assert "a-good.txt" in listing.output


def test_missing_file_and_bad_database(tmp_path: Path, sqlite_url: str) -> None:
    missing = runner.invoke(
        app, ["ingest", str(tmp_path / "nope.pdf"), "--database-url", sqlite_url]
    )
    assert missing.exit_code == 1
    assert "nope.pdf" in missing.stderr
    bad_db = runner.invoke(app, ["documents", "--database-url", "sqlite:////no/such/dir/x.db"])
    assert bad_db.exit_code == 1
    assert bad_db.stderr.count("\n") == 1


def test_tag_explain_and_evaluate(tmp_path: Path, sqlite_url: str) -> None:
    report = tmp_path / "review.txt"
    report.write_text(
        "National review\n\n"
        "4. The central bank cut the cost of sending remittances and opened accounts for "
        "the families of migrant workers, a step towards their financial inclusion.\n",
        encoding="utf-8",
    )
    ingested = runner.invoke(
        app, ["ingest", str(report), "--database-url", sqlite_url, "--format", "json"]
    )
    paragraph_id = json.loads(ingested.stdout)[0]["paragraphs"][-1]["id"]
    tagged = runner.invoke(app, ["tag", "--database-url", sqlite_url, "--embedder", "fake.v1"])
    assert tagged.exit_code == 0, tagged.output
    assert "Tagged 1 paragraph" in tagged.output
    explained = runner.invoke(
        app, ["explain", str(paragraph_id), "--database-url", sqlite_url, "--format", "json"]
    )
    assert explained.exit_code == 0, explained.output
    labels = [t["label"] for t in json.loads(explained.stdout)["tags"] if t["decided"]]
    assert "objective:20" in labels
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "a",
                "text": report.read_text().split("\n")[-2],
                "objectives": [20],
                "principles": [],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    evaluated = runner.invoke(
        app, ["evaluate", str(gold), "--embedder", "fake.v1", "--format", "json", "--no-ablation"]
    )
    assert evaluated.exit_code == 0, evaluated.output
    scores = json.loads(evaluated.stdout)
    assert scores["n"] == 1
    assert scores["objectives"]["micro"]["recall"] == 1.0
    assert set(scores["principles"]) >= {"micro", "macro", "per_label"}


def test_explain_unknown_paragraph_and_bad_gold(tmp_path: Path, sqlite_url: str) -> None:
    missing = runner.invoke(app, ["explain", "999", "--database-url", sqlite_url])
    assert missing.exit_code == 1
    assert "no paragraph with id 999" in missing.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(bad), "--embedder", "fake.v1"])
    assert result.exit_code == 1
    assert "bad.jsonl" in result.stderr and "line 1" in result.stderr


def test_review_goes_past_a_broken_file_and_writes_the_report(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GCM_REVIEW_EMBEDDER", "fake.v1")
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "jordan.txt").write_text(
        "Voluntary review of Jordan\n\n1. Jordan\n\n"
        "12. Ms. Rana Haddad, Director at the Ministry of Labour of Jordan, said that the "
        "ministry had abolished recruitment fees under objective 6.\n",
        encoding="utf-8",
    )
    (inputs / "broken.pdf").write_bytes(b"%PDF-1.7 this is not a real PDF")
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["review", str(inputs), "--out", str(out), "--database-url", sqlite_url]
    )
    assert result.exit_code == 1, result.output
    assert "broken.pdf" in result.output and "Traceback" not in result.output
    assert "1 read, 1 failed" in result.output
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Jordan" in html
    assert (out / "matrix.csv").read_text(encoding="utf-8").startswith("iso3,country,1,2,3")


def test_review_of_nothing_readable_is_one_line(tmp_path: Path, sqlite_url: str) -> None:
    broken = tmp_path / "empty.txt"
    broken.write_text("", encoding="utf-8")
    result = runner.invoke(
        app, ["review", str(broken), "--out", str(tmp_path / "out"), "--database-url", sqlite_url]
    )
    assert result.exit_code == 1
    assert "no document could be read" in result.output
    assert "Traceback" not in result.output


def test_survey_command_writes_results(tmp_path: Path) -> None:
    from gcm_review.samples import sample_survey_dir

    folder = sample_survey_dir()
    result = runner.invoke(
        app,
        [
            "survey",
            str(folder / "gcm-stakeholder-survey-form.xlsx"),
            str(folder / "gcm-stakeholder-survey-export.csv"),
            "--out",
            str(tmp_path),
            "--by",
            "stakeholder_group",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "150 response(s) analysed (2 duplicate(s) removed)" in result.output
    header = (tmp_path / "survey_results.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "question,option,group,group_value,n,total,percent,ci_low,ci_high"


def test_survey_with_a_missing_file_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["survey", str(tmp_path / "form.xlsx"), str(tmp_path / "data.csv"), "--out", "x"]
    )
    assert result.exit_code == 1
    assert "form.xlsx" in result.output and "Traceback" not in result.output


def test_review_adds_the_survey_annex(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gcm_review.samples import sample_survey_dir

    monkeypatch.setenv("GCM_REVIEW_EMBEDDER", "fake.v1")
    report = tmp_path / "jordan.txt"
    report.write_text("1. Jordan\n\n2. The ministry abolished recruitment fees.\n", "utf-8")
    folder = sample_survey_dir()
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "review", str(report), "--out", str(out), "--database-url", sqlite_url,
            "--survey-form", str(folder / "gcm-stakeholder-survey-form.xlsx"),
            "--survey-data", str(folder / "gcm-stakeholder-survey-export.csv"),
        ],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert 'id="survey"' in (out / "report.html").read_text(encoding="utf-8")
    assert (out / "survey" / "survey_results.csv").is_file()
    half = runner.invoke(app, ["review", str(report), "--out", str(out), "--survey-form", "f"])
    assert half.exit_code == 2 and "--survey-data" in half.output


MARKUP = "[/b][bold][link=x]"


@pytest.fixture
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    """Consoles wide enough that no table cell is folded."""
    monkeypatch.setattr(common.out, "_width", 1000)
    monkeypatch.setattr(common.err, "_width", 1000)


def as_typed(output: str) -> str:
    """Output with spaces, line breaks and table rules removed (tables fold long cells)."""
    return "".join(ch for ch in output if not ch.isspace() and ch not in "│┃")


def test_markup_in_titles_paths_and_speakers_prints_as_plain_text(
    tmp_path: Path, sqlite_url: str, wide_console: None
) -> None:
    folder = tmp_path / "odd["  # with the file's name, the path holds `[/b]`
    folder.mkdir()
    report = folder / "b][bold][link=x].txt"
    report.write_text(
        f"Review {MARKUP} title\n\n1. Jordan\n\n"
        f"12. Ms. Rana {MARKUP} Haddad, Director at the Ministry of Labour of Jordan, said that "
        f"the ministry had abolished recruitment fees {MARKUP} under objective 6.\n",
        encoding="utf-8",
    )
    broken = folder / "b][link=x]broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    db = ["--database-url", sqlite_url]
    ingested = runner.invoke(app, ["ingest", str(report), str(broken), *db])
    assert ingested.exit_code == 1, ingested.output  # the broken file, reported as one line
    assert not isinstance(ingested.exception, Exception)  # SystemExit(1) only
    assert "b][bold][link=x].txt" in as_typed(ingested.stdout)
    [failed] = [line for line in ingested.stderr.splitlines() if line.startswith("error:")]
    assert "odd[/b][link=x]broken.pdf" in failed
    listing = runner.invoke(app, ["documents", *db])
    assert listing.exit_code == 0, listing.output
    assert f"Review{MARKUP}title" in as_typed(listing.stdout)
    records = runner.invoke(app, ["ingest", str(report), *db, "--format", "json"])
    [doc] = json.loads(records.stdout)
    [para] = [p for p in doc["paragraphs"] if p["number"] == "12"]
    assert MARKUP in para["speaker"] or MARKUP in para["text"]
    tagged = runner.invoke(app, ["tag", *db, "--embedder", "fake.v1"])
    assert tagged.exit_code == 0, tagged.output
    explained = runner.invoke(app, ["explain", str(para["id"]), *db])
    assert explained.exit_code == 0, explained.output
    assert f"abolishedrecruitmentfees{MARKUP}under" in as_typed(explained.stdout)
    assert "b][bold][link=x].txt" in as_typed(explained.stdout)
    out = tmp_path / "out[/b][bold]"
    reviewed = runner.invoke(
        app,
        ["review", str(report), "--out", str(out), "--title", f"Draft {MARKUP}", *db]
        + ["--embedder", "fake.v1"],
    )
    assert reviewed.exit_code == 0, reviewed.output
    assert f"Draft{MARKUP}" in as_typed(reviewed.stdout)
    assert "out[/b][bold]/report.html" in as_typed(reviewed.stdout)
    assert (out / "report.html").is_file()
    for result in (ingested, listing, records, tagged, explained, reviewed):
        assert "MarkupError" not in result.output and "Traceback" not in result.output


def test_review_of_unreadable_files_reports_each_then_one_line(
    tmp_path: Path, sqlite_url: str
) -> None:
    missing = tmp_path / "missing.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(
        app,
        ["review", str(missing), str(empty), "--out", str(tmp_path / "out")]
        + ["--database-url", sqlite_url],
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3, lines
    assert "missing.txt: no such file" in lines[0]
    assert "empty.txt" in lines[1]
    assert "no document could be read" in lines[2]


def test_tag_with_an_unknown_document_id_is_one_line(sqlite_url: str) -> None:
    result = runner.invoke(app, ["tag", "424242", "--database-url", sqlite_url])
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: no document with id 424242; list the stored documents with `gcm-review documents`"
    )


def test_a_batch_goes_past_paths_that_are_not_files(
    tmp_path: Path, sqlite_url: str, wide_console: None
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("1. The government opened a shelter for migrant workers.\n", encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    odd = tmp_path / os.fsdecode(b"bad-\xff.txt")
    odd.write_text("1. The ministry opened a second shelter.\n", encoding="utf-8")
    paths = [str(p) for p in (tmp_path / "missing.txt", fifo, Path("/dev/zero"), loop, good, odd)]
    result = runner.invoke(app, ["ingest", *paths, "--database-url", sqlite_url])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert [line.split(": ", 2)[2] for line in errors] == [
        "no such file; check the path",
        "not a regular file but a named pipe (FIFO); check the path",
        "not a regular file but a character device; check the path",
        "a symbolic link loop; check the path",
    ]
    listing = runner.invoke(app, ["documents", "--database-url", sqlite_url])
    assert "2 stored document(s)" in listing.stdout
    assert "bad-\ufffd.txt" in listing.stdout


def test_an_unreachable_path_is_one_line_and_the_batch_goes_on(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("1. The government opened a shelter for migrant workers.\n", encoding="utf-8")
    locked = tmp_path / "locked"  # as if its folder denied access (the tests may run as root)
    real_stat = Path.stat

    def stat(self: Path, **kwargs: bool) -> os.stat_result:
        if self.name == "locked" or self.parent.name == "locked":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    paths = [str(locked), str(locked / "report.txt"), str(good)]
    result = runner.invoke(app, ["ingest", *paths, "--database-url", sqlite_url])
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert len(errors) == 2 and all("permission denied" in line for line in errors)
    assert "good.txt" in result.stdout and "new" in result.stdout


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        ("[/b]", "[/b]"),
        ("[bold]x[/bold]", "[bold]x[/bold]"),
        ("[link=x]y", "[link=x]y"),
        ("ends with \\", "ends with \\"),
        (os.fsdecode(b"bad-\xff.txt"), "bad-\ufffd.txt"),
        ("\ud800", "?"),
    ],
)
def test_shown_text_prints_exactly_as_written(text: str, printed: str) -> None:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    console.print(common.shown(text), highlight=False)
    assert console.file.getvalue() == printed + "\n"  # type: ignore[attr-defined]
