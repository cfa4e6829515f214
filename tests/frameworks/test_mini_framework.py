"""A second, small framework (tests/frameworks/data/mini.toml) end to end: nothing GCM-specific is
hard-coded on the way from a file to the report (references, training, tags, matrix, title,
roundtables, the report's and the survey annex's words, evaluation)."""

from __future__ import annotations

import csv
import html
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import gcm_review
from gcm_review.cli import app
from gcm_review.errors import FrameworkError
from gcm_review.frameworks import Framework, load_framework
from gcm_review.frameworks.labels import label_hint
from gcm_review.model import TagInput
from gcm_review.report.document import Heading
from gcm_review.settings import Settings, load_settings
from gcm_review.structure.objective_refs import find_objective_refs
from gcm_review.survey.charts import survey_charts
from gcm_review.survey.pipeline import analyse_survey
from gcm_review.survey.section import survey_section
from gcm_review.tagging.examples import training_examples
from gcm_review.tagging.run import load_tagger
from gcm_review.tagging.tagger import GcmTagger
from gcm_review.workflows.review import ReviewResult, run_review

MINI = Path(__file__).parent / "data" / "mini.toml"
runner = CliRunner()
KENYA = """\
Kenya village services review

Kenya

1. Kenya dug three new wells and fitted a solar water pump, so the villages now have clean \
drinking water all year, as goal 1 of the Mini Compact asks of every member.

2. The county repaired the mountain roads and rebuilt the bridge over the river so that trucks \
reach the market in the rainy season, in line with goal 3.
"""
MOROCCO = """\
Morocco village services review

Morocco

3. Morocco opened a school within walking distance of every village and hired teachers for the \
pupils, which is the heart of goal 2 and of objective 4 of the national plan.

4. Nurses from the new clinic visit the remote hamlets with medicines every week.
"""


@pytest.fixture(scope="module")
def mini() -> Framework:
    return load_framework(str(MINI))


@pytest.fixture(scope="module")
def mini_tagger() -> GcmTagger:
    return load_tagger(embedder="fake.v1", cache_path=None, framework=str(MINI))


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> ReviewResult:
    folder = tmp_path_factory.mktemp("mini-review")
    (folder / "in").mkdir()
    (folder / "in" / "kenya.txt").write_text(KENYA, encoding="utf-8")
    (folder / "in" / "morocco.txt").write_text(MOROCCO, encoding="utf-8")
    settings = Settings(
        database_url=f"sqlite:///{folder / 'review.db'}",
        embedder="fake.v1",
        vector_cache="",
        framework=str(MINI),
    )
    return run_review([folder / "in"], out_dir=folder / "out", settings=settings)


def test_the_file_gives_labels_words_and_examples(mini: Framework) -> None:
    assert (mini.name, mini.size) == ("mini", 4)
    assert [o.key for o in mini.objectives] == ["water", "schools", "roads", "clinics"]
    assert [p.key for p in mini.principles] == ["fairness", "participation"]
    assert mini.cluster_members("links") == (3, 4)
    assert (mini.roundtable_cluster(2), mini.roundtable_cluster(3)) == ("links", None)
    assert mini.principle_word(plural=True) == "shared values"
    assert (mini.label_word(), mini.label_word("fr", plural=True)) == ("goal", "buts")
    assert mini.numbering() == "goals are numbered 1 to 4"
    assert [path.name for path in mini.examples] == ["mini-train.jsonl"]
    assert mini.name_in("en") == mini.title["en"]  # no short title: the title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("progress on goal 3 was slow", (3,)),
        ("goals 1 to 4", (1, 2, 3, 4)),
        ("le but 2 est atteint", (2,)),
        ("الغاية ٣ تحققت", (3,)),
        ("وحققنا الغايتين 1 و2", (1, 2)),
        ("the 2nd MCVS goal", (2,)),
        ("the first goal of the Mini Compact", (1,)),
        ("the first goal of the meeting", ()),  # an everyday ordinal, no framework name
        ("goal 5", ()),  # only 1..4
        ("goal 3 of the SDGs", ()),
        ("objective 3 and الهدف 2", ()),  # the GCM's words mean nothing here
    ],
)
def test_references_use_the_framework_words(
    mini: Framework, text: str, expected: tuple[int]
) -> None:
    assert find_objective_refs(text, framework=mini) == expected


def test_the_gcm_default_is_unchanged() -> None:
    assert find_objective_refs("objective 3 and goal 2") == (3,)
    assert find_objective_refs("objective 23") == (23,)


def test_training_reads_the_examples_the_file_names(mini: Framework) -> None:
    examples = training_examples(mini)
    assert len(examples) == 25
    assert {label for e in examples for label in e.labels} == {
        *(f"objective:{n}" for n in range(1, 5)),
        "principle:fairness",
        "principle:participation",
    }


def test_the_tagger_has_the_framework_labels_and_finds_its_references(
    mini_tagger: GcmTagger,
) -> None:
    assert mini_tagger.space.labels == (
        "objective:1",
        "objective:2",
        "objective:3",
        "objective:4",
        "principle:fairness",
        "principle:participation",
    )
    text = "Progress was reported on goal 4 this year by the health ministry, with more staff."
    (tags,) = mini_tagger.tag([TagInput(text, "en")])
    named = next(tag for tag in tags if tag.label == "objective:4")
    assert named.decided and named.probability >= 0.95
    (gcm_words,) = mini_tagger.tag([TagInput(text.replace("goal 4", "objective 4"), "en")])
    explicit = [e for tag in gcm_words for e in tag.evidence if e.tagger == "explicit.v1"]
    assert explicit == []


def test_the_setting_chooses_the_framework(tmp_path: Path) -> None:
    config = tmp_path / "gcm-review.toml"
    config.write_text(f"framework = '{MINI}'\n", encoding="utf-8")
    assert load_settings(environ={}, config_file=config).framework == str(MINI)
    assert load_settings(environ={"GCM_REVIEW_FRAMEWORK": "gcm"}).framework == "gcm"


def test_a_review_with_the_mini_framework(reviewed: ReviewResult, mini: Framework) -> None:
    synthesis = reviewed.synthesis
    assert (
        synthesis.title
        == "Regional review of the Mini Compact on Village Services: draft synthesis"
    )
    assert synthesis.matrix.objectives == (1, 2, 3, 4)
    assert synthesis.matrix.countries == (("KEN", "Kenya"), ("MAR", "Morocco"))
    assert [a.objective for a in synthesis.attention] == [1, 2, 3, 4]
    assert [a.title for a in synthesis.attention] == [o.titles["en"] for o in mini.objectives]
    assert {p.key for p in synthesis.principles} == {"fairness", "participation"}
    by_number = {p.number: p for p in synthesis.paragraphs}
    assert 1 in by_number["1"].objectives  # "goal 1 of the Mini Compact"
    assert 3 in by_number["2"].objectives  # "goal 3"
    assert 2 in by_number["3"].objectives  # "goal 2" ...
    assert 4 not in by_number["3"].objectives  # ... but "objective 4" names nothing here
    assert "goal 1 (clean water)" in synthesis.key_messages[0].text


def test_the_review_files_have_four_columns_and_the_framework_titles(
    reviewed: ReviewResult, mini: Framework
) -> None:
    folder = reviewed.files[0].parent
    with (folder / "matrix.csv").open(encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header == ["iso3", "country", "1", "2", "3", "4"]
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert mini.objective(3).titles["en"] in html
    assert load_framework().objective(3).titles["en"] not in html


def test_the_report_calls_labels_what_the_framework_calls_them(reviewed: ReviewResult) -> None:
    page = (reviewed.files[0].parent / "report.html").read_text(encoding="utf-8")
    visible = re.sub(r"<(style|script)\b.*?</\1>|<[^>]+>", " ", page, flags=re.S)
    text = " ".join(html.unescape(visible).split())
    for phrase in (
        "Goal 3 : Keep village roads open all year",
        "Goals that received the greatest attention",
        "How goals are sorted:",
        "Country by goal matrix",
        "Kenya Goal 1 [1] Goal 3 [2]",  # the paragraphs behind each cell
        "Goals addressed, with the strongest evidence",
        "Shared values Paragraphs invoking each shared value",
    ):
        assert phrase in text
    words = re.sub(r"objective 4 of the national plan", "", text)  # a quoted paragraph
    assert not re.search(r"(?i)objective|guiding principle|global compact", words)
    messages = [m.text for m in reviewed.synthesis.key_messages]
    assert any(m.startswith("The shared value invoked most often was") for m in messages)


def test_hints_name_the_framework_labels(mini: Framework) -> None:
    assert label_hint(mini) == (
        "use objective:N (goal N, from 1 to 4) or principle:<key> (fairness, participation)"
    )
    with pytest.raises(FrameworkError, match="no goal 5") as caught:
        mini.objective(5)
    assert caught.value.hint == "goals are numbered 1 to 4"


def test_a_framework_without_examples_cannot_train(mini: Framework) -> None:
    with pytest.raises(FrameworkError, match="framework mini lists no training examples"):
        training_examples(replace(mini, examples=()))


def test_the_command_line_takes_the_framework(tmp_path: Path) -> None:
    (tmp_path / "kenya.txt").write_text(KENYA, encoding="utf-8")
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    common = ["--database-url", database, "--framework", str(MINI)]
    ingested = runner.invoke(app, ["ingest", str(tmp_path / "kenya.txt"), *common])
    assert ingested.exit_code == 0, ingested.output
    reviewed = runner.invoke(
        app,
        [
            "review",
            str(tmp_path / "kenya.txt"),
            "--out",
            str(tmp_path / "out"),
            "--embedder",
            "fake.v1",
            *common,
        ],
    )
    assert reviewed.exit_code == 0, reviewed.output
    header = (tmp_path / "out" / "matrix.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == ["iso3", "country", "1", "2", "3", "4"]
    broken = runner.invoke(app, ["ingest", str(tmp_path / "kenya.txt"), "--framework", "nope.toml"])
    assert broken.exit_code == 1
    assert "nope.toml: no packaged framework of that name and no such file" in broken.output
    assert "Traceback" not in broken.output


def test_the_survey_annex_uses_the_framework_words(mini: Framework) -> None:
    survey = Path(gcm_review.__file__).parent / "samples" / "survey"
    result = analyse_survey(
        survey / "gcm-stakeholder-survey-form.xlsx",
        survey / "gcm-stakeholder-survey-export.csv",
        framework=mini,
    )
    section = survey_section(result)
    headings = [b.text for b in section.blocks if isinstance(b, Heading)]
    assert headings[:3] == [
        "The Mini Compact on Village Services in the survey",
        "Shared values: application needs further improvement",
        "Priority goals",
    ]
    assert "respondents who rated a shared value said" in result.gcm.summary[0]
    assert result.gcm.summary[1].startswith("Goals most often chosen as priorities:")
    titles = [chart.title for chart in survey_charts(result)]
    assert "Priority goals: share of respondents choosing each" in titles


def test_evaluate_scores_a_gold_file_of_the_framework(tmp_path: Path) -> None:
    gold = MINI.parent / "mini-train.jsonl"
    args = ["evaluate", str(gold), "--embedder", "fake.v1", "--no-ablation", "--format", "json"]
    scored = runner.invoke(app, [*args, "--framework", str(MINI)])
    assert scored.exit_code == 0, scored.output
    report = json.loads(scored.output)
    assert report["n"] == 25
    assert set(report["objectives"]["per_label"]) == {"1", "2", "3", "4"}
    wrong = tmp_path / "gcm-labels.jsonl"
    wrong.write_text('{"id": "a", "text": "Visas.", "objectives": [7]}\n', encoding="utf-8")
    refused = runner.invoke(app, ["evaluate", str(wrong), "--framework", str(MINI)])
    assert refused.exit_code == 1
    assert "paragraph a has the label 'objective:7', which framework mini does not have" in (
        refused.output
    )
